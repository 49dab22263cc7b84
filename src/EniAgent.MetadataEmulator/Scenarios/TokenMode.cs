namespace EniAgent.MetadataEmulator.Scenarios;

/// <summary>Whether token-less GETs are served (<c>optional</c>) or refused with 403 (<c>required</c>, hardened-only).</summary>
internal enum TokenMode
{
    Optional,
    Required,
}
