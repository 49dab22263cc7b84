namespace EniAgent.Netlink;

/// <summary>
/// Bytes from the kernel did not decode: a length or size did not fit. The only exception the
/// decoders throw, whatever the input.
/// </summary>
public sealed class NetlinkDecodeException : Exception
{
    public NetlinkDecodeException(string message)
        : base(message)
    {
    }
}
