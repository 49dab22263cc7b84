namespace EniAgent.TestKit.Processes;

/// <summary>How a child process ended and everything it wrote.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>For assertion messages: exit code, stdout and stderr.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
