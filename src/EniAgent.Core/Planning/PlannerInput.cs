using System.Net.NetworkInformation;
using EniAgent.Core.Desired;
using EniAgent.Core.Kernel;

namespace EniAgent.Core.Planning;

/// <summary>
/// What the planner diffs. <see cref="OwnedAddresses"/> are the addresses the agent recorded as added by
/// itself (per MAC): only those are ever removed. <see cref="ProtectedMacs"/> and
/// <see cref="ProtectedSlots"/> belong to ENIs whose metadata is invalid or that are excluded: nothing of
/// theirs is removed (a bad value never removes working configuration).
/// </summary>
public sealed record PlannerInput(
    DesiredState Desired,
    KernelSnapshot Kernel,
    RoutingLayout Layout,
    IReadOnlyDictionary<PhysicalAddress, IReadOnlySet<InterfaceAddress>> OwnedAddresses,
    IReadOnlySet<PhysicalAddress> ProtectedMacs,
    IReadOnlySet<int> ProtectedSlots);
