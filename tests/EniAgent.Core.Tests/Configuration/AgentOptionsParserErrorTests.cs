using EniAgent.Core.Configuration;

namespace EniAgent.Core.Tests.Configuration;

/// <summary>Every error shape names the file, the line and column, the key and (for values) the value.</summary>
public class AgentOptionsParserErrorTests
{
    private const string File = "/etc/eniagent/eniagent.yaml";

    private static ConfigurationException Fail(string yaml) =>
        Assert.Throws<ConfigurationException>(() => AgentOptionsParser.Parse(yaml, File));

    private static void AssertError(string yaml, int line, int column, string? key, string? value, string reasonPart)
    {
        var ex = Fail(yaml);
        Assert.Equal(File, ex.FileName);
        Assert.Equal(line, ex.Line);
        Assert.Equal(column, ex.Column);
        Assert.Equal(key, ex.Key);
        Assert.Equal(value, ex.Value);
        Assert.Contains(reasonPart, ex.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"{File}:{line}:{column}: ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus: 1\n", 1, 1, "bogus", "keys allowed at the top level are: metadata, routing, exclude, primary, ipv6, persist, daemon, log-level")]
    [InlineData("metadata:\n  url: http://x\n  urll: http://y\n", 3, 3, "metadata.urll", "keys allowed in 'metadata' are: url, attempt-timeout")]
    [InlineData("routing:\n  max_enis: 3\n", 2, 3, "routing.max_enis", "max-enis")]
    [InlineData("daemon:\n  pollInterval: 3s\n", 2, 3, "daemon.pollInterval", "poll-interval")]
    [InlineData("primary:\n  manage-secondary-ip: true\n", 2, 3, "primary.manage-secondary-ip", "manage-secondary-ips")]
    [InlineData("persist:\n  Renderer: ifcfg\n", 2, 3, "persist.Renderer", "unknown key")]
    [InlineData("# comment\n\nlog_level: debug\n", 3, 1, "log_level", "unknown key")]
    public void Unknown_keys(string yaml, int line, int column, string key, string reasonPart)
    {
        AssertError(yaml, line, column, key, null, reasonPart);
    }

    [Fact]
    public void Duplicate_keys()
    {
        AssertError("ipv6: true\nlog-level: debug\nipv6: false\n", 3, 1, "ipv6", null, "duplicate key");
        AssertError("metadata:\n  url: http://a\n  url: http://b\n", 3, 3, "metadata.url", null, "duplicate key");
    }

    [Theory]
    [InlineData("metadata: 5\n", 1, 11, "metadata", "expects a mapping of keys, not the value '5'")]
    [InlineData("routing: [1, 2]\n", 1, 10, "routing", "expects a mapping of keys, not a list")]
    [InlineData("daemon:\n  - poll-interval: 5s\n", 2, 3, "daemon", "expects a mapping of keys, not a list")]
    [InlineData("ipv6: {a: 1}\n", 1, 7, "ipv6", "expects a single value, not a mapping")]
    [InlineData("metadata:\n  url: [http://x]\n", 2, 8, "metadata.url", "expects a single value, not a list")]
    [InlineData("exclude: eth0\n", 1, 10, "exclude", "expects a list, not the value 'eth0'")]
    [InlineData("exclude: {eth0: 1}\n", 1, 10, "exclude", "expects a list, not a mapping")]
    [InlineData("exclude:\n  - eth0\n  - [eth1]\n", 3, 5, "exclude[1]", "expects a list of single values, not a list")]
    public void Wrong_shapes(string yaml, int line, int column, string key, string reasonPart)
    {
        AssertError(yaml, line, column, key, null, reasonPart);
    }

