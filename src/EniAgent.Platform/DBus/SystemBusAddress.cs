using EniAgent.Core.Host;

namespace EniAgent.Platform.DBus;

/// <summary>
/// Where the system bus listens. On the host itself (root "/") <c>DBUS_SYSTEM_BUS_ADDRESS</c> wins, then the
/// well-known socket. Under another root (tests, demos, image folders) only that root's socket counts, so an
/// agent pointed at a scratch tree never tells the machine's own NetworkManager or networkd about it.
/// </summary>
public static class SystemBusAddress
{
    public const string EnvironmentVariable = "DBUS_SYSTEM_BUS_ADDRESS";

    public const string SocketPath = "/run/dbus/system_bus_socket";

    public static string Resolve(HostPaths paths, string? environmentValue)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return paths.IsSystemRoot && !string.IsNullOrWhiteSpace(environmentValue)
            ? environmentValue.Trim()
            : "unix:path=" + paths.Resolve(SocketPath);
    }

    public static string FromEnvironment(HostPaths paths) =>
        Resolve(paths, Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The socket file of a plain <c>unix:path=</c> address; null for any other kind of address.</summary>
    public static string? UnixSocketOf(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        const string prefix = "unix:path=";
        if (!address.StartsWith(prefix, StringComparison.Ordinal) || address.Contains(';', StringComparison.Ordinal))
        {
            return null;
        }

        var rest = address[prefix.Length..];
        var comma = rest.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? rest : rest[..comma];
    }
}
