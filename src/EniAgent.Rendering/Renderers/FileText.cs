using System.Text;

namespace EniAgent.Rendering.Renderers;

/// <summary>Builds file content line by line: LF endings, exactly one trailing newline, header first.</summary>
internal sealed class FileText
{
    private readonly StringBuilder _sb = new();

    public FileText(string header) => Line(header);

    public FileText Line(string line = "")
    {
        _sb.Append(line).Append('\n');
        return this;
    }

    public FileText Lines(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            Line(line);
        }

        return this;
    }

    public override string ToString()
    {
        var text = _sb.ToString();
        while (text.EndsWith("\n\n", StringComparison.Ordinal))
        {
            text = text[..^1];
        }

        return text;
    }
}
