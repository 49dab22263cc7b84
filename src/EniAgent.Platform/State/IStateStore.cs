using EniAgent.Core.State;

namespace EniAgent.Platform.State;

/// <summary>Persistence of <see cref="AgentState"/>. Load never throws for a bad file: it reports and starts fresh.</summary>
public interface IStateStore
{
    StateLoadResult Load();

    void Save(AgentState state);
}
