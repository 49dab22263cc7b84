namespace EniAgent.Netlink.Protocol;

/// <summary>Sizes and alignment shared by netlink messages and attributes (both align to 4 bytes).</summary>
internal static class NetlinkLayout
{
    public const int MessageHeaderSize = 16;
    public const int AttributeHeaderSize = 4;

    /// <summary>NLA_F_NESTED | NLA_F_NET_BYTEORDER: flag bits carried in an attribute's type field.</summary>
    public const ushort AttributeFlagBits = 0xC000;
    public const ushort NestedFlag = 0x8000;

    public static int Align(int length) => (length + 3) & ~3;
}
