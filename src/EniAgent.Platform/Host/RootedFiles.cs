using EniAgent.Core.Host;

namespace EniAgent.Platform.Host;

/// <summary>
/// Tolerant reads of logical paths under the root prefix for probing: anything missing or unreadable is simply
/// absent. A final-component symlink with an absolute target (e.g. /etc/os-release → /usr/lib/os-release) is
/// followed inside the root, not on the machine running the probe.
/// </summary>
internal sealed class RootedFiles(HostPaths paths)
{
    private const int MaxLinks = 8;
    private const int MaxBytes = 1024 * 1024;

    public HostPaths Paths => paths;

    public string? ReadText(string logicalPath)
    {
        var full = Resolve(logicalPath);
        try
        {
            var info = new FileInfo(full);
            return info.Exists && info.Length <= MaxBytes ? File.ReadAllText(full) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public bool FileExists(string logicalPath) => File.Exists(Resolve(logicalPath));

    public bool DirectoryExists(string logicalPath) => Directory.Exists(Resolve(logicalPath));

    /// <summary>Names of entries in a logical folder matching a glob, sorted; empty when absent.</summary>
    public IReadOnlyList<string> List(string logicalDirectory, string pattern, bool directories = false)
    {
        var dir = Resolve(logicalDirectory);
        try
        {
            var entries = directories ? Directory.EnumerateDirectories(dir, pattern) : Directory.EnumerateFiles(dir, pattern);
            return [.. entries.Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The resolved path, following absolute final-component symlinks within the root.</summary>
    public string Resolve(string logicalPath)
    {
        var logical = logicalPath;
        for (var i = 0; i < MaxLinks; i++)
        {
            var full = paths.Resolve(logical);
            string? target;
            try
            {
                target = new FileInfo(full).LinkTarget;
            }
            catch (IOException)
            {
                return full;
            }

            if (target is null)
            {
                return full;
            }

            logical = target.StartsWith('/') ? target : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(logical)!, target));
        }

        return paths.Resolve(logical);
    }
}
