using System.Net;
using System.Text.Json;
using EniAgent.Core;
using EniAgent.Core.Metadata;
using EniAgent.Metadata.Rendering;

namespace EniAgent.Metadata.Tests;

public sealed class SnapshotRenderingTests
{
    private static readonly MetadataSnapshot Snapshot = MetadataSnapshotBuilder.Build(new RawMetadata(
        new Dictionary<string, string>
        {
            [MetadataItems.InstanceId] = "i-abc",
            [MetadataItems.Mac] = "00:16:3e:00:00:01",
            [MetadataItems.RegionId] = "cn-hangzhou",
        },
        [
            new RawEni("00:16:3e:00:00:01", new Dictionary<string, string>
            {
                [MetadataItems.NetworkInterfaceId] = "eni-primary",
                [MetadataItems.PrimaryIpAddress] = "192.168.1.10",
                [MetadataItems.VSwitchCidrBlock] = "192.168.1.0/24",
                [MetadataItems.Gateway] = "192.168.1.253",
            }),
            new RawEni("00:16:3e:00:00:02", new Dictionary<string, string>
            {
                [MetadataItems.NetworkInterfaceId] = "eni-second",
                [MetadataItems.PrimaryIpAddress] = "192.168.2.10",
                [MetadataItems.PrivateIpv4s] = "[\"192.168.2.10\",\"192.168.2.11\"]",
                [MetadataItems.VSwitchCidrBlock] = "192.168.2.0/24",
                [MetadataItems.Gateway] = "192.168.2.253",
                [MetadataItems.Ipv6s] = "[2408::10]",
                [MetadataItems.Ipv4Prefixes] = "192.168.2.32/28",
            }),
            new RawEni("00:16:3e:00:00:03", new Dictionary<string, string>
            {
                [MetadataItems.NetworkInterfaceId] = "eni-third",
                [MetadataItems.PrimaryIpAddress] = "192.168.3.10",
                [MetadataItems.VSwitchCidrBlock] = "192.168.3.0/24",
                [MetadataItems.Gateway] = "10.0.0.1\u0007",
            }),
        ]));

    [Fact]
    public void Json_names_every_field_in_kebab_case_with_addresses_as_strings()
    {
        using var json = JsonDocument.Parse(SnapshotJson.Render(Snapshot));
        var root = json.RootElement;

        Assert.Equal("i-abc", root.GetProperty("instance-id").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("zone-id").ValueKind);
        Assert.Equal("00:16:3e:00:00:01", root.GetProperty("primary-mac").GetString());
        var enis = root.GetProperty("enis").EnumerateArray().ToList();
        Assert.Equal([true, false], enis.Select(e => e.GetProperty("primary").GetBoolean()));
        var second = enis[1];
        Assert.Equal("eni-second", second.GetProperty("eni-id").GetString());
        Assert.Equal(["192.168.2.10", "192.168.2.11"], second.GetProperty("private-ipv4s").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("192.168.2.0/24", second.GetProperty("subnet").GetString());
        Assert.Equal(["2408::10"], second.GetProperty("ipv6s").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["192.168.2.32/28"], second.GetProperty("ipv4-prefixes").EnumerateArray().Select(e => e.GetString()));
        var invalid = Assert.Single(root.GetProperty("invalid-enis").EnumerateArray().ToList());
        Assert.Equal("gateway", invalid.GetProperty("item").GetString());
        Assert.Equal("10.0.0.1\\x07", invalid.GetProperty("value").GetString());
        Assert.Equal("eni-third", invalid.GetProperty("eni-id").GetString());
    }

    [Fact]
    public void The_table_lists_every_eni_marks_the_primary_and_explains_invalid_ones()
    {
        var lines = SnapshotTable.Render(Snapshot).Split('\n');

        Assert.Equal("instance i-abc (cn-hangzhou), primary MAC 00:16:3e:00:00:01", lines[0]);
        Assert.StartsWith("   MAC", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("*  00:16:3e:00:00:01  eni-primary  192.168.1.10", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("   00:16:3e:00:00:02  eni-second   192.168.2.10", lines[4], StringComparison.Ordinal);
        Assert.EndsWith("192.168.2.11    2408::10  192.168.2.32/28", lines[4], StringComparison.Ordinal);
        Assert.Contains("  00:16:3e:00:00:03  eni-third  gateway = \"10.0.0.1\\x07\": contains control character \\x07", lines);
    }

    [Fact]
    public void Json_keeps_reasons_readable()
    {
        var hostile = Snapshot with
        {
            InvalidEnis = [new InvalidEni("00:16:3e:00:00:09", null, null, "mac", "x'$", "contains forbidden character '$'")],
        };

        Assert.Contains("\"reason\": \"contains forbidden character '$'\"", SnapshotJson.Render(hostile), StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_is_a_pure_function_of_the_snapshot()
    {
        var copy = Snapshot with { Enis = Snapshot.Enis.Reverse().Reverse().ToValueList() };
        Assert.Equal(SnapshotJson.Render(Snapshot), SnapshotJson.Render(copy));
        Assert.Equal(SnapshotTable.Render(Snapshot), SnapshotTable.Render(copy));
        Assert.Equal(IPAddress.Parse("192.168.1.10"), Snapshot.Primary!.PrimaryIp);
    }
}
