using EniAgent.Core.Configuration;
using EniAgent.Core.Host;
using EniAgent.Platform.Configuration;

namespace EniAgent.Cli.Daemon;

/// <summary>Where the daemon's options come from, to read them again on SIGHUP with the same command-line overrides.</summary>
internal sealed record ConfigurationSource(string? ConfigFile, HostPaths Paths, Uri? MetadataUrl)
{
    /// <summary>The file the daemon reads (the explicit <c>--config</c> or the default under <c>--root</c>).</summary>
    public string FileName => ConfigFile ?? Paths.ConfigFile;

    /// <exception cref="ConfigurationException">The file is broken; it names the file, line and key.</exception>
    public AgentOptions Load()
    {
        var options = ConfigurationLoader.Load(ConfigFile, Paths.Root);
        return MetadataUrl is { } url ? options with { Metadata = options.Metadata with { Endpoint = url } } : options;
    }
}
