using EniAgent.Core.Desired;

namespace EniAgent.Core.Planning;

public sealed record AddAddressStep(int LinkIndex, string LinkName, AddressSpec Address) : PlanStep
{
    public override PlanStepKind Kind => PlanStepKind.AddAddress;

    public override string Describe() => $"+ address {Address.Address} dev {LinkName}{FlagText(Address.Flags)}";

    private static string FlagText(Kernel.AddressFlags flags)
    {
        var parts = new List<string>();
        if (flags.HasFlag(Kernel.AddressFlags.NoPrefixRoute))
        {
            parts.Add("noprefixroute");
        }

        if (flags.HasFlag(Kernel.AddressFlags.NoDad))
        {
            parts.Add("nodad");
        }

        return parts.Count == 0 ? string.Empty : " " + string.Join(' ', parts);
    }
}
