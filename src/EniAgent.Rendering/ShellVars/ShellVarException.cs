namespace EniAgent.Rendering.ShellVars;

/// <summary>A KEY=VALUE text or value was refused; <see cref="Line"/> is 1-based, 0 for a single value.</summary>
public sealed class ShellVarException : Exception
{
    public ShellVarException()
    {
    }

    public ShellVarException(string message)
        : base(message)
    {
    }

    public ShellVarException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ShellVarException(ShellVarError error, int line, string detail)
        : base(line > 0 ? $"line {line}: {error}: {detail}" : $"{error}: {detail}")
    {
        Error = error;
        Line = line;
    }

    public ShellVarError Error { get; }

    public int Line { get; }
}
