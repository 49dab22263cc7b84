using System.Net.NetworkInformation;

namespace EniAgent.Core.Kernel;

/// <summary>A network link as the kernel reports it.</summary>
public sealed record LinkSnapshot(
    int Index,
    string Name,
    PhysicalAddress Mac,
    int Mtu,
    bool AdminUp,
    bool OperUp,
    string? Kind);
