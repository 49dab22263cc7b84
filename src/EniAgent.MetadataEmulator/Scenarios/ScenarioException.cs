namespace EniAgent.MetadataEmulator.Scenarios;

/// <summary>A scenario, ENI or faults document that does not follow the format; the message names the JSON path.</summary>
internal sealed class ScenarioException : Exception
{
    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScenarioException()
    {
    }
}
