using EniAgent.Core.Kernel;

namespace EniAgent.Platform.Kernel;

/// <summary>Reads the kernel's current network state for the planner.</summary>
public interface IKernelProbe
{
    /// <summary>
    /// Reads links, addresses, routes and rules. The four are read one after another, not atomically:
    /// callers that need consistency watch for changes (NetlinkMonitor) and read again.
    /// </summary>
    Task<KernelSnapshot> ReadAsync(CancellationToken cancellationToken = default);
}
