using EniAgent.Core.Host;
using EniAgent.Platform.Files;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// A scratch tree standing in for the host's files (<c>--root</c>): the stack daemons see its folders through bind
/// mounts inside their private mount namespace, the agent's code writes it through <see cref="Paths"/>. Removed on
/// dispose (dispose the daemons first: their mount namespaces die with them).
/// </summary>
public sealed class StackRoot : IDisposable
{
    private readonly bool _owned;

    public StackRoot()
        : this(Directory.CreateTempSubdirectory("eniagent-stack-").FullName, owned: true)
    {
    }

    private StackRoot(string path, bool owned)
    {
        _owned = owned;
        // Daemons that drop root (networkd runs as systemd-network) must reach the bus socket below it.
        var fd = FileSystemNative.Open(path, FileSystemNative.ORdOnly | FileSystemNative.ODirectory);
        try
        {
            FileSystemNative.Fchmod(fd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, path);
        }
        finally
        {
            FileSystemNative.Close(fd);
        }

        Path = path;
        Paths = new HostPaths(Path);
        foreach (var folder in new[] { "/run/dbus", "/run/systemd/network", "/etc/systemd/network", "/etc/netplan", "/etc/NetworkManager/system-connections", "/stack" })
        {
            Directory.CreateDirectory(Combine(folder));
        }
    }

    /// <summary>A stack root over a folder someone else owns (e.g. a topology's <c>--root</c>): not removed on dispose.</summary>
    public static StackRoot Over(string existingRoot) => new(System.IO.Path.GetFullPath(existingRoot), owned: false);

    public string Path { get; }

    public HostPaths Paths { get; }

    /// <summary>Where a logical absolute path lives below the root.</summary>
    public string Combine(string logical) => Paths.Resolve(logical);

    /// <summary>Writes a file at a logical path (folders created), with the given mode.</summary>
    public string Write(string logical, string content, UnixFileMode mode)
    {
        var full = Combine(logical);
        new AtomicFileWriter().Write(full, content, mode);
        return full;
    }

    public void Dispose()
    {
        if (!_owned)
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"could not remove stack root {Path}: {e.Message}");
        }
    }
}
