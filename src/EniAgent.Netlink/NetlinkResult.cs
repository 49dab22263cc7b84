namespace EniAgent.Netlink;

/// <summary>The outcome of one request of a batch.</summary>
/// <param name="Request">The request.</param>
/// <param name="Error">Why the kernel refused it; null when it succeeded.</param>
public sealed record NetlinkResult(NetlinkRequest Request, NetlinkException? Error)
{
    public bool Succeeded => Error is null;
}
