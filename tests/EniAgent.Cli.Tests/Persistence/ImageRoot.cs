namespace EniAgent.Cli.Tests.Persistence;

/// <summary>
/// Image roots as the distributions ship them: os-release plus the primary interface's own configuration, and
/// the files eniagent writes there for a secondary ENI's interface.
/// </summary>
internal sealed record ImageRoot(string Renderer, string OsRelease, IReadOnlyList<(string Path, string Content)> ImageFiles, Func<string, string[]> FilesOf)
{
    public static readonly IReadOnlyDictionary<string, ImageRoot> All = new Dictionary<string, ImageRoot>(StringComparer.Ordinal)
    {
        ["ubuntu22.04"] = new(
            "netplan",
            "NAME=\"Ubuntu\"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID=\"22.04\"\nPRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\n",
            [("/etc/netplan/50-cloud-init.yaml", "network:\n  version: 2\n  ethernets:\n    all-eth:\n      match: {name: \"eth*\"}\n      dhcp4: true\n")],
            n => [$"/etc/netplan/90-eniagent-{n}.yaml", $"/etc/systemd/network/10-netplan-00-eniagent-{n}.network.d/90-eniagent.conf"]),
        ["rocky8"] = new(
            "ifcfg",
            "NAME=\"Rocky Linux\"\nID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\nVERSION_ID=\"8.9\"\nPRETTY_NAME=\"Rocky Linux 8.9 (Green Obsidian)\"\n",
            [("/etc/sysconfig/network-scripts/ifcfg-eth0", "DEVICE=eth0\nBOOTPROTO=dhcp\nONBOOT=yes\n")],
            n => [$"/etc/sysconfig/network-scripts/ifcfg-{n}", $"/etc/sysconfig/network-scripts/route-{n}"]),
        ["centos7"] = new(
            "ifcfg",
            "NAME=\"CentOS Linux\"\nID=\"centos\"\nID_LIKE=\"rhel fedora\"\nVERSION_ID=\"7\"\nPRETTY_NAME=\"CentOS Linux 7 (Core)\"\n",
            [("/etc/sysconfig/network-scripts/ifcfg-eth0", "DEVICE=eth0\nBOOTPROTO=dhcp\nONBOOT=yes\n")],
            n => [$"/etc/sysconfig/network-scripts/ifcfg-{n}", $"/etc/sysconfig/network-scripts/route-{n}", $"/etc/sysconfig/network-scripts/rule-{n}"]),
        ["sles15"] = new(
            "wicked",
            "NAME=\"SLES\"\nVERSION_ID=\"15.5\"\nPRETTY_NAME=\"SUSE Linux Enterprise Server 15 SP5\"\nID=\"sles\"\nID_LIKE=\"suse\"\n",
            [("/etc/sysconfig/network/ifcfg-eth0", "BOOTPROTO='dhcp'\nSTARTMODE='auto'\n")],
            n => [$"/etc/sysconfig/network/ifcfg-{n}", $"/etc/sysconfig/network/ifroute-{n}", $"/etc/sysconfig/network/ifrule-{n}"]),
        ["debian11"] = new(
            "ifupdown",
            "PRETTY_NAME=\"Debian GNU/Linux 11 (bullseye)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"11\"\nID=debian\n",
            [("/etc/network/interfaces", "source /etc/network/interfaces.d/*\n\nauto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet dhcp\n")],
            n => [$"/etc/network/interfaces.d/eniagent-{n}"]),
        ["rhel9"] = new(
            "networkmanager",
            "NAME=\"Red Hat Enterprise Linux\"\nID=\"rhel\"\nID_LIKE=\"fedora\"\nVERSION_ID=\"9.4\"\nPRETTY_NAME=\"Red Hat Enterprise Linux 9.4 (Plow)\"\n",
            [("/etc/NetworkManager/system-connections/cloud-init-eth0.nmconnection", "[connection]\nid=cloud-init eth0\ntype=ethernet\ninterface-name=eth0\n")],
            n => [$"/etc/NetworkManager/system-connections/eniagent-{n}.nmconnection"]),
    };

    /// <summary>The files eniagent writes for the secondary ENI on eth<paramref name="n"/>, sorted.</summary>
    public IEnumerable<string> Files(int n) => Files($"eth{n}");

    /// <summary>The files eniagent writes for the secondary ENI on interface <paramref name="name"/>, sorted.</summary>
    public IEnumerable<string> Files(string name) => FilesOf(name).Order(StringComparer.Ordinal);

    /// <summary>A temp root holding the image's os-release and its own files.</summary>
    public TempRoot Create()
    {
        var root = new TempRoot().Write("/etc/os-release", OsRelease);
        foreach (var (path, content) in ImageFiles)
        {
            root.Write(path, content);
        }

        return root;
    }
}
