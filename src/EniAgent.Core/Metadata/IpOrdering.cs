using System.Net;

namespace EniAgent.Core.Metadata;

/// <summary>Deterministic orders for addresses and networks (family, then bytes, then prefix length), so snapshots compare equal.</summary>
public static class IpOrdering
{
    public static IComparer<IPAddress> Addresses { get; } = Comparer<IPAddress>.Create(CompareAddresses);

    public static IComparer<IPNetwork> Networks { get; } = Comparer<IPNetwork>.Create((a, b) =>
    {
        var byBase = CompareAddresses(a.BaseAddress, b.BaseAddress);
        return byBase != 0 ? byBase : a.PrefixLength.CompareTo(b.PrefixLength);
    });

    private static int CompareAddresses(IPAddress? a, IPAddress? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        var byFamily = a.AddressFamily.CompareTo(b.AddressFamily);
        return byFamily != 0 ? byFamily : a.GetAddressBytes().AsSpan().SequenceCompareTo(b.GetAddressBytes());
    }
}
