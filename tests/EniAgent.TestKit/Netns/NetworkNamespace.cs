using System.Security.Cryptography;
using System.Text.Json;
using EniAgent.Netlink;

namespace EniAgent.TestKit.Netns;

/// <summary>
/// A throwaway network namespace with a unique random name, so kernel tests never touch the machine's own
/// network. Set it up with <c>ip -n</c> commands (<see cref="Ip"/>), talk to it over netlink
/// (<see cref="OpenConnection"/>, <see cref="OpenMonitor"/>), run code inside it (<see cref="Invoke{T}"/>).
/// Dispose deletes it; the kernel frees it once the last socket opened inside it is closed too.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    private bool _disposed;

    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    /// <summary>The bind mount <c>ip netns</c> keeps for it, which <see cref="RtnlConnection.Open"/> accepts.</summary>
    public string Path => "/run/netns/" + Name;

    /// <summary>Creates a namespace named <paramref name="prefix"/>-RANDOM with its loopback up.</summary>
    public static NetworkNamespace Create(string prefix = "eniat")
    {
        var name = $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}";
        HostCommand.Run("ip", "netns", "add", name);
        var ns = new NetworkNamespace(name);
        try
        {
            ns.Ip("link", "set", "lo", "up");
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    /// <summary>Runs <c>ip -n NAME ARGS...</c> and returns its output.</summary>
    public string Ip(params IReadOnlyList<string> arguments) => HostCommand.Run("ip", ["-n", Name, .. arguments]);

    /// <summary>Runs <c>ip -j -n NAME ARGS...</c> and parses its JSON output.</summary>
    public JsonElement IpJson(params IReadOnlyList<string> arguments)
    {
        var output = HostCommand.Run("ip", ["-j", "-n", Name, .. arguments]);
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(output) ? "[]" : output);
        return document.RootElement.Clone();
    }

    /// <summary>Runs a program inside the namespace (<c>ip netns exec</c>) and returns its output.</summary>
    public string Exec(string program, params IReadOnlyList<string> arguments) =>
        HostCommand.Run("ip", ["netns", "exec", Name, program, .. arguments]);

    /// <summary>Creates a veth pair; the peer goes into <paramref name="peerNamespace"/> when given.</summary>
    public void AddVeth(string name, string peerName, NetworkNamespace? peerNamespace = null)
    {
        string[] peer = peerNamespace is null ? ["name", peerName] : ["name", peerName, "netns", peerNamespace.Name];
        Ip(["link", "add", name, "type", "veth", "peer", .. peer]);
    }

    /// <summary>Moves a link of this namespace into <paramref name="target"/>.</summary>
    public void MoveLink(string name, NetworkNamespace target) => Ip("link", "set", name, "netns", target.Name);

    public RtnlConnection OpenConnection() => RtnlConnection.Open(Path);

    public NetlinkMonitor OpenMonitor(NetlinkGroups groups = NetlinkGroups.All, int receiveBufferSize = NetlinkMonitor.DefaultReceiveBufferSize) =>
        NetlinkMonitor.Open(groups, Path, receiveBufferSize);

    /// <summary>Runs <paramref name="action"/> on a thread inside the namespace, e.g. to create a listening socket there.</summary>
    public T Invoke<T>(Func<T> action) => NetworkNamespaceThread.Invoke(Path, action);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            HostCommand.Run("ip", "netns", "del", Name);
        }
        catch (InvalidOperationException e)
        {
            // Never mask the test's own failure; leave a trace for whoever finds the leftover.
            Console.Error.WriteLine($"could not delete network namespace {Name}: {e.Message}");
        }
    }

    public override string ToString() => Name;
}
