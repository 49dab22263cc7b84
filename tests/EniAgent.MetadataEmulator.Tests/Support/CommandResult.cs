namespace EniAgent.MetadataEmulator.Tests.Support;

internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);
