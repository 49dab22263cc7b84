using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;

namespace EniAgent.Rendering;

/// <summary>
/// What to persist: the secondary ENIs' specs (the same ones live netlink applies), optionally the primary's
/// spec when the user opted in to its secondary IPs (only those extra addresses are rendered), the layout's
/// shared rules, the addressing mode and the protocol number that marks the agent's routes.
/// </summary>
public sealed record RenderRequest
{
    public required ValueList<EniSpec> Secondaries { get; init; }

    /// <summary>The primary ENI's spec when <c>primary.manage-secondary-ips</c> is on; null otherwise.</summary>
    public EniSpec? Primary { get; init; }

    /// <summary>The <c>from all lookup main suppress_prefixlength 0</c> rules (<see cref="DesiredState.SharedRules"/>).</summary>
    public ValueList<RuleSpec> SharedRules { get; init; } = [];

    public AddressingMode Addressing { get; init; } = AddressingMode.Static;

    /// <summary>Route protocol number (<see cref="RoutingOptions.Protocol"/>), written where the format supports it.</summary>
    public byte Protocol { get; init; } = 201;

    /// <summary>Interface name per ENI ID; ENIs missing here use <see cref="EniSpec.InterfaceName"/>.</summary>
    public IReadOnlyDictionary<string, string> InterfaceNames { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Only the ifcfg renderer reads it: which program consumes the files.</summary>
    public IfcfgFlavor IfcfgFlavor { get; init; } = IfcfgFlavor.NetworkManager;

    /// <summary>The request for a desired state under the given options.</summary>
    public static RenderRequest FromDesired(DesiredState state, AgentOptions options, IfcfgFlavor ifcfgFlavor = IfcfgFlavor.NetworkManager)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        return new RenderRequest
        {
            Secondaries = state.Enis.Where(e => e.Role == EniRole.Secondary).ToValueList(),
            Primary = options.ManagePrimarySecondaryIps ? state.Enis.FirstOrDefault(e => e.Role == EniRole.Primary) : null,
            SharedRules = state.SharedRules,
            Addressing = options.Persist.Addressing,
            Protocol = options.Routing.Protocol,
            IfcfgFlavor = ifcfgFlavor,
        };
    }

    /// <summary>The interface name to render for an ENI, or null when its link has not appeared yet.</summary>
    public string? InterfaceNameOf(EniSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return InterfaceNames.TryGetValue(spec.EniId, out var name) ? name : spec.InterfaceName;
    }
}
