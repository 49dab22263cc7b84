namespace EniAgent.Core.Host;

/// <summary>
/// Every path the agent reads or writes, under a root prefix (<c>--root DIR</c>). The root is "/" on a real
/// host; tests and offline rendering point it at a scratch tree so nothing touches the machine's own files.
/// Paths handed around inside the agent stay in their logical absolute form (what the host will see);
/// only the I/O edge calls <see cref="Resolve"/>.
/// </summary>
public sealed record HostPaths
{
    public const string ConfigFileLogical = "/etc/eniagent/eniagent.yaml";
    public const string StateDirLogical = "/var/lib/eniagent";
    public const string RunDirLogical = "/run/eniagent";

    public HostPaths(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Path.IsPathRooted(root))
        {
            throw new ArgumentException($"root '{root}' must be an absolute path", nameof(root));
        }

        var full = Path.GetFullPath(root);
        Root = full.Length > 1 ? full.TrimEnd('/') : full;
    }

    /// <summary>The host's own file system.</summary>
    public static HostPaths System { get; } = new("/");

    /// <summary>The root prefix, normalised: "/" or an absolute path without a trailing slash.</summary>
    public string Root { get; }

    public bool IsSystemRoot => Root == "/";

    public string ConfigFile => Resolve(ConfigFileLogical);

    public string StateDir => Resolve(StateDirLogical);

    public string StateFile => Path.Combine(StateDir, "state.json");

    public string RunDir => Resolve(RunDirLogical);

    public string LockFile => Path.Combine(RunDir, "lock");

    /// <summary>os-release candidates in the order systemd documents: /etc first, then /usr/lib.</summary>
    public IReadOnlyList<string> OsReleaseFiles => [Resolve("/etc/os-release"), Resolve("/usr/lib/os-release")];

    /// <summary>CentOS/RHEL 6 ship no os-release; this text is the fallback.</summary>
    public string RedhatReleaseFile => Resolve("/etc/redhat-release");

    /// <summary>Maps a logical absolute path (as the host sees it) to where it lives under the root.</summary>
    public string Resolve(string absolutePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(absolutePath);
        if (absolutePath[0] != '/')
        {
            throw new ArgumentException($"'{absolutePath}' is not an absolute path", nameof(absolutePath));
        }

        // GetFullPath folds "..", so a logical path can never climb out of the root.
        var normalised = Path.GetFullPath(absolutePath);
        return IsSystemRoot ? normalised : Root + normalised;
    }

    /// <summary>The inverse of <see cref="Resolve"/>: a path under the root back to its logical form.</summary>
    public string ToLogical(string resolvedPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(resolvedPath);
        var full = Path.GetFullPath(resolvedPath);
        if (IsSystemRoot)
        {
            return full;
        }

        if (full == Root)
        {
            return "/";
        }

        return full.StartsWith(Root + "/", StringComparison.Ordinal)
            ? full[Root.Length..]
            : throw new ArgumentException($"'{resolvedPath}' is not under root '{Root}'", nameof(resolvedPath));
    }
}
