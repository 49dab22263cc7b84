using YamlDotNet.Core;

namespace EniAgent.Core.Configuration.Yaml;

/// <summary>Thrown from inside deserialisation when a node has the wrong shape; the reason is ours, not YamlDotNet's.</summary>
internal sealed class ConfigShapeException : YamlException
{
    public ConfigShapeException(Mark start, Mark end, string reason)
        : base(start, end, reason)
    {
        Reason = reason;
    }

    public ConfigShapeException()
        : this(Mark.Empty, Mark.Empty, "wrong shape")
    {
    }

    public ConfigShapeException(string message)
        : this(Mark.Empty, Mark.Empty, message)
    {
    }

    public ConfigShapeException(string message, Exception inner)
        : base(message, inner)
    {
        Reason = message;
    }

    public string Reason { get; } = string.Empty;
}
