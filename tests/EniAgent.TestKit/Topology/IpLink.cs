namespace EniAgent.TestKit.Topology;

/// <summary>One link as <c>ip -j link</c> shows it.</summary>
public sealed record IpLink(string Name, string Mac, bool AdminUp, int Mtu)
{
    public override string ToString() => $"{Name} {Mac} {(AdminUp ? "up" : "down")} mtu {Mtu}";
}
