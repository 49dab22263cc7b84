using EniAgent.Core.State;

namespace EniAgent.Platform.State;

/// <summary>
/// The loaded state and, when the file could not be used, what was wrong (<see cref="Problem"/> starts with the
/// file's path) and, after a <see cref="StateLoadStatus.Reset"/>, where the old file went.
/// </summary>
public sealed record StateLoadResult(AgentState State, StateLoadStatus Status, string? Problem = null, string? MovedAsidePath = null)
{
    /// <summary>The line every command reports for an unusable file, or null when the state was fine.</summary>
    public string? Warning => (Status, Problem, MovedAsidePath) switch
    {
        (_, null, _) => null,
        (StateLoadStatus.Unusable, _, _) => $"state: {Problem}; left as it is, using an empty state (a reconcile that applies moves it aside)",
        (_, _, { } aside) => $"state: {Problem}; moved aside to {aside}, starting with an empty state",
        _ => $"state: {Problem}; starting with an empty state",
    };
}
