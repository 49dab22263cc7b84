using CsCheck;
using EniAgent.Netlink.Codecs;
using EniAgent.Netlink.Protocol;

namespace EniAgent.Netlink.Tests.Properties;

/// <summary>Whatever bytes arrive, decoding either succeeds or throws <see cref="NetlinkDecodeException"/>: never anything else.</summary>
public sealed class DecodeRobustnessTests
{
    private static readonly Gen<byte[]> AnyBytes = Gen.Byte.Array[0, 200];

    /// <summary>Valid fixtures with a few bytes flipped: reaches deeper than random bytes.</summary>
    private static readonly Gen<byte[]> MutatedFixtures =
        Gen.Select(
            Gen.OneOf(Fixtures.NewLink, Fixtures.NewLinkIpv4DevConf, Fixtures.NewAddressV4, Fixtures.DelAddressV6, Fixtures.NewRoute, Fixtures.NewRule, Fixtures.ErrorAckCapped, Fixtures.ErrorAckUncapped),
            Gen.Select(Gen.Int[0, 200], Gen.Byte).Array[1, 4],
            Gen.Int[0, 200],
            (fixture, flips, cut) =>
            {
                var bytes = fixture.ToArray();
                foreach (var (position, value) in flips)
                {
                    bytes[position % bytes.Length] = value;
                }

                return bytes[..Math.Min(bytes.Length, cut + 16)];
            });

    public static TheoryData<string> Decoders => ["link", "address", "route", "rule", "events", "ack", "dump"];

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Arbitrary_bytes_only_throw_the_decode_exception(string decoder) =>
        AnyBytes.Sample(bytes => DecodeOrReject(decoder, bytes), iter: 20_000);

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Corrupted_messages_only_throw_the_decode_exception(string decoder) =>
        MutatedFixtures.Sample(bytes => DecodeOrReject(decoder, bytes), iter: 20_000);

    private static void DecodeOrReject(string decoder, byte[] bytes)
    {
        try
        {
            Decode(decoder, bytes);
        }
        catch (NetlinkDecodeException)
        {
        }
        catch (NetlinkException)
        {
            // A well-formed error ACK or DONE with an error status: a legitimate outcome of "dump".
            Assert.Equal("dump", decoder);
        }
    }

    private static void Decode(string decoder, byte[] bytes)
    {
        var payload = bytes.Length >= 16 ? bytes[16..] : bytes;
        switch (decoder)
        {
            case "link":
                _ = LinkCodec.Decode(payload);
                break;
            case "address":
                _ = AddressCodec.Decode(payload);
                break;
            case "route":
                _ = RouteCodec.Decode(payload);
                break;
            case "rule":
                _ = RuleCodec.Decode(payload);
                break;
            case "events":
                EventDecoder.DecodeAll(bytes, []);
                break;
            case "ack":
                var reader = new NetlinkMessageReader(bytes);
                while (reader.TryRead(out var message))
                {
                    _ = NetlinkAck.Decode(message);
                }

                break;
            case "dump":
                new DumpCollector<NetlinkRule>(42, NetlinkMessageType.NewRule, RuleCodec.Decode, "dump rules").Process(bytes);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(decoder));
        }
    }
}
