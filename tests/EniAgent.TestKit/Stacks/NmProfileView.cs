namespace EniAgent.TestKit.Stacks;

/// <summary>A NetworkManager profile as a test sees it: its file, its Settings.Connection flags, whether it runs on the device asked about.</summary>
public sealed record NmProfileView(string File, uint Flags, bool Active)
{
    /// <summary>NM_SETTINGS_CONNECTION_FLAG_NM_GENERATED without EXTERNAL: an auto-default "Wired connection N".</summary>
    public bool AutoDefault => (Flags & 0x2) != 0 && (Flags & 0x8) == 0;

    public override string ToString() => $"{File} (flags 0x{Flags:x}{(Active ? ", active" : string.Empty)})";
}
