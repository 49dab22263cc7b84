using System.Text.Json;
using EniAgent.Cli.Output;
using EniAgent.Core.Metadata;

namespace EniAgent.Cli.Status;

/// <summary>The <c>status --json</c> document (schema in docs/cli.md).</summary>
internal static class StatusJson
{
    public static string Render(MetadataSnapshot metadata, IReadOnlyList<EniStatus> rows, IEnumerable<string> warnings, Core.Host.RendererSelection? renderer = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var dto = new StatusJsonDto(
            metadata.InstanceId,
            rows.Select(r => new EniStatusJsonDto(
                r.EniId, r.Mac, r.Interface, r.Role, r.State.ToString().ToLowerInvariant(), r.Reason, r.Slot, r.Table,
                [.. r.DesiredAddresses], [.. r.ActualAddresses], [.. r.Rules], [.. r.PendingChanges], r.Ipv6Skipped)).ToList(),
            [.. warnings])
        {
            Renderer = renderer?.Renderer.ToString().ToLowerInvariant(),
            RendererVerdicts = renderer?.Verdicts.Select(v => v.ToString()).ToList() ?? [],
        };
        return JsonSerializer.Serialize(dto, CliJson.Context.StatusJsonDto) + "\n";
    }
}
