using System.Text.Json.Serialization;

namespace EniAgent.Metadata.Rendering;

/// <summary>Source-generated (NativeAOT-safe) serialization of the snapshot DTOs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SnapshotJsonDto))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;
