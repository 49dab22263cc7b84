using System.Runtime.InteropServices;

namespace EniAgent.Netlink.Interop;

/// <summary>The few libc calls .NET does not wrap: netlink sockets and switching a thread's network namespace.</summary>
internal static unsafe partial class LibC
{
    // glibc's soname: the distributions the agent supports all use glibc.
    private const string Library = "libc.so.6";

    internal const int AfNetlink = 16;
    internal const int SockRaw = 3;
    internal const int SockCloexec = 0x80000;
    internal const int NetlinkRoute = 0;
    internal const int ORdOnly = 0;
    internal const int OCloexec = 0x80000;
    internal const int CloneNewNet = 0x40000000;

    [LibraryImport(Library, EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Library, EntryPoint = "bind", SetLastError = true)]
    internal static partial int Bind(int fd, SockAddrNetlink* address, int addressLength);

    [LibraryImport(Library, EntryPoint = "setns", SetLastError = true)]
    internal static partial int SetNs(int fd, int namespaceType);

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    /// <summary>Builds an exception for a failed libc call from the errno it left.</summary>
    internal static NetlinkException LastError(string operation) =>
        new(operation, Marshal.GetLastPInvokeError());
}
