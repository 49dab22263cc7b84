using System.Net;
using EniAgent.Core.Metadata;
using static EniAgent.Core.Tests.Metadata.RawSamples;

namespace EniAgent.Core.Tests.Metadata;

public sealed class MetadataSnapshotBuilderTests
{
    [Fact]
    public void A_complete_eni_becomes_typed_sorted_values()
    {
        var snapshot = MetadataSnapshotBuilder.Build(Tree(Eni(1), Eni(2)));

        Assert.Equal("i-bp67acfmxazb4p8c2xyz", snapshot.InstanceId);
        Assert.Equal("cn-hangzhou", snapshot.RegionId);
        Assert.Equal("cn-hangzhou-i", snapshot.ZoneId);
        Assert.Equal("ecs.g7.large", snapshot.InstanceType);
        Assert.Equal(PrimaryMac, MacAddress.Format(snapshot.PrimaryMac));
        Assert.Empty(snapshot.InvalidEnis);
        Assert.Equal(2, snapshot.Enis.Count);
        var eni = snapshot.Primary!;
        Assert.Equal("eni-bp1b2c0jvnj0g17b0001", eni.EniId);
        Assert.Equal(IPAddress.Parse("192.168.1.20"), eni.PrimaryIp);
        Assert.Equal([IPAddress.Parse("192.168.1.20"), IPAddress.Parse("192.168.1.21"), IPAddress.Parse("192.168.1.22")], eni.PrivateIpv4s);
        Assert.Equal(IPNetwork.Parse("192.168.1.0/24"), eni.Subnet);
        Assert.Equal(IPAddress.Parse("192.168.1.253"), eni.Gateway);
        Assert.Equal("vsw-bp1s5fnvk4gn2tws00001", eni.VSwitchId);
        Assert.Equal("vpc-bp1opxu1zkhn00gzv26cj", eni.VpcId);
        Assert.Equal(IPNetwork.Parse("192.168.0.0/16"), eni.VpcCidr);
        Assert.Equal([IPAddress.Parse("2408:4005:325:a201::e4e"), IPAddress.Parse("2408:4005:325:a201::e4f")], eni.Ipv6s);
        Assert.Equal(IPAddress.Parse("2408:4005:325:a201:ffff:ffff:ffff:fff7"), eni.Ipv6Gateway);
        Assert.Equal(IPNetwork.Parse("2408:4005:325:a201::/64"), eni.VSwitchIpv6Cidr);
        Assert.Equal([IPNetwork.Parse("2408:4005:325:a200::/56")], eni.VpcIpv6Cidrs);
        Assert.Equal([IPNetwork.Parse("192.168.1.48/28")], eni.Ipv4Prefixes);
        Assert.Equal([IPNetwork.Parse("2408:4005:325:a201:1::/80")], eni.Ipv6Prefixes);
    }

    [Fact]
    public void Only_required_items_leave_optional_ones_absent()
    {
        var minimal = new RawEni(PrimaryMac, new Dictionary<string, string>
        {
            [MetadataItems.NetworkInterfaceId] = "eni-abc",
            [MetadataItems.PrimaryIpAddress] = "10.1.2.3",
            [MetadataItems.Netmask] = "255.255.240.0",
            [MetadataItems.Gateway] = "10.1.15.253",
        });

        var eni = Assert.Single(MetadataSnapshotBuilder.Build(Tree(minimal)).Enis);

        Assert.Equal(IPNetwork.Parse("10.1.0.0/20"), eni.Subnet);
        Assert.Equal([IPAddress.Parse("10.1.2.3")], eni.PrivateIpv4s);
        Assert.Null(eni.VSwitchId);
        Assert.Null(eni.VpcCidr);
        Assert.Null(eni.Ipv6Gateway);
        Assert.Null(eni.VSwitchIpv6Cidr);
        Assert.Empty(eni.Ipv6s);
        Assert.Empty(eni.Ipv4Prefixes);
    }

    [Fact]
    public void Trailing_line_breaks_and_spaced_json_are_tolerated()
    {
        var spaced = Eni(1, items =>
        {
            foreach (var key in items.Keys.ToList())
            {
                items[key] += "\r\n";
            }

            items[MetadataItems.PrivateIpv4s] = "[\"192.168.1.22\", \"192.168.1.20\",\r\n \"192.168.1.21\"]\n";
            items[MetadataItems.Ipv6s] = "[\"2408:4005:325:a201::e4e\", \"2408:4005:325:a201::e4f\"]";
        });

        Assert.Equal(MetadataSnapshotBuilder.Build(Tree(Eni(1))), MetadataSnapshotBuilder.Build(Tree(spaced)));
    }

