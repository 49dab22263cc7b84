using System.Net;
using EniAgent.Core;

namespace EniAgent.TestKit.Topology;

/// <summary>What happens to ENIs while the instance runs: hot-plug, detach, IP (un)assignment. Kernel, emulator and description change together.</summary>
public sealed partial class EcsTopology
{
    /// <summary>Creates the ENI's link in the guest again (same name and MAC, down, unaddressed), as a hot-plug does.</summary>
    public void PlugLink(TopologyEni eni)
    {
        RequireSecondary(eni);
        if (eni.Plugged)
        {
            throw new InvalidOperationException($"{eni} is already plugged");
        }

        TopologyWiring.PlugEni(Guest, Vpc, eni);
        eni.Plugged = true;
    }

    /// <summary>Deletes the ENI's link from the guest (the kernel side of a detach).</summary>
    public void UnplugLink(TopologyEni eni)
    {
        RequireSecondary(eni);
        Guest.Ip("link", "del", eni.Name);
        eni.Plugged = false;
    }

    /// <summary>Makes the metadata service list the ENI (the cloud side of an attach).</summary>
    public async Task AttachMetadataAsync(TopologyEni eni)
    {
        RequireSecondary(eni);
        await Emulator.AttachAsync(eni.ToEniBuilder().ToJson());
        eni.InMetadata = true;
    }

    /// <summary>Makes the metadata service forget the ENI (the cloud side of a detach).</summary>
    public async Task DetachMetadataAsync(TopologyEni eni)
    {
        RequireSecondary(eni);
        await Emulator.DetachAsync(MacAddress.Format(eni.Mac));
        eni.InMetadata = false;
    }

    /// <summary>A whole attach: the link appears, then metadata lists it.</summary>
    public async Task AttachAsync(TopologyEni eni)
    {
        PlugLink(eni);
        await AttachMetadataAsync(eni);
    }

    /// <summary>A whole detach: metadata forgets the ENI, then its link goes.</summary>
    public async Task DetachAsync(TopologyEni eni)
    {
        await DetachMetadataAsync(eni);
        UnplugLink(eni);
    }

    /// <summary>Assigns a secondary private IPv4 to the ENI in the metadata service.</summary>
    public async Task AssignIpAsync(TopologyEni eni, IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(eni);
        await Emulator.AssignIpAsync(eni.Mac, ip);
        eni.AddSecondaryIp(ip);
    }

    /// <summary>Unassigns a secondary private IPv4 of the ENI in the metadata service.</summary>
    public async Task UnassignIpAsync(TopologyEni eni, IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(eni);
        await Emulator.UnassignIpAsync(eni.Mac, ip);
        eni.RemoveSecondaryIp(ip);
    }

    private void RequireSecondary(TopologyEni eni)
    {
        ArgumentNullException.ThrowIfNull(eni);
        if (!Enis.Contains(eni))
        {
            throw new ArgumentException($"{eni} is not a secondary ENI of this topology", nameof(eni));
        }
    }
}
