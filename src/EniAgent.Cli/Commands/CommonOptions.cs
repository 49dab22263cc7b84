using System.CommandLine;

namespace EniAgent.Cli.Commands;

/// <summary>Options shared by several commands; one instance per parser.</summary>
internal sealed class CommonOptions
{
    public Option<DirectoryInfo?> Root { get; } = new("--root")
    {
        Description = "Prefix for every path eniagent reads or writes (config, state, lock, os-release, rendered files)",
    };

    public Option<FileInfo?> Config { get; } = new("--config")
    {
        Description = "Configuration file (default /etc/eniagent/eniagent.yaml under --root)",
    };

    public Option<Uri?> MetadataUrl { get; } = new("--metadata-url")
    {
        Description = "Metadata service endpoint (default http://100.100.100.200)",
        CustomParser = r => Uri.TryCreate(r.Tokens.Single().Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : Fail<Uri>(r, "--metadata-url must be an absolute http(s) URL"),
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Machine-readable JSON output (schema in docs/cli.md)" };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Debug logging" };

    private static T? Fail<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }
}
