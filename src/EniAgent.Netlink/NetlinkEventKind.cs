namespace EniAgent.Netlink;

public enum NetlinkEventKind
{
    /// <summary>An object appeared or changed (RTM_NEW*).</summary>
    New,

    /// <summary>An object went away (RTM_DEL*).</summary>
    Delete,

    /// <summary>The kernel dropped events because the socket buffer overflowed (ENOBUFS): dump everything again.</summary>
    Overrun,
}
