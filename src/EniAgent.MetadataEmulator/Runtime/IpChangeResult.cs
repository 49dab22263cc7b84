namespace EniAgent.MetadataEmulator.Runtime;

internal enum IpChangeResult
{
    Changed,
    Unchanged,
    UnknownMac,
    NotAssigned,

    /// <summary>The current <c>private-ipv4s</c> value is not a JSON array of strings (e.g. a hostile scenario value).</summary>
    Unparsable,
}
