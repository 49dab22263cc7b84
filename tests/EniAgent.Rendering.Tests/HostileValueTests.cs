using CsCheck;
using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Metadata;

namespace EniAgent.Rendering.Tests;

/// <summary>Even if a weird ENI ID or interface name slipped past validation upstream, nothing executable is written.</summary>
public sealed class HostileValueTests
{
    public static TheoryData<RendererKind> Kinds() => [.. RendererCatalog.Kinds];

    private static RenderRequest WithSecondaryId(string eniId)
    {
        var primary = Scenarios.Eni(0, "eni-bp1primary0000", "10.0.0.10", "10.0.0.0/24", "10.0.0.253");
        var secondary = Scenarios.Eni(1, eniId, "10.0.1.20", "10.0.1.0/24", "10.0.1.253");
        var metadata = new MetadataSnapshot("i-1", null, null, null, primary.Mac, [primary, secondary], []);
        var options = new AgentOptions();
        return RenderRequest.FromDesired(Scenarios.Desired(metadata, options), options);
    }

    private static RenderRequest WithInterfaceName(string name)
    {
        var request = Scenarios.Request("single");
        return request with { InterfaceNames = new Dictionary<string, string>(StringComparer.Ordinal) { [request.Secondaries[0].EniId] = name } };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Hostile_eni_ids_are_refused_naming_eni_file_and_value(RendererKind kind)
    {
        foreach (var id in new[] { "eni-x;reboot", "eni-$(reboot)", "eni-a\n[Match]", "eni-'x'", "eni-", "i-notaneni", "eni-a b", "eni-../../etc" })
        {
            var ex = Assert.Throws<RenderException>(() => RendererCatalog.For(kind).Render(WithSecondaryId(id)));
            Assert.Equal(id, ex.EniId);
            Assert.Equal(id, ex.Value);
            Assert.NotNull(ex.File);
            Assert.Contains("ENI ID", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', ex.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Hostile_interface_names_are_refused(RendererKind kind)
    {
        foreach (var name in new[] { "eth1;reboot", "eth1 x", "../../etc/x", "eth1\n", "eth1'", "eth1.100", "eth1:0", "0eth", "abcdefghijklmnop", "", "eth$1" })
        {
            var ex = Assert.Throws<RenderException>(() => RendererCatalog.For(kind).Render(WithInterfaceName(name)));
            Assert.Equal("eni-bp1second0001", ex.EniId);
            Assert.Equal(name, ex.Value);
            Assert.Contains("interface name", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Two_enis_on_one_interface_name_are_refused(RendererKind kind)
    {
        var request = Scenarios.Request("three-enis");
        var names = request.Secondaries.ToDictionary(e => e.EniId, _ => "eth9", StringComparer.Ordinal);
        var ex = Assert.Throws<RenderException>(() => RendererCatalog.For(kind).Render(request with { InterfaceNames = names }));
        Assert.Contains("more than one ENI", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Enis_whose_link_has_not_appeared_are_skipped_with_a_warning(RendererKind kind)
    {
        var request = Scenarios.Request("single");
        request = request with { Secondaries = request.Secondaries.Select(e => e with { InterfaceName = null }).ToValueList() };
        var result = RendererCatalog.For(kind).Render(request);
        Assert.Empty(result.Files);
        Assert.Contains(result.Notes, n => n.Severity == NoteSeverity.Warning && n.EniId == "eni-bp1second0001");
    }

    [Fact]
    public void Arbitrary_ids_and_names_either_render_inert_text_or_raise_render_exception() =>
        Gen.Select(Gen.OneOf(Gen.String, Gen.Char["eni-abc019;$`'\"\n\r #[]=.:/\\"].Array[0, 20].Select(a => new string(a))), Gen.OneOf(Gen.String, Gen.Const("eth1")))
            .Sample((id, name) =>
            {
                var request = WithSecondaryId(id.StartsWith("eni-", StringComparison.Ordinal) ? id : "eni-" + id);
                request = request with { InterfaceNames = new Dictionary<string, string>(StringComparer.Ordinal) { [request.Secondaries[0].EniId] = name } };
                foreach (var kind in RendererCatalog.Kinds)
                {
                    try
                    {
                        foreach (var file in RendererCatalog.For(kind).Render(request).Files)
                        {
                            Assert.All(file.Content, c => Assert.True(c == '\n' || (c >= ' ' && c <= '~'), file.Path));
                            Assert.DoesNotContain(file.Content[file.Content.IndexOf('\n', StringComparison.Ordinal)..], c => c is '$' or '`' or ';' or '\\');
                            Assert.True(OwnershipHeader.IsOwned(file.Content));
                        }
                    }
                    catch (RenderException)
                    {
                    }
                }
            }, iter: 200);
}
