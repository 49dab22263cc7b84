using System.Net;
using EniAgent.MetadataEmulator.Cli;

namespace EniAgent.MetadataEmulator.Tests;

public sealed class EmulatorOptionsTests
{
    [Fact]
    public void Defaults_to_loopback_port_0_without_watch()
    {
        var options = EmulatorOptions.Parse(["--scenario", "s.json"]);

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 0), options.Listen);
        Assert.False(options.Watch);
        Assert.True(Path.IsPathRooted(options.ScenarioPath));
    }

    [Theory]
    [InlineData("http://100.100.100.200:80", "100.100.100.200", 80)]
    [InlineData("http://100.100.100.200", "100.100.100.200", 80)]
    [InlineData("http://0.0.0.0:8080/", "0.0.0.0", 8080)]
    [InlineData("http://[::1]:0", "::1", 0)]
    [InlineData("http://[fd00:100::100:200]:80", "fd00:100::100:200", 80)]
    public void Listen_accepts_http_ip_port(string listen, string ip, int port)
    {
        var options = EmulatorOptions.Parse(["--listen", listen, "--scenario", "s.json", "--watch"]);

        Assert.Equal(new IPEndPoint(IPAddress.Parse(ip), port), options.Listen);
        Assert.True(options.Watch);
    }

    [Theory]
    [InlineData("127.0.0.1:80")]
    [InlineData("http://metadata.local:80")]
    [InlineData("https://127.0.0.1:443")]
    [InlineData("http://127.0.0.1:80/latest")]
    [InlineData("http://127.0.0.1:80?x=1")]
    [InlineData("http://user@127.0.0.1:80")]
    public void Listen_refuses_anything_else(string listen)
    {
        Assert.Throws<UsageException>(() => EmulatorOptions.ParseListen(listen));
    }
}
