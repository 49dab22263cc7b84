using CsCheck;
using EniAgent.Core.Metadata;
using static EniAgent.Core.Tests.Metadata.RawSamples;

namespace EniAgent.Core.Tests.Metadata;

public sealed class SnapshotBuilderPropertyTests
{
    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String,
        Gen.String["0123456789.:/[]\",abcdef \r\n-"],
        Gen.OneOf(Gen.Const("192.168.1.20"), Gen.Const("[\"192.168.1.21\"]"), Gen.Const("eni-x"), Gen.Const(""), Gen.Const("255.255.255.0"), Gen.Const("192.168.1.0/24")));

    /// <summary>Arbitrary values in any item: the builder never crashes, and whatever it accepts is internally consistent.</summary>
    [Fact]
    public void Arbitrary_items_yield_consistent_enis_or_documented_reasons()
    {
        var gen = Gen.Select(Gen.Int[0, EniItems(1).Count - 1], Hostile, Gen.Int[0, EniItems(1).Count - 1], Hostile);
        gen.Sample((item1, value1, item2, value2) =>
        {
            var names = EniItems(1).Keys.ToList();
            var raw = Tree(Eni(1, i =>
            {
                i[names[item1]] = value1;
                i[names[item2]] = value2;
            }), Eni(2));

            var snapshot = MetadataSnapshotBuilder.Build(raw);

            Assert.Equal(2, snapshot.Enis.Count + snapshot.InvalidEnis.Count);
            foreach (var eni in snapshot.Enis)
            {
                Assert.Contains(eni.PrimaryIp, eni.PrivateIpv4s);
                Assert.All(eni.PrivateIpv4s, ip => Assert.True(eni.Subnet.Contains(ip)));
                Assert.True(eni.Subnet.Contains(eni.Gateway));
                Assert.DoesNotContain(eni.Gateway, eni.PrivateIpv4s);
                Assert.StartsWith("eni-", eni.EniId, StringComparison.Ordinal);
            }

            foreach (var invalid in snapshot.InvalidEnis)
            {
                Assert.Contains(invalid.Item, names.Append(MetadataItems.Mac));
                Assert.False(string.IsNullOrEmpty(invalid.Reason));
                Assert.All(invalid.Value + invalid.RawMac + invalid.Reason, c => Assert.InRange(c, ' ', '~'));
            }
        });
    }

    [Fact]
    public void Arbitrary_instance_items_and_mac_names_only_ever_fail_with_format_errors()
    {
        Gen.Select(Hostile, Hostile, Gen.Bool).Sample((mac, listed, replaceInstanceId) =>
        {
            var instance = Instance();
            instance[replaceInstanceId ? MetadataItems.InstanceId : MetadataItems.Mac] = mac;
            try
            {
                var snapshot = MetadataSnapshotBuilder.Build(new RawMetadata(instance, [new RawEni(listed, EniItems(1))]));
                Assert.Equal(1, snapshot.Enis.Count + snapshot.InvalidEnis.Count);
            }
            catch (MetadataFormatException e)
            {
                Assert.False(string.IsNullOrEmpty(e.Reason));
            }
        });
    }

    [Fact]
    public void Listing_and_list_order_do_not_change_the_snapshot()
    {
        var enis = Enumerable.Range(1, 5).Select(n => Eni(n)).ToArray();
        var expected = MetadataSnapshotBuilder.Build(Tree(enis));
        Gen.Shuffle(enis).Select(Gen.Bool).Sample((shuffled, reverseLists) =>
        {
            var reordered = shuffled.Select(e => reverseLists ? Reversed(e) : e).ToArray();
            Assert.Equal(expected, MetadataSnapshotBuilder.Build(Tree(reordered)));
        });
    }

    private static RawEni Reversed(RawEni eni)
    {
        var items = eni.Items.ToDictionary();
        items[MetadataItems.PrivateIpv4s] = "[" + string.Join(", ", items[MetadataItems.PrivateIpv4s].Trim('[', ']').Split(',').Reverse()) + "]";
        items[MetadataItems.Ipv6s] = "[" + string.Join(",", items[MetadataItems.Ipv6s].Trim('[', ']').Split(',').Reverse()) + "]";
        return new RawEni(eni.Mac, items);
    }
}
