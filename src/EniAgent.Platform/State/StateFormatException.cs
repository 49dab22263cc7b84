namespace EniAgent.Platform.State;

/// <summary>state.json parsed as JSON but its content is not a valid state.</summary>
internal sealed class StateFormatException : Exception
{
    public StateFormatException()
    {
    }

    public StateFormatException(string message)
        : base(message)
    {
    }

    public StateFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
