using EniAgent.Platform.DBus;

namespace EniAgent.TestKit.Stacks;

/// <summary>Asks the test's networkd which file configures a link and how far it got (DescribeLink).</summary>
public static class NetworkdProbe
{
    public static async Task<(string? File, string? State)> LinkAsync(PrivateSystemBus bus, string interfaceName)
    {
        ArgumentNullException.ThrowIfNull(bus);
        using var client = await BusClient.ConnectAsync(bus.Address, TimeProvider.System, CancellationToken.None);
        var networkd = new NetworkdBus(client);
        var index = await networkd.IndexOfAsync(interfaceName, CancellationToken.None) ?? throw new InvalidOperationException($"networkd does not know {interfaceName}");
        var state = await networkd.DescribeAsync(index, CancellationToken.None);
        return (state.NetworkFile, state.SetupState);
    }
}
