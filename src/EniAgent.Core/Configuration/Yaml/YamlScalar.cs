namespace EniAgent.Core.Configuration.Yaml;

/// <summary>
/// A leaf value kept as text together with where it was written, so validation errors can name the line
/// and column. Typed conversion happens after deserialisation, in <see cref="ConfigDocumentReader"/>.
/// </summary>
internal sealed class YamlScalar
{
    public string Text { get; set; } = string.Empty;

    /// <summary>An unquoted empty value, <c>~</c> or <c>null</c>: the key is present but means "default".</summary>
    public bool IsNull { get; set; }

    public int Line { get; set; }

    public int Column { get; set; }
}
