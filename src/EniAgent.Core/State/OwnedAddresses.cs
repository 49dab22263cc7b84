using System.Net.NetworkInformation;

namespace EniAgent.Core.State;

/// <summary>
/// Addresses the agent itself added to the link with this MAC. Only these are ever deleted by the agent:
/// an address someone else configured is never removed, even if metadata no longer lists it.
/// </summary>
public sealed record OwnedAddresses(PhysicalAddress Mac, ValueList<InterfaceAddress> Addresses);
