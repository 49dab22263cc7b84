using EniAgent.MetadataEmulator.Scenarios;

namespace EniAgent.MetadataEmulator.Runtime;

/// <summary>An ENI listed in <c>macs/</c> at one instant; while <see cref="ItemsReady"/> is false its items answer 404.</summary>
internal sealed record VisibleEni(EniDefinition Definition, bool ItemsReady);
