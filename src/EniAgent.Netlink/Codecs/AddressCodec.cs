using System.Net;
using System.Runtime.InteropServices;
using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Codecs;

/// <summary>RTM_*ADDR messages: struct ifaddrmsg followed by IFA_* attributes.</summary>
internal static class AddressCodec
{
    public const int HeaderSize = 8;

    private const ushort IfaAddress = 1;
    private const ushort IfaLocal = 2;
    private const ushort IfaLabel = 3;
    private const ushort IfaFlags = 8;

    public static void Write(NetlinkMessageWriter writer, NetlinkAddress address)
    {
        var maxPrefix = KernelFamily.MaxPrefixLength(address.Family);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(address.PrefixLength, maxPrefix, nameof(address));
        ArgumentOutOfRangeException.ThrowIfNegative(address.PrefixLength, nameof(address));
        var header = writer.AppendHeader(HeaderSize);
        header[0] = KernelFamily.FromAddressFamily(address.Family);
        header[1] = (byte)address.PrefixLength;
        header[2] = (byte)address.Flags; // legacy 8-bit copy; IFA_FLAGS below carries all bits
        header[3] = (byte)address.Scope;
        MemoryMarshal.Write(header[4..], address.LinkIndex);

        // Both, as iproute2 sends them: equal values mean "no peer".
        writer.WriteAddress(IfaLocal, address.Address);
        writer.WriteAddress(IfaAddress, address.Address);
        writer.WriteU32(IfaFlags, (uint)address.Flags);
        if (address.Label is not null)
        {
            writer.WriteString(IfaLabel, address.Label);
        }
    }

    /// <summary>Decodes an address, or returns null for a family other than IPv4/IPv6.</summary>
    public static NetlinkAddress? Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < HeaderSize)
        {
            throw new NetlinkDecodeException($"ifaddrmsg: {payload.Length} bytes, expected {HeaderSize}");
        }

        if (KernelFamily.ToAddressFamily(payload[0]) is not { } family)
        {
            return null;
        }

        var prefixLength = AttributeValues.PrefixLength(payload[1], family, "ifa_prefixlen");
        var flags = (NetlinkAddressFlags)payload[2];
        var scope = (NetlinkScope)payload[3];
        var index = MemoryMarshal.Read<int>(payload[4..]);
        IPAddress? local = null;
        IPAddress? address = null;
        string? label = null;

        var attributes = new AttributeReader(payload[HeaderSize..]);
        while (attributes.TryRead(out var type, out var value))
        {
            switch (type)
            {
                case IfaAddress:
                    address = AttributeValues.Address(value, family, "IFA_ADDRESS");
                    break;
                case IfaLocal:
                    local = AttributeValues.Address(value, family, "IFA_LOCAL");
                    break;
                case IfaLabel:
                    label = AttributeValues.String(value);
                    break;
                case IfaFlags:
                    flags = (NetlinkAddressFlags)AttributeValues.U32(value, "IFA_FLAGS");
                    break;
                default:
                    break;
            }
        }

        return new NetlinkAddress
        {
            LinkIndex = index,
            // IFA_LOCAL is the local address; IFA_ADDRESS is the peer on point-to-point links.
            Address = local ?? address ?? throw new NetlinkDecodeException($"address on link #{index} has neither IFA_LOCAL nor IFA_ADDRESS"),
            PrefixLength = prefixLength,
            Flags = flags,
            Scope = scope,
            Label = label,
        };
    }
}
