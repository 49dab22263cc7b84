using EniAgent.Platform.Tests.Files;

namespace EniAgent.Platform.Tests.Host;

/// <summary>Writes the files a network stack leaves on a real image into a temp root, for the probe to find.</summary>
internal static class HostTree
{
    public const string Uuid = "5fb06bd0-0bb0-7ffb-45f1-d6edd65f3e03";

    public static void Base(TempRoot root, string osRelease)
    {
        root.Write("/etc/os-release", osRelease);
        root.Write("/proc/net/route",
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n" +
            "eth1\t00000000\tFD01A8C0\t0003\t0\t0\t200\t00000000\t0\t0\t0\n" +
            "eth0\t00000000\tFD00A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n" +
            "eth0\t0000A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n");
        root.Write("/sys/class/net/eth0/ifindex", "2\n");
        root.Write("/proc/1/comm", "systemd\n");
        root.Write("/proc/1/cgroup", "0::/init.scope\n");
    }

    public static void NetworkScripts(TempRoot root)
    {
        root.Write("/etc/sysconfig/network-scripts/ifcfg-eth0", "DEVICE=eth0\nBOOTPROTO=dhcp\nONBOOT=yes\n");
        root.Write("/etc/sysconfig/network", "NETWORKING=yes\n");
        root.Write("/sbin/ifup", "#!/bin/sh\n");
    }

    public static void NmIfcfg(TempRoot root)
    {
        NetworkScripts(root);
        root.Write("/etc/sysconfig/network-scripts/ifcfg-eth0", $"DEVICE=eth0\nBOOTPROTO=dhcp\nONBOOT=yes\nUUID={Uuid}\n");
        NetworkManager(root);
        root.Write("/usr/lib64/NetworkManager/1.40.16-9.el8/libnm-settings-plugin-ifcfg-rh.so", string.Empty);
        root.Write("/etc/NetworkManager/NetworkManager.conf", "[main]\n#plugins=keyfile,ifcfg-rh\n\n[logging]\n");
    }

    public static void NmKeyfile(TempRoot root)
    {
        NetworkManager(root);
        root.Write("/etc/NetworkManager/system-connections/cloud-init-eth0.nmconnection",
            $"[connection]\nid=cloud-init eth0\nuuid={Uuid}\ntype=ethernet\ninterface-name=eth0\n\n[ipv4]\nmethod=auto\n");
        root.Write("/etc/NetworkManager/NetworkManager.conf", "[main]\n#plugins=keyfile,ifcfg-rh\n");
    }

    public static void NetplanNetworkd(TempRoot root)
    {
        root.Write("/etc/netplan/50-cloud-init.yaml", "network:\n  version: 2\n  ethernets:\n    eth0:\n      dhcp4: true\n      match:\n        macaddress: 00:16:3e:00:00:01\n      set-name: eth0\n");
        root.Write("/proc/431/comm", "systemd-network\n");
        root.Write("/run/systemd/netif/links/2", "# This is private data. Do not parse.\nADMIN_STATE=configured\nOPER_STATE=routable\nNETWORK_FILE=/run/systemd/network/10-netplan-eth0.network\n");
        root.MakeDirectory("/etc/systemd/network");
        root.Write("/usr/sbin/netplan", string.Empty);
    }

    public static void Ifupdown(TempRoot root)
    {
        root.Write("/etc/network/interfaces", "source /etc/network/interfaces.d/*\n\nauto lo\niface lo inet loopback\n");
        root.Write("/etc/network/interfaces.d/50-cloud-init", "auto eth0\niface eth0 inet dhcp\n");
        root.Write("/run/network/ifstate", "lo=lo\neth0=eth0\n");
        root.Write("/sbin/ifup", string.Empty);
    }

    public static void Wicked(TempRoot root)
    {
        root.Write("/etc/sysconfig/network/ifcfg-eth0", "BOOTPROTO='dhcp'\nSTARTMODE='auto'\n");
        root.Write("/proc/700/comm", "wickedd\n");
        root.Write("/proc/701/comm", "wickedd-nanny\n");
        root.Write("/usr/sbin/wicked", string.Empty);
    }

    private static void NetworkManager(TempRoot root)
    {
        root.Write("/proc/612/comm", "NetworkManager\n");
        root.Write("/run/NetworkManager/devices/2", $"[device]\nmanaged=true\nperm-hw-addr-fake=00:16:3e:00:00:01\nconnection-uuid={Uuid}\n");
        root.Write("/usr/sbin/NetworkManager", string.Empty);
    }
}
