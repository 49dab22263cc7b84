namespace EniAgent.Core.Kernel;

/// <summary>Everything the planner needs to know about the kernel's network state, read in one go.</summary>
public sealed record KernelSnapshot(
    ValueList<LinkSnapshot> Links,
    ValueList<AddressSnapshot> Addresses,
    ValueList<RouteSnapshot> Routes,
    ValueList<RuleSnapshot> Rules)
{
    public static KernelSnapshot Empty { get; } = new([], [], [], []);

    public LinkSnapshot? FindLink(System.Net.NetworkInformation.PhysicalAddress mac) =>
        Links.FirstOrDefault(l => l.Mac.Equals(mac));

    public IEnumerable<AddressSnapshot> AddressesOf(int linkIndex) => Addresses.Where(a => a.LinkIndex == linkIndex);
}
