namespace EniAgent.Core.Planning;

public enum PlanStepKind
{
    SetLinkUp,
    AddAddress,
    RemoveAddress,
    AddRoute,
    RemoveRoute,
    AddRule,
    RemoveRule,
    SetLinkDevConf,
}
