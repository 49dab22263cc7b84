using System.Text.Json;
using Tmds.DBus.Protocol;

namespace EniAgent.Platform.DBus;

/// <summary>The few systemd-networkd D-Bus calls a per-link pickup needs (org.freedesktop.network1.Manager).</summary>
internal sealed class NetworkdBus(BusClient bus)
{
    public const string Service = "org.freedesktop.network1";

    private const string ManagerPath = "/org/freedesktop/network1";
    private const string ManagerInterface = "org.freedesktop.network1.Manager";

    /// <summary>
    /// <c>Reload</c>: re-reads .network files; networkd reconfigures the links whose matching file is new, changed
    /// or gone, and leaves every other link alone (unchanged files keep their identity).
    /// </summary>
    public Task ReloadAsync(CancellationToken cancellationToken) =>
        bus.CallAsync(Service, ManagerPath, ManagerInterface, "Reload", null, null, cancellationToken);

    /// <summary><c>GetLinkByName</c>: the link's index; null when networkd does not know the link.</summary>
    public async Task<int?> IndexOfAsync(string interfaceName, CancellationToken cancellationToken)
    {
        try
        {
            return await bus.CallAsync(Service, ManagerPath, ManagerInterface, "GetLinkByName", "s", (ref MessageWriter w) => w.WriteString(interfaceName), static (m, _) => m.GetBodyReader().ReadInt32(), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DBusErrorReplyException e) when (e.ErrorName is "org.freedesktop.network1.NoSuchLink" or "org.freedesktop.DBus.Error.InvalidArgs")
        {
            return null;
        }
    }

    /// <summary>
    /// The .network file the link is configured with and how far networkd got (<c>DescribeLink</c> JSON,
    /// <c>NetworkFile</c> and <c>AdministrativeState</c>); both null when networkd is too old to describe links.
    /// </summary>
    public async Task<NetworkdLinkState> DescribeAsync(int ifIndex, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await bus.CallAsync(Service, ManagerPath, ManagerInterface, "DescribeLink", "i", (ref MessageWriter w) => w.WriteInt32(ifIndex), static (m, _) => m.GetBodyReader().ReadString(), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DBusErrorReplyException e) when (e.ErrorName is "org.freedesktop.DBus.Error.UnknownMethod")
        {
            return new NetworkdLinkState(null, null);
        }

        using var document = JsonDocument.Parse(json);
        return new NetworkdLinkState(Text(document.RootElement, "NetworkFile"), Text(document.RootElement, "AdministrativeState"));
    }

    /// <summary><c>ReconfigureLink</c>: re-applies the link's .network file to this link only.</summary>
    public Task ReconfigureAsync(int ifIndex, CancellationToken cancellationToken) =>
        bus.CallAsync(Service, ManagerPath, ManagerInterface, "ReconfigureLink", "i", (ref MessageWriter w) => w.WriteInt32(ifIndex), cancellationToken);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
