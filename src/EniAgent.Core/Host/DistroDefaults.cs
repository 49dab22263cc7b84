using EniAgent.Core.Configuration;

namespace EniAgent.Core.Host;

/// <summary>
/// The network stack a distribution uses out of the box (shared/notes/field.md §3), refined by what is installed.
/// Only a tie-breaker: what actually manages the primary interface wins over it.
/// </summary>
internal static class DistroDefaults
{
    public static ProbeVerdict Verdict(HostFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.OsRelease is not { } os)
        {
            return new ProbeVerdict("os-release", null, "no /etc/os-release, /usr/lib/os-release or /etc/redhat-release");
        }

        var (renderer, why) = Default(os, facts);
        return new ProbeVerdict("os-release", renderer, $"{os}: {why}");
    }

    private static (RendererKind? Renderer, string Why) Default(OsRelease os, HostFacts facts)
    {
        var major = os.MajorVersion;
        if (os.IsSuseFamily)
        {
            return (RendererKind.Wicked, "SUSE uses wicked");
        }

        if (os.Id == "ubuntu")
        {
            return major >= 18 || (major is null && facts.NetplanFiles.Count > 0)
                ? (RendererKind.Netplan, "Ubuntu 18.04 and later use netplan")
                : (RendererKind.Ifupdown, "Ubuntu before 18.04 uses ifupdown");
        }

        if (os.IsDebianFamily)
        {
            return facts.NetplanFiles.Count > 0
                ? (RendererKind.Netplan, $"Debian image with netplan files ({string.Join(", ", facts.NetplanFiles)})")
                : (RendererKind.Ifupdown, "Debian image without netplan files uses ifupdown");
        }

        if (os.IsRedHatFamily)
        {
            return RedHat(os, major, facts);
        }

        if (facts.NetplanFiles.Count > 0)
        {
            return (RendererKind.Netplan, "unknown distribution with netplan files");
        }

        return (null, "unknown distribution");
    }

    private static (RendererKind? Renderer, string Why) RedHat(OsRelease os, int? major, HostFacts facts)
    {
        // Alibaba Cloud Linux 3 and Anolis 8 run NetworkManager with ifcfg-rh; 2 and 7 run network-scripts.
        if (os.Id is "alinux" or "aliyun" or "anolis")
        {
            return (RendererKind.Ifcfg, $"{os.Id} {os.VersionId} reads ifcfg files (network-scripts or NetworkManager's ifcfg-rh)");
        }

        var isFedora = os.Id == "fedora";
        if (isFedora || major >= 9)
        {
            return facts.NmPlugins is { } plugins && plugins.FirstOrDefault() == "ifcfg-rh"
                ? (RendererKind.Ifcfg, "NetworkManager.conf puts ifcfg-rh first")
                : (RendererKind.NetworkManager, isFedora ? "Fedora uses NetworkManager keyfiles" : "RHEL 9 family uses NetworkManager keyfiles");
        }

        return major is null
            ? (RendererKind.Ifcfg, "Red Hat family of unknown version: ifcfg is read by network-scripts and NetworkManager alike")
            : (RendererKind.Ifcfg, major <= 7 ? "RHEL 7 family and older use network-scripts (ifcfg)" : "RHEL 8 family uses NetworkManager with ifcfg-rh");
    }
}
