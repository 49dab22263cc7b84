namespace EniAgent.Core.Configuration;

/// <summary>Numbers of the routing layout (see docs/routing.md). Defaults keep clear of nm-cloud-setup (30200–30400+).</summary>
public sealed record RoutingOptions
{
    /// <summary>Table of slot 0; slot N uses <c>TableBase + N</c>.</summary>
    public uint TableBase { get; init; } = 31000;

    /// <summary>First rule priority; see <see cref="Desired.RoutingLayout"/> for the three levels.</summary>
    public uint PriorityBase { get; init; } = 31000;

    /// <summary>How many ENI slots the layout reserves (tables and priorities per level).</summary>
    public int MaxSlots { get; init; } = 250;

    /// <summary>Route/rule protocol number that marks objects as the agent's own (<c>/etc/iproute2/rt_protos.d/eniagent.conf</c>).</summary>
    public byte Protocol { get; init; } = 201;
}
