namespace EniAgent.MetadataEmulator.Runtime;

internal enum FaultKind
{
    None,
    DropConnection,
    Status,
}
