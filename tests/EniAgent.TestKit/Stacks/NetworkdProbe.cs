using System.Text.Json;
using EniAgent.Platform.DBus;
using Tmds.DBus.Protocol;

namespace EniAgent.TestKit.Stacks;

/// <summary>Asks the test's networkd which file configures a link and how far it got (DescribeLink).</summary>
public static class NetworkdProbe
{
    public static async Task<(string? File, string? State)> LinkAsync(PrivateSystemBus bus, string interfaceName)
    {
        using var client = await BusClient.ConnectAsync(bus.Address, TimeProvider.System, CancellationToken.None);
        var index = await new NetworkdBus(client).IndexOfAsync(interfaceName, CancellationToken.None) ?? throw new InvalidOperationException($"networkd does not know {interfaceName}");
        var json = await client.CallAsync(NetworkdBus.Service, "/org/freedesktop/network1", "org.freedesktop.network1.Manager", "DescribeLink", "i", (ref MessageWriter w) => w.WriteInt32(index), static (m, _) => m.GetBodyReader().ReadString(), CancellationToken.None);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (Text(root, "NetworkFile"), Text(root, "AdministrativeState"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
