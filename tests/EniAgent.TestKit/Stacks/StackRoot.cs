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
    public StackRoot()
    {
        var dir = Directory.CreateTempSubdirectory("eniagent-stack-");
        // Daemons that drop root (networkd runs as systemd-network) must reach the bus socket below it.
        var fd = FileSystemNative.Open(dir.FullName, FileSystemNative.ORdOnly | FileSystemNative.ODirectory);
        try
        {
            FileSystemNative.Fchmod(fd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, dir.FullName);
        }
        finally
        {
            FileSystemNative.Close(fd);
        }

        Path = dir.FullName;
        Paths = new HostPaths(Path);
        foreach (var folder in new[] { "/run/dbus", "/run/systemd/network", "/etc/systemd/network", "/etc/netplan", "/etc/NetworkManager/system-connections", "/stack" })
        {
            Directory.CreateDirectory(Combine(folder));
        }
    }

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
