namespace EniAgent.Core.Kernel;

/// <summary>The subset of IFA_F_* flags the agent reads or sets (values match the kernel's).</summary>
[Flags]
public enum AddressFlags : uint
{
    None = 0,
    Secondary = 0x01,
    NoDad = 0x02,
    DadFailed = 0x08,
    Tentative = 0x40,
    Permanent = 0x80,
    NoPrefixRoute = 0x200,
}
