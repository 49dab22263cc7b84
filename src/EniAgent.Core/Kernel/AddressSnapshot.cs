namespace EniAgent.Core.Kernel;

/// <summary>An address on a link as the kernel reports it.</summary>
public sealed record AddressSnapshot(
    int LinkIndex,
    InterfaceAddress Address,
    AddressFlags Flags,
    RouteScope Scope);
