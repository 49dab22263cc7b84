namespace EniAgent.Platform.State;

public enum StateLoadStatus
{
    /// <summary>state.json was read.</summary>
    Loaded,

    /// <summary>No state.json yet (first run): empty state.</summary>
    Absent,

    /// <summary>state.json was unreadable, corrupt or of an unknown version: moved aside (<see cref="StateAccess.Apply"/>), empty state used.</summary>
    Reset,

    /// <summary>state.json cannot be used but a read-only caller left it as it is: empty state used in memory only.</summary>
    Unusable,
}
