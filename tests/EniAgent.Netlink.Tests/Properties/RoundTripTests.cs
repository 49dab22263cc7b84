using CsCheck;
using EniAgent.Netlink.Codecs;
using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Tests.Properties;

public sealed class RoundTripTests
{
    [Fact]
    public void Routes_decode_to_what_was_encoded() =>
        Generators.Route.Sample(route => Assert.Equal(route, RouteCodec.Decode(Encode(w => RouteCodec.Write(w, route)))));

    [Fact]
    public void Rules_decode_to_what_was_encoded() =>
        Generators.Rule.Sample(rule => Assert.Equal(rule, RuleCodec.Decode(Encode(w => RuleCodec.Write(w, rule)))));

    [Fact]
    public void Addresses_decode_to_what_was_encoded() =>
        Generators.NetlinkAddress.Sample(address => Assert.Equal(address, AddressCodec.Decode(Encode(w => AddressCodec.Write(w, address)))));

    [Fact]
    public void Batched_requests_come_apart_into_one_message_each() =>
        Generators.Rule.Array[1, 20].Sample(rules =>
        {
            var writer = new NetlinkMessageWriter();
            for (var i = 0; i < rules.Length; i++)
            {
                NetlinkRequest.AddRule(rules[i]).Write(writer, (uint)i);
            }

            var reader = new NetlinkMessageReader(writer.WrittenSpan);
            var decoded = new List<NetlinkRule>();
            while (reader.TryRead(out var message))
            {
                Assert.Equal(NetlinkMessageType.NewRule, message.Type);
                Assert.Equal((uint)decoded.Count, message.Sequence);
                decoded.Add(RuleCodec.Decode(message.Payload)!);
            }

            Assert.Equal(rules, decoded);
        });

    private static byte[] Encode(Action<NetlinkMessageWriter> write)
    {
        var writer = new NetlinkMessageWriter();
        write(writer);
        return writer.WrittenSpan.ToArray();
    }
}
