namespace EniAgent.Rendering;

/// <summary>
/// A renderer refused to write a value it cannot prove harmless in the target format. Names the ENI, the
/// file and the offending value (control characters escaped).
/// </summary>
public sealed class RenderException : Exception
{
    public RenderException()
    {
    }

    public RenderException(string message)
        : base(message)
    {
    }

    public RenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RenderException(string? eniId, string file, string what, string value, string reason)
        : base($"refusing to render {file} for ENI {Text.Printable.Of(eniId ?? "?")}: {what} \"{Text.Printable.Of(value)}\" {reason}")
    {
        EniId = eniId;
        File = file;
        Value = value;
    }

    public string? EniId { get; }

    public string? File { get; }

    public string? Value { get; }
}