    [Theory]
    [InlineData(MetadataItems.NetworkInterfaceId)]
    [InlineData(MetadataItems.PrimaryIpAddress)]
    [InlineData(MetadataItems.Gateway)]
    public void A_missing_required_item_makes_the_eni_invalid(string item)
    {
        var snapshot = MetadataSnapshotBuilder.Build(Tree(Eni(1, items => items.Remove(item)), Eni(2)));

        var invalid = Assert.Single(snapshot.InvalidEnis);
        Assert.Equal(item, invalid.Item);
        Assert.Equal("required item is missing", invalid.Reason);
        Assert.Equal(MacOf(1), invalid.RawMac);
        Assert.Equal(MacOf(2), MacAddress.Format(Assert.Single(snapshot.Enis).Mac));
    }

    [Fact]
    public void Either_netmask_or_vswitch_cidr_is_enough_but_one_is_required()
    {
        Assert.Single(MetadataSnapshotBuilder.Build(Tree(Eni(1, i => i.Remove(MetadataItems.Netmask)))).Enis);
        Assert.Single(MetadataSnapshotBuilder.Build(Tree(Eni(1, i => i.Remove(MetadataItems.VSwitchCidrBlock)))).Enis);

        var snapshot = MetadataSnapshotBuilder.Build(Tree(Eni(1, i =>
        {
            i.Remove(MetadataItems.Netmask);
            i.Remove(MetadataItems.VSwitchCidrBlock);
        })));
        var invalid = Assert.Single(snapshot.InvalidEnis);
        Assert.Equal(MetadataItems.VSwitchCidrBlock, invalid.Item);
        Assert.Equal("eni-bp1b2c0jvnj0g17b0001", invalid.EniId);
    }

