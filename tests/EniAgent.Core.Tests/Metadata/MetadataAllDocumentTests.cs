using System.Text;
using EniAgent.Core.Metadata;

namespace EniAgent.Core.Tests.Metadata;

public sealed class MetadataAllDocumentTests
{
    private const string Document = """
        {
          "instance-id": "i-bp67acfmxazb4p8c2xyz",
          "region-id": "cn-hangzhou",
          "zone-id": "cn-hangzhou-i",
          "mac": "00:16:3e:00:00:01",
          "hostname": "ignored",
          "instance": { "instance-type": "ecs.g7.large", "instance-name": "ignored" },
          "network": { "interfaces": { "macs": {
            "00:16:3e:00:00:01": {
              "network-interface-id": "eni-a1",
              "primary-ip-address": "192.168.1.20",
              "private-ipv4s": ["192.168.1.20", "192.168.1.21"],
              "netmask": "255.255.255.0",
              "gateway": "192.168.1.253",
              "unknown-item": "ignored",
              "ipv6-gateway": null,
              "some-dir": { "x": "y" }
            },
            "00:16:3e:00:00:02/": { "network-interface-id": "eni-a2" },
            "00:16:3e:00:00:03": "not a directory"
          } } }
        }
        """;

    [Fact]
    public void Keeps_the_items_the_agent_reads_as_served()
    {
        var raw = MetadataAllDocument.Parse(Encoding.UTF8.GetBytes(Document));

        var expected = new RawMetadata(
            new Dictionary<string, string>
            {
                [MetadataItems.InstanceId] = "i-bp67acfmxazb4p8c2xyz",
                [MetadataItems.RegionId] = "cn-hangzhou",
                [MetadataItems.ZoneId] = "cn-hangzhou-i",
                [MetadataItems.Mac] = "00:16:3e:00:00:01",
                [MetadataItems.InstanceType] = "ecs.g7.large",
            },
            [
                new RawEni("00:16:3e:00:00:03", []),
                new RawEni("00:16:3e:00:00:02", [new(MetadataItems.NetworkInterfaceId, "eni-a2")]),
                new RawEni("00:16:3e:00:00:01", new Dictionary<string, string>
                {
                    [MetadataItems.NetworkInterfaceId] = "eni-a1",
                    [MetadataItems.PrimaryIpAddress] = "192.168.1.20",
                    [MetadataItems.PrivateIpv4s] = "[\"192.168.1.20\", \"192.168.1.21\"]",
                    [MetadataItems.Netmask] = "255.255.255.0",
                    [MetadataItems.Gateway] = "192.168.1.253",
                }),
            ]);
        Assert.Equal(expected, raw);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"a\":", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"instance-id\":\"i-a\"}", "missing from the document")]
    [InlineData("{\"network\":{\"interfaces\":{\"macs\":[]}}}", "missing from the document")]
    public void Broken_documents_are_format_errors(string json, string reason)
    {
        var error = Assert.Throws<MetadataFormatException>(() => MetadataAllDocument.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_documents_are_refused_before_parsing()
    {
        var error = Assert.Throws<MetadataFormatException>(() => MetadataAllDocument.Parse(new byte[MetadataAllDocument.MaxBytes + 1]));
        Assert.Equal(MetadataAllDocument.Path, error.Item);
    }

    [Fact]
    public void Raw_trees_compare_by_content()
    {
        var a = RawSamples.Tree(RawSamples.Eni(1), RawSamples.Eni(2));
        var b = RawSamples.Tree(RawSamples.Eni(2), RawSamples.Eni(1));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, RawSamples.Tree(RawSamples.Eni(1), RawSamples.Eni(2, i => i[MetadataItems.Gateway] = "192.168.2.254")));
    }
}
