using System.Text;

namespace EniAgent.Core.Configuration;

/// <summary>
/// The configuration file cannot be used. Names the file and, where known, the line, column, key and the
/// offending value, so the message alone tells an operator what to fix.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string fileName, int? line, int? column, string? key, string? value, string reason, Exception? inner = null)
        : base(Format(fileName, line, column, key, value, reason), inner)
    {
        FileName = fileName;
        Line = line;
        Column = column;
        Key = key;
        Value = value;
        Reason = reason;
    }

    public ConfigurationException()
        : this("(unknown)", null, null, null, null, "invalid configuration")
    {
    }

    public ConfigurationException(string message)
        : this("(unknown)", null, null, null, null, message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : this("(unknown)", null, null, null, null, message, innerException)
    {
    }

    public string FileName { get; }

    /// <summary>1-based line, null when the problem is not tied to a place (e.g. the file cannot be read).</summary>
    public int? Line { get; }

    /// <summary>1-based column.</summary>
    public int? Column { get; }

    /// <summary>Dotted key path, e.g. <c>metadata.token-ttl</c> or <c>exclude[2]</c>.</summary>
    public string? Key { get; }

    /// <summary>The offending value as written, when there is one.</summary>
    public string? Value { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Reason { get; }

    private static string Format(string fileName, int? line, int? column, string? key, string? value, string reason)
    {
        var text = new StringBuilder(fileName);
        if (line is { } l)
        {
            text.Append(':').Append(l);
            if (column is { } c)
            {
                text.Append(':').Append(c);
            }
        }

        text.Append(": ");
        if (!string.IsNullOrEmpty(key))
        {
            text.Append(key).Append(": ");
        }

        if (value is not null)
        {
            text.Append('\'').Append(value).Append("': ");
        }

        return text.Append(reason).ToString();
    }
}
