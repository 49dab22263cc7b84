using System.Net;
using System.Net.NetworkInformation;
using CsCheck;
using EniAgent.Core;
using EniAgent.Core.State;
using EniAgent.Platform.Files;
using EniAgent.Platform.State;
using EniAgent.Platform.Tests.Files;
using Microsoft.Extensions.Time.Testing;

namespace EniAgent.Platform.Tests.State;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class JsonStateStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 30, 15, TimeSpan.Zero);

    private static JsonStateStore StoreFor(TempRoot root) => new(root.Paths, new AtomicFileWriter(), new FakeTimeProvider(Now));

    private static AgentState Sample() => AgentState.Empty
        .WithSlots([new SlotRecord("eni-a", 0, null), new SlotRecord("eni-b", 1, Now.AddDays(-1))])
        .WithAddresses(PhysicalAddress.Parse("00-16-3E-00-00-0A"), [new InterfaceAddress(IPAddress.Parse("192.168.1.21"), 24), new InterfaceAddress(IPAddress.Parse("2408:4005:325:a204::e4f"), 64)])
        .WithFiles(["/etc/sysconfig/network-scripts/ifcfg-eth1"]);

    [Fact]
    public void First_run_has_an_empty_state()
    {
        using var root = new TempRoot();
        var result = StoreFor(root).Load(StateAccess.ReadOnly);
        Assert.Equal(StateLoadStatus.Absent, result.Status);
        Assert.Equal(AgentState.Empty, result.State);
    }

    [Fact]
    public void Save_then_load_round_trips_with_a_private_mode()
    {
        using var root = new TempRoot();
        var store = StoreFor(root);
        store.Save(Sample());
        var result = store.Load(StateAccess.ReadOnly);
        Assert.Equal(StateLoadStatus.Loaded, result.Status);
        Assert.Equal(Sample(), result.State);
        Assert.Equal(JsonStateStore.FileMode, File.GetUnixFileMode(root.Paths.StateFile));
        var text = File.ReadAllText(root.Paths.StateFile);
        Assert.Contains("\"version\": 1", text, StringComparison.Ordinal);
        Assert.Contains("\"mac\": \"00:16:3e:00:00:0a\"", text, StringComparison.Ordinal);
        Assert.Contains("\"192.168.1.21/24\"", text, StringComparison.Ordinal);
    }

    /// <summary>A file state.json cannot hold, and a part of the reported problem.</summary>
    public static TheoryData<string, string> CorruptFiles => new()
    {
        { "{ not json", "" },
        { "null", "JSON null" },
        { "{\"version\": 2}", "version 2 is not supported" },
        { "{\"version\": 0}", "version 0 is not supported" },
        { "{\"version\": 1, \"slots\": [{\"eniId\": \"eni-a\", \"slot\": -1}]}", "invalid slot entry" },
        { "{\"version\": 1, \"slots\": [{\"eniId\": \"eni-a\", \"slot\": 1}, {\"eniId\": \"eni-b\", \"slot\": 1}]}", "repeats" },
        { "{\"version\": 1, \"addresses\": [{\"mac\": \"zz\", \"addresses\": []}]}", "invalid MAC" },
        { "{\"version\": 1, \"addresses\": [{\"mac\": \"00:16:3e:00:00:01\", \"addresses\": [\"10.0.0.1\"]}]}", "invalid address" },
        { "{\"version\": 1, \"files\": [\"relative\"]}", "invalid file path" },
        { "{\"version\": \"one\"}", "" },
    };

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void Corrupt_file_is_reported_moved_aside_and_replaced_by_a_fresh_state_when_applying(string content, string problemPart)
    {
        using var root = new TempRoot();
        root.Write("/var/lib/eniagent/state.json", content);
        var store = StoreFor(root);

        var result = store.Load(StateAccess.Apply);

        Assert.Equal(StateLoadStatus.Reset, result.Status);
        Assert.Equal(AgentState.Empty, result.State);
        Assert.Contains(problemPart, result.Problem, StringComparison.Ordinal);
        Assert.StartsWith(root.Paths.StateFile + " cannot be used (", result.Problem, StringComparison.Ordinal);
        Assert.Equal(root.Paths.StateFile + ".corrupt-20261127T083015Z", result.MovedAsidePath);
        Assert.Equal(content, File.ReadAllText(result.MovedAsidePath!));
        Assert.Equal($"state: {result.Problem}; moved aside to {result.MovedAsidePath}, starting with an empty state", result.Warning);
        Assert.Equal(StateLoadStatus.Absent, store.Load(StateAccess.ReadOnly).Status);
    }

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void Corrupt_file_is_reported_and_left_byte_for_byte_when_read_only(string content, string problemPart)
    {
        using var root = new TempRoot();
        root.Write("/var/lib/eniagent/state.json", content);
        var folder = Path.GetDirectoryName(root.Paths.StateFile)!;
        var before = File.ReadAllBytes(root.Paths.StateFile);
        var store = StoreFor(root);

        var first = store.Load(StateAccess.ReadOnly);
        var second = store.Load(StateAccess.ReadOnly);

        Assert.Equal(StateLoadStatus.Unusable, first.Status);
        Assert.Equal(AgentState.Empty, first.State);
        Assert.Contains(problemPart, first.Problem, StringComparison.Ordinal);
        Assert.StartsWith(root.Paths.StateFile + " cannot be used (", first.Problem, StringComparison.Ordinal);
        Assert.Null(first.MovedAsidePath);
        Assert.Contains("left as it is", first.Warning, StringComparison.Ordinal);
        Assert.Equal(first, second);
        Assert.Equal(before, File.ReadAllBytes(root.Paths.StateFile));
        Assert.Equal([root.Paths.StateFile], Directory.GetFiles(folder));
    }

    [Fact]
    public void A_second_corrupt_file_at_the_same_time_gets_its_own_name()
    {
        using var root = new TempRoot();
        var store = StoreFor(root);
        root.Write("/var/lib/eniagent/state.json", "x");
        Assert.EndsWith(".corrupt-20261127T083015Z", store.Load(StateAccess.Apply).MovedAsidePath, StringComparison.Ordinal);
        root.Write("/var/lib/eniagent/state.json", "y");
        Assert.EndsWith(".corrupt-20261127T083015Z-2", store.Load(StateAccess.Apply).MovedAsidePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Arbitrary_bytes_only_ever_give_StateFormatException()
    {
        Gen.Byte.Array[0, 200].Sample(Decode, iter: 5000);
    }

    [Fact]
    public void Arbitrary_json_shaped_text_only_ever_gives_StateFormatException()
    {
        var token = Gen.OneOf("{", "}", "[", "]", ",", ":", "\"version\"", "\"slots\"", "\"addresses\"", "\"files\"", "\"eniId\"", "\"slot\"",
            "\"mac\"", "\"detachedAt\"", "1", "-1", "null", "true", "\"eni-a\"", "\"00:16:3e:00:00:01\"", "\"10.0.0.1/24\"", "\"/etc/x\"", "\"2026-01-01T00:00:00Z\"");
        token.Array[0, 40].Select(parts => System.Text.Encoding.UTF8.GetBytes(string.Concat(parts))).Sample(Decode, iter: 20_000);
    }

    private static void Decode(byte[] bytes)
    {
        try
        {
            _ = StateCodec.Decode(bytes);
        }
        catch (StateFormatException)
        {
        }
    }

    [Fact]
    public void Random_states_round_trip()
    {
        var slot = Gen.Select(Gen.Int[0, 20], Gen.Bool, Gen.Int[0, 100_000]).Select((s, detached, minutes) =>
            new SlotRecord($"eni-{s:D3}", s, detached ? Now.AddMinutes(-minutes) : null));
        var address = Gen.Select(Gen.UInt, Gen.Int[0, 32]).Select((ip, p) => new InterfaceAddress(new IPAddress(ip), p));
        var state = Gen.Select(slot.Array[0, 5], address.Array[0, 4], Gen.Int[0, 3]).Select((slots, addresses, files) =>
            AgentState.Empty
                .WithSlots(slots.DistinctBy(s => s.Slot))
                .WithAddresses(PhysicalAddress.Parse("00-16-3E-00-00-01"), addresses)
                .WithFiles(Enumerable.Range(0, files).Select(i => $"/etc/f{i}")));
        state.Sample(s =>
        {
            Assert.Equal(s, StateCodec.Decode(StateCodec.Encode(s)));
        }, iter: 2000);
    }
}
