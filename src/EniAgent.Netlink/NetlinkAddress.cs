using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EniAgent.Netlink;

/// <summary>An address on a link (RTM_NEWADDR). Used both as read from the kernel and to add or delete one.</summary>
public sealed record NetlinkAddress
{
    /// <summary>The link's ifindex (ifa_index).</summary>
    public required int LinkIndex { get; init; }

    /// <summary>The local address (IFA_LOCAL, or IFA_ADDRESS when there is no IFA_LOCAL).</summary>
    public required IPAddress Address { get; init; }

    public required int PrefixLength { get; init; }

    /// <summary>IFA_FLAGS (all 32 bits).</summary>
    public NetlinkAddressFlags Flags { get; init; }

    public NetlinkScope Scope { get; init; } = NetlinkScope.Universe;

    /// <summary>IFA_LABEL (IPv4 only; the kernel uses the link name when none is given).</summary>
    public string? Label { get; init; }

    public AddressFamily Family => Address.AddressFamily;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Address}/{PrefixLength} dev #{LinkIndex}");
        if (Scope != NetlinkScope.Universe)
        {
            text.Append(CultureInfo.InvariantCulture, $" scope {Scope}");
        }

        if (Flags != NetlinkAddressFlags.None)
        {
            text.Append(CultureInfo.InvariantCulture, $" flags {Flags}");
        }

        if (Label is not null)
        {
            text.Append(" label ").Append(Label);
        }

        return text.ToString();
    }
}
