using EniAgent.Core.Configuration;
using EniAgent.Core.Host;
using EniAgent.Platform.Stacks;
using EniAgent.TestKit.Stacks;

namespace EniAgent.Platform.Tests.Stacks;

/// <summary>Without a bus, without the stack's daemon, or for formats no daemon can be told about, the notifier logs and steps aside.</summary>
public sealed class NotifierSkipTests
{
    private static readonly StackChangeSet OneNetworkdFile = new(RendererKind.Networkd, [new StackFileChange("/etc/systemd/network/10-eniagent-eth1.network", false, "[Match]\n", "eth1")]);

    [Fact]
    public async Task No_bus_socket_under_the_root_is_skipped_without_connecting()
    {
        using var root = new StackRoot();
        var logger = new ListLogger<NetworkStackNotifier>();

        var result = await new NetworkStackNotifier(root.Paths, logger, TimeProvider.System).NotifyAsync(OneNetworkdFile, CancellationToken.None);

        Assert.Equal(StackNotifyStatus.Skipped, result.Status);
        Assert.Contains(root.Combine("/run/dbus/system_bus_socket"), result.Detail, StringComparison.Ordinal);
        Assert.Contains(logger.Lines, l => l.StartsWith("Information 5000 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_socket_nobody_listens_on_is_skipped()
    {
        using var root = new StackRoot();
        var dead = root.Write("/stack/dead_socket", string.Empty, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await new NetworkStackNotifier(root.Paths, new ListLogger<NetworkStackNotifier>(), TimeProvider.System, "unix:path=" + dead).NotifyAsync(OneNetworkdFile, CancellationToken.None);

        Assert.Equal(StackNotifyStatus.Skipped, result.Status);
    }

    [Theory]
    [InlineData(RendererKind.Networkd, "org.freedesktop.network1")]
    [InlineData(RendererKind.NetworkManager, "org.freedesktop.NetworkManager")]
    public async Task A_bus_without_the_stack_daemon_is_skipped(RendererKind renderer, string service)
    {
        using var root = new StackRoot();
        using var bus = await PrivateSystemBus.StartAsync(root);
        var logger = new ListLogger<NetworkStackNotifier>();

        var result = await new NetworkStackNotifier(root.Paths, logger, TimeProvider.System).NotifyAsync(OneNetworkdFile with { Renderer = renderer }, CancellationToken.None);

        Assert.Equal(StackNotifyStatus.Skipped, result.Status);
        Assert.Equal($"{service} is not on the system bus", result.Detail);
        Assert.Contains(logger.Lines, l => l.StartsWith("Information 5001 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RendererKind.Ifcfg)]
    [InlineData(RendererKind.Ifupdown)]
    [InlineData(RendererKind.Wicked)]
    [InlineData(RendererKind.None)]
    public async Task Formats_without_a_bus_daemon_are_not_applicable(RendererKind renderer)
    {
        var result = await new NetworkStackNotifier(new HostPaths("/nonexistent-root"), new ListLogger<NetworkStackNotifier>(), TimeProvider.System).NotifyAsync(OneNetworkdFile with { Renderer = renderer }, CancellationToken.None);

        Assert.Equal(StackNotifyStatus.NotApplicable, result.Status);
    }

    [Fact]
    public async Task A_stack_chosen_as_none_is_not_told_and_the_reason_is_reported()
    {
        const string why = "netplan renders for NetworkManager here";
        var changes = OneNetworkdFile with { Renderer = RendererKind.Netplan, Stack = PickupStack.None, StackReason = why };
        var logger = new ListLogger<NetworkStackNotifier>();

        var result = await new NetworkStackNotifier(new HostPaths("/nonexistent-root"), logger, TimeProvider.System).NotifyAsync(changes, CancellationToken.None);

        Assert.Equal(StackNotifyStatus.NotApplicable, result.Status);
        Assert.Equal(why, result.Detail);
        Assert.Contains(logger.Lines, l => l.StartsWith("Debug 5040 ", StringComparison.Ordinal) && l.Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_changed_is_not_applicable()
    {
        var result = await new NetworkStackNotifier(new HostPaths("/nonexistent-root"), new ListLogger<NetworkStackNotifier>(), TimeProvider.System).NotifyAsync(OneNetworkdFile with { Files = [] }, CancellationToken.None);

        Assert.Equal(StackNotifyStatus.NotApplicable, result.Status);
    }
}
