using EniAgent.Core.Configuration;

namespace EniAgent.Core.Tests.Configuration;

public class AgentOptionsParserTests
{
    private const string File = "/etc/eniagent/eniagent.yaml";

    private static AgentOptions Parse(string yaml) => AgentOptionsParser.Parse(yaml, File);

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("~\n")]
    [InlineData("null")]
    [InlineData("---\n")]
    [InlineData("---\n...\n")]
    [InlineData("{}")]
    [InlineData("metadata:\nrouting:\nprimary:\npersist:\ndaemon:\nexclude:\nipv6:\nlog-level:\n")]
    public void Empty_input_and_null_values_give_defaults(string yaml)
    {
        Assert.Equal(new AgentOptions(), Parse(yaml));
    }

    [Fact]
    public void Defaults_match_the_documented_values()
    {
        var o = new AgentOptions();
        Assert.Equal(new Uri("http://100.100.100.200/"), o.Metadata.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(2), o.Metadata.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), o.Metadata.TotalTimeout);
        Assert.Equal(4, o.Metadata.MaxRetries);
        Assert.Equal(TimeSpan.FromHours(6), o.Metadata.TokenTtl);
        Assert.Equal(31000u, o.Routing.TableBase);
        Assert.Equal(31000u, o.Routing.PriorityBase);
        Assert.Equal(250, o.Routing.MaxSlots);
        Assert.Equal(201, o.Routing.Protocol);
        Assert.Empty(o.Exclude);
        Assert.False(o.ManagePrimarySecondaryIps);
        Assert.True(o.Ipv6);
        Assert.True(o.Persist.Enabled);
        Assert.Null(o.Persist.Renderer);
        Assert.Equal(AddressingMode.Static, o.Persist.Addressing);
        Assert.Equal(TimeSpan.FromSeconds(60), o.Daemon.PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), o.Daemon.ResyncInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), o.Daemon.HotplugDeadline);
        Assert.False(o.Daemon.AllowInContainer);
        Assert.Equal(LogLevelOption.Information, o.LogLevel);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var o = Parse("""
            metadata:
              url: https://[fd00:100::100:200]:8443/base
              attempt-timeout: 500ms
              total-timeout: 1m30s
              max-retries: 0
              token-ttl: 21600s
            routing:
              table-base: 1000
              priority-base: 2000
              max-enis: 8
              protocol: 5
            exclude: [eth5, eni-bp1abc, "00:16:3E:AA:BB:CC", eth5]
            primary: { manage-secondary-ips: true }
            ipv6: false
            persist: { enabled: false, renderer: NetworkManager, addressing: dhcp }
            daemon:
              poll-interval: 5s
              resync-interval: 1h
              hotplug-deadline: 90s
              allow-in-container: TRUE
            log-level: debug
            """);

        Assert.Equal(new Uri("https://[fd00:100::100:200]:8443/base/"), o.Metadata.Endpoint);
        Assert.Equal(TimeSpan.FromMilliseconds(500), o.Metadata.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), o.Metadata.TotalTimeout);
        Assert.Equal(0, o.Metadata.MaxRetries);
        Assert.Equal(TimeSpan.FromHours(6), o.Metadata.TokenTtl);
        Assert.Equal(new RoutingOptions { TableBase = 1000, PriorityBase = 2000, MaxSlots = 8, Protocol = 5 }, o.Routing);
        Assert.Equal(["eth5", "eni-bp1abc", "00:16:3e:aa:bb:cc"], o.Exclude.ToArray());
        Assert.True(o.ManagePrimarySecondaryIps);
        Assert.False(o.Ipv6);
        Assert.Equal(new PersistOptions { Enabled = false, Renderer = RendererKind.NetworkManager, Addressing = AddressingMode.Dhcp }, o.Persist);
        Assert.Equal(new DaemonOptions
        {
            PollInterval = TimeSpan.FromSeconds(5),
            ResyncInterval = TimeSpan.FromHours(1),
            HotplugDeadline = TimeSpan.FromSeconds(90),
            AllowInContainer = true,
        }, o.Daemon);
        Assert.Equal(LogLevelOption.Debug, o.LogLevel);
    }

    [Theory]
    [InlineData("auto", null)]
    [InlineData("none", RendererKind.None)]
    [InlineData("ifcfg", RendererKind.Ifcfg)]
    [InlineData("netplan", RendererKind.Netplan)]
    [InlineData("ifupdown", RendererKind.Ifupdown)]
    [InlineData("wicked", RendererKind.Wicked)]
    [InlineData("networkmanager", RendererKind.NetworkManager)]
    [InlineData("networkd", RendererKind.Networkd)]
    public void Every_renderer_name_is_read(string text, RendererKind? expected)
    {
        Assert.Equal(expected, Parse($"persist:\n  renderer: {text}\n").Persist.Renderer);
    }

    [Theory]
    [InlineData("debug", LogLevelOption.Debug)]
    [InlineData("information", LogLevelOption.Information)]
    [InlineData("Warning", LogLevelOption.Warning)]
    [InlineData("error", LogLevelOption.Error)]
    public void Every_log_level_is_read(string text, LogLevelOption expected)
    {
        Assert.Equal(expected, Parse($"log-level: {text}").LogLevel);
    }

    [Theory]
    [InlineData("http://100.100.100.200", "http://100.100.100.200/")]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/")]
    [InlineData("'http://emulator/prefix'", "http://emulator/prefix/")]
    public void Url_is_normalised_to_a_base_ending_in_slash(string text, string expected)
    {
        Assert.Equal(new Uri(expected), Parse($"metadata:\n  url: {text}\n").Metadata.Endpoint);
    }

    [Fact]
    public void Layout_at_the_limits_is_accepted()
    {
        // 31000 + 2 x 882 = 32764 < 32766; tables 256.. avoid the reserved ones.
        var o = Parse("routing:\n  table-base: 256\n  priority-base: 31000\n  max-enis: 882\n");
        Assert.Equal(882, o.Routing.MaxSlots);
        Assert.Null(RoutingLimits.CheckTables(o.Routing));
        Assert.Null(RoutingLimits.CheckPriorities(o.Routing));
        Assert.Equal(1000, Parse("routing:\n  priority-base: 1\n  max-enis: 1000\n").Routing.MaxSlots);
        Assert.Equal(1u, Parse("routing:\n  table-base: 1\n  max-enis: 252\n").Routing.TableBase);
    }

    [Fact]
    public void Parsing_is_pure_and_repeatable()
    {
        var text = "routing:\n  max-enis: 7\nexclude: [eth9]\n";
        Assert.Equal(Parse(text), Parse(text));
    }
}
