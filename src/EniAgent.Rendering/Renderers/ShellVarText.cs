using EniAgent.Rendering.ShellVars;

namespace EniAgent.Rendering.Renderers;

/// <summary>
/// Writes shell-sourced KEY='VALUE' files and line files whose lines a shell word-splits (route-/rule- files,
/// wicked ifroute/ifrule). Every value and line is checked against <see cref="ShellValue"/>'s strict set; a
/// failure becomes a <see cref="RenderException"/> naming the ENI, file and value.
/// </summary>
internal sealed class ShellVarText
{
    private readonly FileText _text;
    private readonly string _eniId;
    private readonly string _file;

    public ShellVarText(string header, string eniId, string file)
    {
        _text = new FileText(header);
        _eniId = eniId;
        _file = file;
    }

    public ShellVarText Set(string key, string value)
    {
        if (!ShellValue.IsValidKey(key))
        {
            throw new RenderException(_eniId, _file, "key", key, "is not a shell variable name");
        }

        if (!ShellValue.IsSafe(value))
        {
            throw new RenderException(_eniId, _file, key, value, "has characters a shell could interpret");
        }

        _text.Line($"{key}={ShellValue.Quote(value)}");
        return this;
    }

    /// <summary>A raw line (e.g. <c>ip route</c> arguments), held to the same safe set: no globs, no expansions.</summary>
    public ShellVarText Raw(string line)
    {
        if (!ShellValue.IsSafe(line))
        {
            throw new RenderException(_eniId, _file, "line", line, "has characters a shell could interpret");
        }

        _text.Line(line);
        return this;
    }

    public override string ToString() => _text.ToString();
}
