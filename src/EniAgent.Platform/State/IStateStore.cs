using EniAgent.Core.State;

namespace EniAgent.Platform.State;

/// <summary>Persistence of <see cref="AgentState"/>. Load never throws for a bad file: it reports and starts fresh.</summary>
public interface IStateStore
{
    /// <summary>Reads the state; only <see cref="StateAccess.Apply"/> may touch the disk (moving a corrupt file aside).</summary>
    StateLoadResult Load(StateAccess access);

    void Save(AgentState state);
}
