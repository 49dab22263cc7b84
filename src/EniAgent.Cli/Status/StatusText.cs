using System.Text;
using EniAgent.Core.Metadata;

namespace EniAgent.Cli.Status;

/// <summary>The readable <c>eniagent status</c>: a block per ENI.</summary>
internal static class StatusText
{
    public static string Render(MetadataSnapshot metadata, IReadOnlyList<EniStatus> rows, IEnumerable<string> warnings, Core.Host.RendererSelection? renderer = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append("instance ").Append(metadata.InstanceId).Append(", ").Append(rows.Count).AppendLine(" ENI(s)");
        foreach (var row in rows)
        {
            text.AppendLine();
            text.Append(row.EniId ?? "?").Append("  ").Append(row.Mac ?? "-").Append("  ").Append(row.Interface ?? "-")
                .Append("  ").Append(row.Role ?? "-").Append("  ").AppendLine(row.State.ToString().ToUpperInvariant());
            text.Append("  reason:    ").AppendLine(row.Reason);
            if (row.Table is { } table)
            {
                text.Append("  table:     ").Append(table).Append(" (slot ").Append(row.Slot).AppendLine(")");
            }

            if (row.DesiredAddresses.Count > 0 || row.ActualAddresses.Count > 0)
            {
                text.Append("  desired:   ").AppendLine(row.DesiredAddresses.Count == 0 ? "-" : string.Join(' ', row.DesiredAddresses));
                text.Append("  actual:    ").AppendLine(row.ActualAddresses.Count == 0 ? "-" : string.Join(' ', row.ActualAddresses));
            }

            foreach (var rule in row.Rules)
            {
                text.Append("  rule:      ").AppendLine(rule);
            }

            foreach (var change in row.PendingChanges)
            {
                text.Append("  pending:   ").AppendLine(change);
            }
        }

        if (renderer is not null)
        {
            text.AppendLine();
            text.Append("persisted configuration: ").AppendLine(renderer.Renderer.ToString().ToLowerInvariant());
            foreach (var verdict in renderer.Verdicts)
            {
                text.Append("  ").AppendLine(verdict.ToString());
            }
        }

        foreach (var warning in warnings)
        {
            text.Append("warning: ").AppendLine(warning);
        }

        return text.ToString();
    }
}
