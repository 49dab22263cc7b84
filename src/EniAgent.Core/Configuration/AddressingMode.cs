namespace EniAgent.Core.Configuration;

public enum AddressingMode
{
    /// <summary>Every address from metadata, configured statically.</summary>
    Static,

    /// <summary>DHCP for the ENI's primary IP; secondary IPs static.</summary>
    Dhcp,
}