    [Theory]
    [InlineData("metadata:\n  url: ftp://x\n", 2, 8, "metadata.url", "ftp://x", "http:// or https://")]
    [InlineData("metadata:\n  url: not a url\n", 2, 8, "metadata.url", "not a url", "absolute http")]
    [InlineData("metadata:\n  url: /relative\n", 2, 8, "metadata.url", "/relative", "absolute http")]
    [InlineData("metadata:\n  url: \"\"\n", 2, 8, "metadata.url", "", "absolute http")]
    [InlineData("metadata:\n  url: http://u:p@h/\n", 2, 8, "metadata.url", "http://u:p@h/", "user info")]
    [InlineData("metadata:\n  url: http://h/?q=1\n", 2, 8, "metadata.url", "http://h/?q=1", "query")]
    [InlineData("metadata:\n  attempt-timeout: 2\n", 2, 20, "metadata.attempt-timeout", "2", "with a unit")]
    [InlineData("metadata:\n  attempt-timeout: 2 s\n", 2, 20, "metadata.attempt-timeout", "2 s", "with a unit")]
    [InlineData("metadata:\n  attempt-timeout: -2s\n", 2, 20, "metadata.attempt-timeout", "-2s", "with a unit")]
    [InlineData("metadata:\n  attempt-timeout: 2sec\n", 2, 20, "metadata.attempt-timeout", "2sec", "with a unit")]
    [InlineData("metadata:\n  attempt-timeout: 50ms\n", 2, 20, "metadata.attempt-timeout", "50ms", "between 100ms and 1m")]
    [InlineData("metadata:\n  attempt-timeout: 30s\n", 2, 20, "metadata.attempt-timeout", "30s", "must not exceed total-timeout (20s)")]
    [InlineData("metadata:\n  total-timeout: 1s\n", 2, 18, "metadata.total-timeout", "1s", "must not exceed total-timeout (1s)")]
    [InlineData("metadata:\n  total-timeout: 11m\n", 2, 18, "metadata.total-timeout", "11m", "between 1s and 10m")]
    [InlineData("metadata:\n  max-retries: 21\n", 2, 16, "metadata.max-retries", "21", "between 0 and 20")]
    [InlineData("metadata:\n  max-retries: three\n", 2, 16, "metadata.max-retries", "three", "whole number")]
    [InlineData("metadata:\n  max-retries: 1.5\n", 2, 16, "metadata.max-retries", "1.5", "whole number")]
    [InlineData("metadata:\n  token-ttl: 0s\n", 2, 14, "metadata.token-ttl", "0s", "between 1s and 6h")]
    [InlineData("metadata:\n  token-ttl: 21601s\n", 2, 14, "metadata.token-ttl", "21601s", "between 1s and 6h")]
    [InlineData("metadata:\n  token-ttl: 7h\n", 2, 14, "metadata.token-ttl", "7h", "between 1s and 6h")]
    [InlineData("metadata:\n  token-ttl: 1500ms\n", 2, 14, "metadata.token-ttl", "1500ms", "whole seconds")]
    [InlineData("routing:\n  table-base: 0\n", 2, 15, "routing.table-base", "0", "between 1 and 4294967295")]
    [InlineData("routing:\n  table-base: 100\n", 2, 15, "routing.table-base", "100", "reserved table 253")]
    [InlineData("routing:\n  table-base: 255\n", 2, 15, "routing.table-base", "255", "reserved table 255")]
    [InlineData("routing:\n  table-base: 4294967290\n", 2, 15, "routing.table-base", "4294967290", "do not fit in 32 bits")]
    [InlineData("routing:\n  table-base: 4294967296\n", 2, 15, "routing.table-base", "4294967296", "between 1 and 4294967295")]
    [InlineData("routing:\n  priority-base: 32700\n", 2, 18, "routing.priority-base", "32700", "must stay below 32766")]
    [InlineData("routing:\n  priority-base: 0\n", 2, 18, "routing.priority-base", "0", "between 1 and 32765")]
    [InlineData("routing:\n  max-enis: 0\n", 2, 13, "routing.max-enis", "0", "between 1 and 1000")]
    [InlineData("routing:\n  max-enis: 1001\n", 2, 13, "routing.max-enis", "1001", "between 1 and 1000")]
    [InlineData("routing:\n  max-enis: 1000\n", 2, 13, "routing.max-enis", "1000", "must stay below 32766")]
    [InlineData("routing:\n  table-base: 1\n  max-enis: 253\n", 2, 15, "routing.table-base", "1", "reserved table 253")]
    [InlineData("routing:\n  protocol: 4\n", 2, 13, "routing.protocol", "4", "between 5 and 255")]
    [InlineData("routing:\n  protocol: 256\n", 2, 13, "routing.protocol", "256", "between 5 and 255")]
    [InlineData("exclude: [eth0, \"00:16:3e:aa:bb\"]\n", 1, 17, "exclude[1]", "00:16:3e:aa:bb", "MAC address")]
    [InlineData("exclude:\n  - a-name-longer-than-15\n", 2, 5, "exclude[0]", "a-name-longer-than-15", "at most 15 characters")]
    [InlineData("exclude:\n  - \"\"\n", 2, 5, "exclude[0]", "", "interface name")]
    [InlineData("exclude:\n  - eth/0\n", 2, 5, "exclude[0]", "eth/0", "interface name")]
    [InlineData("primary:\n  manage-secondary-ips: yes\n", 2, 25, "primary.manage-secondary-ips", "yes", "true or false")]
    [InlineData("ipv6: on\n", 1, 7, "ipv6", "on", "true or false")]
    [InlineData("ipv6: 1\n", 1, 7, "ipv6", "1", "true or false")]
    [InlineData("persist:\n  enabled: no\n", 2, 12, "persist.enabled", "no", "true or false")]
    [InlineData("persist:\n  renderer: systemd\n", 2, 13, "persist.renderer", "systemd", "auto, none, ifcfg, netplan, ifupdown, wicked, networkmanager, networkd")]
    [InlineData("persist:\n  addressing: slaac\n", 2, 15, "persist.addressing", "slaac", "static, dhcp")]
    [InlineData("daemon:\n  poll-interval: 0s\n", 2, 18, "daemon.poll-interval", "0s", "between 1s and 1d")]
    [InlineData("daemon:\n  resync-interval: 2d\n", 2, 20, "daemon.resync-interval", "2d", "between 10s and 1d")]
    [InlineData("daemon:\n  hotplug-deadline: forever\n", 2, 21, "daemon.hotplug-deadline", "forever", "with a unit")]
    [InlineData("daemon:\n  allow-in-container: maybe\n", 2, 23, "daemon.allow-in-container", "maybe", "true or false")]
    [InlineData("log-level: verbose\n", 1, 12, "log-level", "verbose", "debug, information, warning, error")]
    public void Bad_values(string yaml, int line, int column, string key, string value, string reasonPart)
    {
        AssertError(yaml, line, column, key, value, reasonPart);
    }

