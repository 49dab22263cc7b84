namespace EniAgent.Core.Configuration;

public enum LogLevelOption
{
    Debug,
    Information,
    Warning,
    Error,
}
