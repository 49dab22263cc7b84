using System.Text.Json;

namespace EniAgent.Cli.Tests.Reconcile;

/// <summary>The parts of <c>eniagent reconcile --json</c> the system tests look at.</summary>
internal sealed record ReconcileReport(int ExitCode, IReadOnlyList<ReportedEni> Enis, IReadOnlyList<string> Changes, IReadOnlyList<string> Warnings)
{
    public static ReconcileReport Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ReconcileReport(
            root.GetProperty("exit-code").GetInt32(),
            [.. root.GetProperty("enis").EnumerateArray().Select(e => new ReportedEni(
                e.GetProperty("eni-id").GetString(),
                e.GetProperty("interface").GetString(),
                e.GetProperty("disposition").GetString()!,
                e.GetProperty("reason").GetString()!))],
            [.. root.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("steps").EnumerateArray()).Select(s => s.GetProperty("change").GetString()!)],
            [.. root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)]);
    }

    public ReportedEni Of(string interfaceName) => Enis.Single(e => e.Interface == interfaceName);
}
