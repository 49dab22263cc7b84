using System.Text.Json;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>The parts of <c>eniagent reconcile --json</c> the system tests look at.</summary>
internal sealed record ReconcileReport(int ExitCode, IReadOnlyList<ReconcileReport.Eni> Enis, IReadOnlyList<string> Changes, IReadOnlyList<string> Warnings)
{
    public static ReconcileReport Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ReconcileReport(
            root.GetProperty("exit-code").GetInt32(),
            [.. root.GetProperty("enis").EnumerateArray().Select(e => new Eni(
                e.GetProperty("eni-id").GetString(),
                e.GetProperty("interface").GetString(),
                e.GetProperty("disposition").GetString()!,
                e.GetProperty("reason").GetString()!))],
            [.. root.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("steps").EnumerateArray()).Select(s => s.GetProperty("change").GetString()!)],
            [.. root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)]);
    }

    public Eni Of(string interfaceName) => Enis.Single(e => e.Interface == interfaceName);

    internal sealed record Eni(string? EniId, string? Interface, string Disposition, string Reason);
}
