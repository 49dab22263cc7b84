using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Tests;

internal static class FixtureMessages
{
    /// <summary>The payload of a datagram holding exactly one message.</summary>
    public static byte[] PayloadOf(byte[] datagram) => datagram[NetlinkLayout.MessageHeaderSize..];

    /// <summary>The body (family header and attributes) a codec's Write produces.</summary>
    public static string Written(Action<NetlinkMessageWriter> write)
    {
        var writer = new NetlinkMessageWriter();
        write(writer);
        return Convert.ToHexString(writer.WrittenSpan);
    }
}
