using EniAgent.Core.State;

namespace EniAgent.Platform.State;

/// <summary>The loaded state and, after a <see cref="StateLoadStatus.Reset"/>, what was wrong and where the old file went.</summary>
public sealed record StateLoadResult(AgentState State, StateLoadStatus Status, string? Problem = null, string? MovedAsidePath = null);
