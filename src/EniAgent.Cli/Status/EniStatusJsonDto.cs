using System.Text.Json.Serialization;

namespace EniAgent.Cli.Status;

internal sealed record EniStatusJsonDto(
    [property: JsonPropertyName("eni-id")] string? EniId,
    [property: JsonPropertyName("mac")] string? Mac,
    [property: JsonPropertyName("interface")] string? Interface,
    [property: JsonPropertyName("role")] string? Role,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("slot")] int? Slot,
    [property: JsonPropertyName("table")] uint? Table,
    [property: JsonPropertyName("desired-addresses")] List<string> DesiredAddresses,
    [property: JsonPropertyName("actual-addresses")] List<string> ActualAddresses,
    [property: JsonPropertyName("rules")] List<string> Rules,
    [property: JsonPropertyName("pending-changes")] List<string> PendingChanges,
    [property: JsonPropertyName("ipv6-skipped")] string? Ipv6Skipped);