    [Fact]
    public void Syntax_errors_name_the_place_and_the_last_key_read()
    {
        AssertError("metadata:\n  url: 'http://x\n", 2, 8, "metadata.url", null, "not valid YAML");
        AssertError("routing:\n  max-enis: [1\n", 3, 1, "routing.max-enis[0]", null, "not valid YAML");
        AssertError("ipv6: true\nlog-level: a: b\n", 2, 13, "log-level", null, "not valid YAML");
    }

    [Fact]
    public void Tab_indentation_points_at_the_tab()
    {
        AssertError("metadata:\n\turl: http://x\n", 2, 1, null, null, "tab used for indentation");
    }

    [Theory]
    [InlineData("- metadata\n", 1, 1, "the top level must be a mapping of keys")]
    [InlineData("just text\n", 1, 1, "the top level must be a mapping of keys")]
    [InlineData("ipv6: true\n---\nipv6: false\n", 2, 1, "more than one YAML document")]
    [InlineData("? [a]\n: b\n", 1, 3, "a key must be a plain name")]
    public void Document_shape_errors(string yaml, int line, int column, string reasonPart)
    {
        AssertError(yaml, line, column, null, null, reasonPart);
    }

    [Fact]
    public void Tags_anchors_and_aliases_are_refused()
    {
        AssertError("ipv6: !!bool true\n", 1, 7, "ipv6", "tag:yaml.org,2002:bool", "tags are not supported");
        AssertError("metadata:\n  url: &u http://x\n", 2, 8, "metadata.url", "&u", "anchors are not supported");
        AssertError("log-level: *x\n", 1, 12, "log-level", "*x", "aliases are not supported");
    }

    [Fact]
    public void Deep_nesting_is_refused_without_exhausting_the_stack()
    {
        var ex = Fail("exclude: " + new string('[', 100_000));
        Assert.Contains("nested more than", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void Message_reads_as_one_line_with_every_field()
    {
        var ex = Fail("metadata:\n  token-ttl: 7h\n");
        Assert.Equal("/etc/eniagent/eniagent.yaml:2:14: metadata.token-ttl: '7h': out of range: must be between 1s and 6h", ex.Message);
    }
}
