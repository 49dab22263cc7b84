namespace EniAgent.Netlink;

/// <summary>One-call shortcuts for single requests; each throws <see cref="NetlinkException"/> on refusal.</summary>
public sealed partial class RtnlConnection
{
    public Task SetLinkUpAsync(int linkIndex, bool up, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NetlinkRequest.SetLinkUp(linkIndex, up), cancellationToken);

    public Task SetLinkMtuAsync(int linkIndex, int mtu, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NetlinkRequest.SetLinkMtu(linkIndex, mtu), cancellationToken);

    public Task SetLinkIpv4DevConfAsync(int linkIndex, IReadOnlyDictionary<NetlinkIpv4DevConfId, uint> values, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NetlinkRequest.SetLinkIpv4DevConf(linkIndex, values), cancellationToken);

    public Task AddAddressAsync(NetlinkAddress address, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NetlinkRequest.AddAddress(address), cancellationToken);

    public Task DeleteAddressAsync(NetlinkAddress address, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NetlinkRequest.DeleteAddress(address), cancellationToken);

    public Task AddRouteAsync(NetlinkRoute route, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NetlinkRequest.AddRoute(route), cancellationToken);

    public Task ReplaceRouteAsync(NetlinkRoute route, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NetlinkRequest.ReplaceRoute(route), cancellationToken);

    public Task DeleteRouteAsync(NetlinkRoute route, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NetlinkRequest.DeleteRoute(route), cancellationToken);

    public Task AddRuleAsync(NetlinkRule rule, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NetlinkRequest.AddRule(rule), cancellationToken);

    public Task DeleteRuleAsync(NetlinkRule rule, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NetlinkRequest.DeleteRule(rule), cancellationToken);
}