    [Theory]
    [InlineData(MetadataItems.NetworkInterfaceId, "eni-abc$(reboot)", "contains forbidden character '$'")]
    [InlineData(MetadataItems.NetworkInterfaceId, "eni-abc\nDEFROUTE=yes", "contains a line break")]
    [InlineData(MetadataItems.NetworkInterfaceId, "eni-ab\"c", "contains forbidden character '\"'")]
    [InlineData(MetadataItems.NetworkInterfaceId, "eni-bp1****", "contains forbidden character '*'")]
    [InlineData(MetadataItems.PrimaryIpAddress, "192.168.1.020", "an octet has a leading zero")]
    [InlineData(MetadataItems.PrimaryIpAddress, "192.168.2.20", "192.168.2.20 is outside the vSwitch CIDR 192.168.1.0/24")]
    [InlineData(MetadataItems.PrimaryIpAddress, "192.168.1.255", "192.168.1.255 is the broadcast address of 192.168.1.0/24")]
    [InlineData(MetadataItems.PrivateIpv4s, "[\"192.168.1.20\",\"10.0.0.1\"]", "10.0.0.1 is outside the vSwitch CIDR 192.168.1.0/24")]
    [InlineData(MetadataItems.PrivateIpv4s, "[\"192.168.1.20\";\"192.168.1.21\"]", "contains forbidden character ';'")]
    [InlineData(MetadataItems.PrivateIpv4s, "192.168.1.20", "not a bracketed list")]
    [InlineData(MetadataItems.PrivateIpv4s, "[\"192.168.1.20\",\"192.168.1.0\"]", "192.168.1.0 is the network address of 192.168.1.0/24")]
    [InlineData(MetadataItems.Gateway, "192.168.2.253", "192.168.2.253 is outside the vSwitch CIDR 192.168.1.0/24")]
    [InlineData(MetadataItems.Gateway, "192.168.1.0", "192.168.1.0 is the network address of 192.168.1.0/24")]
    [InlineData(MetadataItems.Gateway, "192.168.1.255", "192.168.1.255 is the broadcast address of 192.168.1.0/24")]
    [InlineData(MetadataItems.Gateway, "192.168.1.21", "192.168.1.21 is one of the ENI's own addresses")]
    [InlineData(MetadataItems.Netmask, "255.255.0.0", "/16 disagrees with vswitch-cidr-block 192.168.1.0/24")]
    [InlineData(MetadataItems.Netmask, "255.0.255.0", "not a contiguous netmask")]
    [InlineData(MetadataItems.VSwitchCidrBlock, "192.168.1.1/24", "host bits are set")]
    [InlineData(MetadataItems.VSwitchId, "vpc-abc", "does not start with 'vsw-'")]
    [InlineData(MetadataItems.VpcId, "vpc-", "'vpc-' must be followed by 1 to 60 lowercase letters or digits")]
    [InlineData(MetadataItems.Ipv4Prefixes, "192.168.2.48/28", "192.168.2.48/28 is outside the vSwitch CIDR 192.168.1.0/24")]
    [InlineData(MetadataItems.Ipv4Prefixes, "192.168.1.49/28", "element \"192.168.1.49/28\": host bits are set")]
    [InlineData(MetadataItems.Ipv6s, "[2408:4005:325:a299::1]", "2408:4005:325:a299::1 is outside the vSwitch IPv6 CIDR 2408:4005:325:a201::/64")]
    [InlineData(MetadataItems.Ipv6s, "[fe80::1]", "fe80::1 is not a global unicast address")]
    [InlineData(MetadataItems.Ipv6s, "[2408:4005:325:a201::1%eth0]", "contains forbidden character '%'")]
    [InlineData(MetadataItems.Ipv6Gateway, "2408:4005:325:a299::1", "2408:4005:325:a299::1 is neither link-local nor inside the vSwitch IPv6 CIDR 2408:4005:325:a201::/64")]
    [InlineData(MetadataItems.Ipv6Prefixes, "2408:4005:325:a299:1::/80", "2408:4005:325:a299:1::/80 is outside the vSwitch IPv6 CIDR 2408:4005:325:a201::/64")]
    [InlineData(MetadataItems.VpcIpv6CidrBlocks, "[2408:4005:325:a200::1/56]", "element \"2408:4005:325:a200::1/56\": host bits are set")]
    public void A_bad_item_makes_only_that_eni_invalid(string item, string value, string reason)
    {
        var snapshot = MetadataSnapshotBuilder.Build(Tree(Eni(1, items => items[item] = value), Eni(2)));

        var invalid = Assert.Single(snapshot.InvalidEnis);
        Assert.Equal(item, invalid.Item);
        Assert.Equal(reason, invalid.Reason);
        Assert.Equal(EniAgent.Core.Metadata.Parsing.MetadataText.Sanitize(value), invalid.Value);
        Assert.Equal(MacOf(1), MacAddress.Format(invalid.Mac!));
        Assert.Equal(MacOf(2), MacAddress.Format(Assert.Single(snapshot.Enis).Mac));
    }

    [Fact]
    public void Link_local_ipv6_gateway_is_accepted()
    {
        var eni = Assert.Single(MetadataSnapshotBuilder.Build(Tree(Eni(1, i => i[MetadataItems.Ipv6Gateway] = "fe80::1"))).Enis);
        Assert.Equal(IPAddress.Parse("fe80::1"), eni.Ipv6Gateway);
    }

    [Fact]
    public void Absurd_lengths_and_too_many_ips_are_refused()
    {
        var many = "[" + string.Join(",", Enumerable.Range(1, 101).Select(i => $"\"192.168.1.{i}\"")) + "]";
        var snapshot = MetadataSnapshotBuilder.Build(Tree(
            Eni(1, i => i[MetadataItems.PrivateIpv4s] = many),
            Eni(2, i => i[MetadataItems.VSwitchId] = "vsw-" + new string('a', 5000))));

        Assert.Equal(["list has more than 100 entries", "longer than 4096 bytes"], snapshot.InvalidEnis.Select(e => e.Reason));
        Assert.All(snapshot.InvalidEnis, e => Assert.True(e.Value.Length < 200));
    }

    [Fact]
    public void A_primary_ip_missing_from_private_ipv4s_is_still_listed()
    {
        var eni = Assert.Single(MetadataSnapshotBuilder.Build(Tree(Eni(1, i => i[MetadataItems.PrivateIpv4s] = "[\"192.168.1.21\",\"192.168.1.21\"]"))).Enis);
        Assert.Equal([IPAddress.Parse("192.168.1.20"), IPAddress.Parse("192.168.1.21")], eni.PrivateIpv4s);
    }
}
