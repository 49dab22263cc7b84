namespace EniAgent.Platform.Stacks;

/// <summary>A helper the pickup relies on (netplan generate) failed; the message says how.</summary>
public sealed class StackPickupException : Exception
{
    public StackPickupException()
    {
    }

    public StackPickupException(string message)
        : base(message)
    {
    }

    public StackPickupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
