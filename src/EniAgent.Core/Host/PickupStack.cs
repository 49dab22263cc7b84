namespace EniAgent.Core.Host;

/// <summary>The running stack that is told over D-Bus to take the persisted files (none: it reads them at its next start).</summary>
public enum PickupStack
{
    None,
    NetworkManager,
    Networkd,
}
