using EniAgent.Core;

namespace EniAgent.Platform.Stacks;

/// <summary>What telling the stack did: per interface, the step taken ("eth1: activated eniagent-eth1").</summary>
public sealed record StackNotifyResult(StackNotifyStatus Status, string Stack, ValueList<string> Steps, string Detail)
{
    public static StackNotifyResult NotApplicable(string detail) => new(StackNotifyStatus.NotApplicable, "-", [], detail);
}
