using System.Net;
using EniAgent.Cli.Tests.Daemon.Support;
using EniAgent.Core;
using EniAgent.TestKit.Emulator;
using EniAgent.TestKit.Netns;

namespace EniAgent.Bench;

/// <summary>
/// A guest "instance" behind a "vpc" namespace that routes like a VPC: vSwitch bridges with the gateways
/// (192.168.1.253 for the primary, 192.168.2.253 for the secondary ENIs), strict reverse-path filtering on both
/// sides (the source/destination check), and a client address 10.99.0.1 outside every vSwitch. A reply from a
/// secondary IP reaches the client only when the agent's policy routing sends it out of its own ENI. The VPC knows
/// each ENI's MAC (a static neighbour entry), as the real one does, so no ARP timing blurs the measurement.
/// </summary>
internal sealed class BenchInstance : IAsyncDisposable
{
    public const string Client = "10.99.0.1";
    private const string MetadataUrl = "http://127.0.0.1:8080";

    private BenchInstance(NetworkNamespace guest, NetworkNamespace vpc, string root)
    {
        (Guest, Vpc, Root) = (guest, vpc, root);
        Notify = NotifyListener.AtPath(Path.Combine(root, "notify.sock"));
    }

    public NetworkNamespace Guest { get; }

    public NetworkNamespace Vpc { get; }

    public string Root { get; }

    public NotifyListener Notify { get; }

    public MetadataEmulatorProcess? Emulator { get; private set; }

    public AgentProcess? Daemon { get; private set; }

    /// <summary>ENI <paramref name="k"/> (1..200): MAC 00:16:3e:00:01:kk, primary 192.168.2.(k+10)... see <see cref="SecondaryIp"/>.</summary>
    public static string Mac(int k) => MacAddress.Format(ScenarioBuilder.Mac(0x100 + k));

    public static IPAddress PrimaryIp(int k) => IPAddress.Parse($"192.168.{2 + (k / 100)}.{10 + (k % 100)}");

    /// <summary>The address traffic is measured to: a secondary private IP of ENI <paramref name="k"/>.</summary>
    public static IPAddress SecondaryIp(int k) => IPAddress.Parse($"192.168.{2 + (k / 100)}.{120 + (k % 100)}");

    public static string LinkName(int k) => $"eni{k}";

    public static EniBuilder Eni(int k)
    {
        var subnet = IPNetwork.Parse($"192.168.{2 + (k / 100)}.0/24");
        return new EniBuilder(ScenarioBuilder.Mac(0x100 + k), PrimaryIp(k), subnet).WithSecondaryIps(SecondaryIp(k));
    }

    /// <summary>The instance with metadata listing ENIs <paramref name="listed"/> (their links not attached yet).</summary>
    public static async Task<BenchInstance> CreateAsync(IEnumerable<int> listed)
    {
        var guest = NetworkNamespace.Create("eniab-g");
        var vpc = NetworkNamespace.Create("eniab-v");
        var root = Directory.CreateTempSubdirectory("eniagent-bench-").FullName;
        var instance = new BenchInstance(guest, vpc, root);
        try
        {
            instance.BuildNetwork();
            var scenario = new ScenarioBuilder().WithPrimary(ScenarioBuilder.Mac(1), IPAddress.Parse("192.168.1.10"), IPNetwork.Parse("192.168.1.0/24"));
            foreach (var k in listed)
            {
                var eni = Eni(k);
                scenario.AddSecondary(eni.Mac, eni.PrimaryIp, eni.Subnet, e => e.WithSecondaryIps(SecondaryIp(k)));
            }

            instance.Emulator = await MetadataEmulatorProcess.StartAsync(scenario.Build(), MetadataUrl, guest.Name);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates ENI <paramref name="k"/>'s link in the VPC, plugged into its vSwitch, ready to be moved in.</summary>
    public void CreateLink(int k)
    {
        var name = LinkName(k);
        Vpc.Ip("link", "add", name, "address", Mac(k), "type", "veth", "peer", "name", $"v{k}");
        Vpc.Ip("link", "set", $"v{k}", "master", $"br{2 + (k / 100)}", "up");
        foreach (var ip in (IPAddress[])[PrimaryIp(k), SecondaryIp(k)])
        {
            Vpc.Ip("neigh", "replace", ip.ToString(), "lladdr", Mac(k), "dev", $"br{2 + (k / 100)}", "nud", "permanent");
        }
    }

    /// <summary>Attaches ENI <paramref name="k"/>: its link moves from the VPC into the instance.</summary>
    public void AttachLink(int k) => Vpc.Ip("link", "set", LinkName(k), "netns", Guest.Name);

    /// <summary>Starts the daemon (<paramref name="program"/>: dotnet + dll, or the NativeAOT binary) and waits for READY=1.</summary>
    public async Task<AgentProcess> StartDaemonAsync(IReadOnlyList<string> program, string config = "")
    {
        var configPath = Path.Combine(Root, "eniagent.yaml");
        await File.WriteAllTextAsync(configPath, config);
        Daemon = AgentProcess.Start(
            Guest.Name,
            ["daemon", "--root", Root, "--config", configPath, "--metadata-url", MetadataUrl],
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = Notify.Address },
            program);
        var daemon = Daemon;
        if (!await Notify.WaitForAsync(() => Notify.Has("READY=1") || daemon.HasExited, TimeSpan.FromSeconds(60)) || daemon.HasExited)
        {
            throw new InvalidOperationException("the daemon did not become ready:\n" + daemon.Log);
        }

        return daemon;
    }

    /// <summary>Where the daemon's log is kept after the run (the temp root goes away).</summary>
    public static string LogDirectory => Path.Combine(Path.GetTempPath(), "eniagent-bench-logs");

    public async ValueTask DisposeAsync()
    {
        if (Daemon is { } daemon)
        {
            await daemon.DisposeAsync();
            Directory.CreateDirectory(LogDirectory);
            await File.WriteAllLinesAsync(Path.Combine(LogDirectory, Guest.Name + ".log"), daemon.LogLines);
        }

        if (Emulator is { } emulator)
        {
            await emulator.DisposeAsync();
        }

        Notify.Dispose();
        Guest.Dispose();
        Vpc.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private void BuildNetwork()
    {
        Vpc.Exec("sysctl", "-qw", "net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=1", "net.ipv4.conf.default.rp_filter=1");
        Vpc.Ip("address", "add", Client + "/32", "dev", "lo");
        (string Bridge, string Gateway)[] vswitches = [("br1", "192.168.1.253/24"), ("br2", "192.168.2.253/24"), ("br3", "192.168.3.253/24")];
        foreach (var (bridge, gateway) in vswitches)
        {
            Vpc.Ip("link", "add", bridge, "type", "bridge");
            Vpc.Ip("address", "add", gateway, "dev", bridge);
            Vpc.Ip("link", "set", bridge, "up");
        }

        Guest.Exec("sysctl", "-qw", "net.ipv4.conf.all.rp_filter=1", "net.ipv4.conf.default.rp_filter=1");
        Vpc.Ip("link", "add", "eth0", "address", MacAddress.Format(ScenarioBuilder.Mac(1)), "type", "veth", "peer", "name", "v0");
        Vpc.Ip("link", "set", "v0", "master", "br1", "up");
        Vpc.Ip("link", "set", "eth0", "netns", Guest.Name);
        Guest.Ip("link", "set", "eth0", "up");
        Guest.Ip("address", "add", "192.168.1.10/24", "dev", "eth0");
        Guest.Ip("route", "add", "default", "via", "192.168.1.253");
    }
}
