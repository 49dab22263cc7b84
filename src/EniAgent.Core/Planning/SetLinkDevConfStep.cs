using EniAgent.Core.Desired;

namespace EniAgent.Core.Planning;

/// <summary>Changes per-link IPv4 settings (arp_ignore, arp_announce, promote_secondaries); only <paramref name="Settings"/>' non-null members.</summary>
public sealed record SetLinkDevConfStep(int LinkIndex, string LinkName, LinkSettings Settings) : PlanStep
{
    public override PlanStepKind Kind => PlanStepKind.SetLinkDevConf;

    public override string Describe() => $"~ link {LinkName} {Settings.Describe()}";
}
