using System.Runtime.InteropServices;

namespace EniAgent.Netlink.Interop;

/// <summary>struct sockaddr_nl.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SockAddrNetlink
{
    public ushort Family;
    public ushort Padding;
    public uint PortId;
    public uint Groups;
}
