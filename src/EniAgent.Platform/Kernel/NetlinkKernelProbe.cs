using EniAgent.Core.Kernel;
using EniAgent.Netlink;

namespace EniAgent.Platform.Kernel;

/// <summary>Reads a <see cref="KernelSnapshot"/> over rtnetlink. Does not own the connection.</summary>
public sealed class NetlinkKernelProbe(RtnlConnection connection) : IKernelProbe
{
    public async Task<KernelSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        var links = await connection.GetLinksAsync(cancellationToken).ConfigureAwait(false);
        var addresses = await connection.GetAddressesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var routes = await connection.GetRoutesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var rules = await connection.GetRulesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return KernelSnapshotMapper.ToSnapshot(links, addresses, routes, rules);
    }
}
