namespace EniAgent.Cli.Tests.Persistence;

/// <summary>A throwaway folder standing in for a host's or image's "/" (<c>--root</c>); deleted on dispose.</summary>
internal sealed class TempRoot : IDisposable
{
    public TempRoot() => Path = Directory.CreateTempSubdirectory("eniagent-cli-").FullName;

    public string Path { get; }

    public Core.Host.HostPaths Paths => new(Path);

    /// <summary>Where a logical path (as the host sees it, e.g. /etc/os-release) lives under the root.</summary>
    public string Resolve(string logical) => Path + logical;

    public TempRoot Write(string logical, string content)
    {
        var full = Resolve(logical);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public string Read(string logical) => File.ReadAllText(Resolve(logical));

    public bool Exists(string logical) => File.Exists(Resolve(logical));

    /// <summary>Every file under the root as a logical path with its content, sorted (hidden backups included).</summary>
    public SortedDictionary<string, string> Files() =>
        new(Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).ToDictionary(f => f[Path.Length..], File.ReadAllText), StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
