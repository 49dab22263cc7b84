using EniAgent.Core.Kernel;

namespace EniAgent.Core.Desired;

/// <summary>An address the agent wants on an ENI's link.</summary>
public sealed record AddressSpec(InterfaceAddress Address, AddressFlags Flags)
{
    public override string ToString() => Flags == AddressFlags.None ? Address.ToString() : $"{Address} ({Flags})";
}
