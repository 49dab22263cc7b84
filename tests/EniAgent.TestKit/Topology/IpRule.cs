using System.Net.Sockets;

namespace EniAgent.TestKit.Topology;

/// <summary>One policy rule as <c>ip -j rule</c> shows it. <see cref="Source"/> is <c>all</c>, an address, or <c>address/len</c>.</summary>
public sealed record IpRule(AddressFamily Family, int Priority, string Source, string Table, string? Protocol, int? SuppressPrefixLength)
{
    public override string ToString() =>
        (Family == AddressFamily.InterNetworkV6 ? "-6 " : string.Empty) + $"{Priority}: from {Source} lookup {Table}" + (SuppressPrefixLength is { } s ? $" suppress_prefixlength {s}" : string.Empty) + (Protocol is { } p ? $" proto {p}" : string.Empty);
}
