using EniAgent.MetadataEmulator.Scenarios;

namespace EniAgent.MetadataEmulator.Runtime;

/// <summary>An ENI of the running emulator and when it was (re)loaded or attached, the origin of its delays.</summary>
internal sealed record AttachedEni(EniDefinition Definition, DateTimeOffset AttachedAt)
{
    public DateTimeOffset VisibleAt => AttachedAt + Definition.VisibleAfter;

    public DateTimeOffset ItemsReadyAt => VisibleAt + Definition.ItemsLag;
}
