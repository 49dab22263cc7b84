using EniAgent.Core.Configuration;

namespace EniAgent.Rendering.Tests;

public sealed class GoldenTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var renderer in Renderers)
        {
            foreach (var scenario in Scenarios.Names)
            {
                data.Add(renderer, scenario);
            }
        }

        return data;
    }

    /// <summary>Golden folder name → how to render (ifcfg twice: one per consumer).</summary>
    private static readonly string[] Renderers = ["ifcfg", "ifcfg-network-scripts", "netplan", "ifupdown", "wicked", "networkmanager", "networkd"];

    public static RenderResult Render(string renderer, string scenario) => renderer switch
    {
        "ifcfg" => RendererCatalog.For(RendererKind.Ifcfg).Render(Scenarios.Request(scenario)),
        "ifcfg-network-scripts" => RendererCatalog.For(RendererKind.Ifcfg).Render(Scenarios.Request(scenario, IfcfgFlavor.NetworkScripts)),
        "netplan" => RendererCatalog.For(RendererKind.Netplan).Render(Scenarios.Request(scenario)),
        "ifupdown" => RendererCatalog.For(RendererKind.Ifupdown).Render(Scenarios.Request(scenario)),
        "wicked" => RendererCatalog.For(RendererKind.Wicked).Render(Scenarios.Request(scenario)),
        "networkmanager" => RendererCatalog.For(RendererKind.NetworkManager).Render(Scenarios.Request(scenario)),
        "networkd" => RendererCatalog.For(RendererKind.Networkd).Render(Scenarios.Request(scenario)),
        _ => throw new ArgumentOutOfRangeException(nameof(renderer)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_golden_files(string renderer, string scenario) =>
        GoldenFiles.Verify(renderer, scenario, Render(renderer, scenario));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_is_deterministic_lf_and_owned(string renderer, string scenario)
    {
        var first = Render(renderer, scenario);
        var second = Render(renderer, scenario);
        Assert.Equal(first.Files, second.Files);
        Assert.Equal(first.Files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => f.Path), first.Files.Select(f => f.Path));
        foreach (var file in first.Files)
        {
            Assert.StartsWith("/etc/", file.Path, StringComparison.Ordinal);
            Assert.DoesNotContain('\r', file.Content);
            Assert.EndsWith("\n", file.Content, StringComparison.Ordinal);
            Assert.False(file.Content.EndsWith("\n\n", StringComparison.Ordinal), file.Path);
            Assert.True(OwnershipHeader.IsOwned(file.Content), file.Path);
            Assert.Equal(file.OwnerEniId, OwnershipHeader.OwnerOf(file.Content));
        }
    }
}
