namespace EniAgent.Core.Kernel;

/// <summary>FR_ACT_* values.</summary>
public enum RuleAction : byte
{
    Unspecified = 0,
    ToTable = 1,
    Goto = 2,
    Nop = 3,
    Blackhole = 6,
    Unreachable = 7,
    Prohibit = 8,
}
