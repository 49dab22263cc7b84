namespace EniAgent.MetadataEmulator.Cli;

/// <summary>A command line the emulator cannot run with; the message is shown with the usage text.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UsageException()
    {
    }
}
