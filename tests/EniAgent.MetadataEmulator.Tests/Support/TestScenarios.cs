using System.Net;
using EniAgent.TestKit.Emulator;

namespace EniAgent.MetadataEmulator.Tests.Support;

/// <summary>Scenarios shared by several test classes.</summary>
internal static class TestScenarios
{
    public const string PrimaryMac = "00:16:3e:00:00:01";
    public const string SecondaryMac = "00:16:3e:00:00:02";
    public const string MacsPath = "/latest/meta-data/network/interfaces/macs/";

    /// <summary>Primary + one secondary with a secondary IP, IPv6 and an IPv4 prefix.</summary>
    public static string Basic() =>
        ScenarioBuilder.Typical(1)
            .ConfigureEni(ScenarioBuilder.Mac(2), eni => eni
                .WithSecondaryIps(IPAddress.Parse("192.168.2.11"))
                .WithIpv6(IPNetwork.Parse("2408:4005:325:a204::/64"), IPAddress.Parse("2408:4005:325:a204::e4e"))
                .WithIpv4Prefixes(IPNetwork.Parse("192.168.2.32/28")))
            .Build();

    public static string EniPath(string mac, string item = "") => $"{MacsPath}{mac}/{item}";
}
