using EniAgent.Core.Metadata;
using static EniAgent.Core.Tests.Metadata.RawSamples;

namespace EniAgent.Core.Tests.Metadata;

/// <summary>Instance-level errors and checks across ENIs.</summary>
public sealed class SnapshotConsistencyTests
{
    [Theory]
    [InlineData(MetadataItems.InstanceId, "i-abc;reboot")]
    [InlineData(MetadataItems.InstanceId, "eni-abc")]
    [InlineData(MetadataItems.Mac, "00:16:3e:00:00:1")]
    [InlineData(MetadataItems.Mac, "00-16-3e-00-00-01")]
    [InlineData(MetadataItems.Mac, "00:16:3e:00:00:01\n00:16:3e:00:00:02")]
    [InlineData(MetadataItems.ZoneId, "cn hangzhou")]
    public void A_bad_instance_item_fails_the_whole_snapshot(string item, string value)
    {
        var instance = Instance();
        instance[item] = value;

        var error = Assert.Throws<MetadataFormatException>(() => MetadataSnapshotBuilder.Build(new RawMetadata(instance, [Eni(1)])));

        Assert.Equal(item, error.Item);
        Assert.Equal(EniAgent.Core.Metadata.Parsing.MetadataText.Sanitize(value), error.Value);
        Assert.Contains(item, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MetadataItems.InstanceId)]
    [InlineData(MetadataItems.Mac)]
    public void A_missing_required_instance_item_fails_the_whole_snapshot(string item)
    {
        var instance = Instance();
        instance.Remove(item);

        var error = Assert.Throws<MetadataFormatException>(() => MetadataSnapshotBuilder.Build(new RawMetadata(instance, [Eni(1)])));

        Assert.Equal(item, error.Item);
        Assert.Null(error.Value);
    }

    [Fact]
    public void Optional_instance_items_may_be_absent()
    {
        var instance = Instance();
        instance.Remove(MetadataItems.RegionId);
        instance.Remove(MetadataItems.InstanceType);

        var snapshot = MetadataSnapshotBuilder.Build(new RawMetadata(instance, [Eni(1)]));

        Assert.Null(snapshot.RegionId);
        Assert.Null(snapshot.InstanceType);
    }

    [Fact]
    public void An_empty_listing_is_never_a_snapshot()
    {
        var error = Assert.Throws<MetadataFormatException>(() => MetadataSnapshotBuilder.Build(Tree()));
        Assert.Equal(MetadataItems.MacsDirectory, error.Item);
    }

    [Fact]
    public void A_bad_listed_mac_makes_that_entry_invalid_with_sanitized_text()
    {
        var snapshot = MetadataSnapshotBuilder.Build(Tree(new RawEni("../../etc\u0007", EniItems(3)), Eni(1)));

        var invalid = Assert.Single(snapshot.InvalidEnis);
        Assert.Equal(MetadataItems.Mac, invalid.Item);
        Assert.Null(invalid.Mac);
        Assert.Equal("../../etc\\x07", invalid.RawMac);
        Assert.Equal("contains control character \\x07", invalid.Reason);
        Assert.Single(snapshot.Enis);
    }

    [Fact]
    public void The_same_mac_listed_twice_invalidates_every_copy()
    {
        var snapshot = MetadataSnapshotBuilder.Build(Tree(Eni(1), new RawEni(MacOf(1).ToUpperInvariant(), EniItems(1)), Eni(2)));

        Assert.Equal(2, snapshot.InvalidEnis.Count);
        Assert.All(snapshot.InvalidEnis, e => Assert.Equal("MAC listed more than once", e.Reason));
        Assert.Equal(MacOf(2), MacAddress.Format(Assert.Single(snapshot.Enis).Mac));
        Assert.True(snapshot.Lists(snapshot.InvalidEnis[0].Mac!));
    }

    [Fact]
    public void The_same_ip_on_two_enis_invalidates_both()
    {
        var snapshot = MetadataSnapshotBuilder.Build(Tree(
            Eni(1),
            Eni(2, i =>
            {
                i[MetadataItems.VSwitchCidrBlock] = "192.168.1.0/24";
                i[MetadataItems.PrimaryIpAddress] = "192.168.1.30";
                i[MetadataItems.Gateway] = "192.168.1.253";
                i[MetadataItems.PrivateIpv4s] = "[\"192.168.1.30\",\"192.168.1.21\"]";
                i[MetadataItems.Ipv4Prefixes] = "192.168.1.64/28";
            }),
            Eni(3)));

        Assert.Equal([MacOf(1), MacOf(2)], snapshot.InvalidEnis.Select(e => e.RawMac));
        Assert.All(snapshot.InvalidEnis, e => Assert.Equal(MetadataItems.PrivateIpv4s, e.Item));
        Assert.Contains("192.168.1.21 is also assigned to eni-bp1b2c0jvnj0g17b0002", snapshot.InvalidEnis[0].Reason, StringComparison.Ordinal);
        Assert.Equal(MacOf(3), MacAddress.Format(Assert.Single(snapshot.Enis).Mac));
    }

    [Fact]
    public void The_same_ipv6_on_two_enis_invalidates_both()
    {
        var snapshot = MetadataSnapshotBuilder.Build(Tree(
            Eni(1),
            Eni(2, i =>
            {
                i.Remove(MetadataItems.VSwitchIpv6CidrBlock);
                i.Remove(MetadataItems.Ipv6Prefixes);
                i[MetadataItems.Ipv6Gateway] = "fe80::1";
                i[MetadataItems.Ipv6s] = "[2408:4005:325:a201::e4e]";
            })));

        Assert.Equal(2, snapshot.InvalidEnis.Count);
        Assert.All(snapshot.InvalidEnis, e => Assert.Equal(MetadataItems.Ipv6s, e.Item));
        Assert.Empty(snapshot.Enis);
    }

    [Fact]
    public void The_same_eni_id_for_two_macs_invalidates_both()
    {
        var snapshot = MetadataSnapshotBuilder.Build(Tree(Eni(1), Eni(2, i => i[MetadataItems.NetworkInterfaceId] = "eni-bp1b2c0jvnj0g17b0001")));

        Assert.Equal(2, snapshot.InvalidEnis.Count);
        Assert.All(snapshot.InvalidEnis, e => Assert.Equal(MetadataItems.NetworkInterfaceId, e.Item));
        Assert.Equal($"also served for MAC {MacOf(2)}", snapshot.InvalidEnis[0].Reason);
    }

    [Fact]
    public void A_primary_mac_not_listed_leaves_no_primary()
    {
        var snapshot = MetadataSnapshotBuilder.Build(new RawMetadata(Instance(MacOf(9)), [Eni(1)]));
        Assert.Null(snapshot.Primary);
        Assert.Single(snapshot.Enis);
    }
}
