using EniAgent.Core.Configuration;
using EniAgent.Core.Host;
using EniAgent.Platform.Stacks;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

/// <summary>
/// The per-pass auto-default sweep stays cheap where there is nothing to do: no NetworkManager profile of a managed
/// ENI means no bus connection at all; a bus without NetworkManager means the bus's own checks only, logged at debug
/// level, and no NetworkManager call.
/// </summary>
public sealed class AutoDefaultSweepSkipTests
{
    private static readonly StackChangeSet OneKeyfile = new(RendererKind.NetworkManager, [new StackFileChange("/etc/NetworkManager/system-connections/eniagent-eth1.nmconnection", false, "[connection]\n", "eth1")]);

    [Theory]
    [InlineData(RendererKind.Networkd, PickupStack.Networkd)]
    [InlineData(RendererKind.Netplan, PickupStack.None)]
    [InlineData(RendererKind.NetworkManager, PickupStack.NetworkManager)]
    public async Task Without_a_NetworkManager_profile_in_place_the_bus_is_not_touched(RendererKind renderer, PickupStack stack)
    {
        var files = renderer == RendererKind.NetworkManager ? [] : OneKeyfile.Files;
        var logger = new ListLogger<NetworkStackNotifier>();

        // No socket there: an attempt to reach the bus would log 5046 and return Skipped.
        var result = await new NetworkStackNotifier(new HostPaths("/nonexistent-root"), logger, TimeProvider.System, "unix:path=/nonexistent-root/bus")
            .SweepAsync(OneKeyfile with { Renderer = renderer, Stack = stack, Files = files }, CancellationToken.None);

        Assert.Equal(StackNotifyStatus.NotApplicable, result.Status);
        Assert.Empty(logger.Lines);
    }

    [Fact]
    public async Task No_bus_socket_is_skipped_quietly()
    {
        using var root = new StackRoot();
        var logger = new ListLogger<NetworkStackNotifier>();

        var result = await new NetworkStackNotifier(root.Paths, logger, TimeProvider.System).SweepAsync(OneKeyfile, CancellationToken.None);

        Assert.Equal(StackNotifyStatus.Skipped, result.Status);
        Assert.Equal(["Debug 5046"], logger.Lines.Select(l => string.Join(' ', l.Split(' ').Take(2))));
    }

    [Fact]
    public async Task A_bus_without_NetworkManager_gets_only_the_existing_checks()
    {
        using var root = new StackRoot();
        using var bus = await PrivateSystemBus.StartAsync(root);
        var logger = new ListLogger<NetworkStackNotifier>();

        var result = await new NetworkStackNotifier(root.Paths, logger, TimeProvider.System).SweepAsync(OneKeyfile, CancellationToken.None);

        Assert.Equal(StackNotifyStatus.Skipped, result.Status);
        Assert.Equal("org.freedesktop.NetworkManager is not on the system bus", result.Detail);
        Assert.Equal(["Debug 5046"], logger.Lines.Select(l => string.Join(' ', l.Split(' ').Take(2))));
    }
}
