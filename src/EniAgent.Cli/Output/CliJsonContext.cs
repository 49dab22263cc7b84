using System.Text.Json.Serialization;

namespace EniAgent.Cli.Output;

/// <summary>Source-generated JSON (NativeAOT has no reflection serializer); print with <see cref="CliJson.Context"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReconcileJsonDto))]
[JsonSerializable(typeof(Status.StatusJsonDto))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
