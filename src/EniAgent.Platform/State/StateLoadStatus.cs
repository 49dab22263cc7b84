namespace EniAgent.Platform.State;

public enum StateLoadStatus
{
    /// <summary>state.json was read.</summary>
    Loaded,

    /// <summary>No state.json yet (first run): empty state.</summary>
    Absent,

    /// <summary>state.json was unreadable, corrupt or of an unknown version: moved aside, empty state used.</summary>
    Reset,
}
