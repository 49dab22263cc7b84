using System.Text.Encodings.Web;
using System.Text.Json;

namespace EniAgent.Cli.Output;

/// <summary>The JSON options the commands print with.</summary>
internal static class CliJson
{
    /// <summary>
    /// Terminal and pipe output, never HTML: '+', quotes and apostrophes stay as written (like <c>metadata --json</c>)
    /// instead of \u002B, \u0022, \u0027; control characters are still escaped.
    /// </summary>
    public static CliJsonContext Context { get; } = new(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
