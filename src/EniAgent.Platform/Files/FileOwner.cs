namespace EniAgent.Platform.Files;

/// <summary>Numeric owner and group for a written file.</summary>
public readonly record struct FileOwner(uint Uid, uint Gid);
