using EniAgent.Core.Host;
using EniAgent.Platform.DBus;

namespace EniAgent.Platform.Tests.DBus;

public sealed class SystemBusAddressTests
{
    [Fact]
    public void On_the_host_the_environment_wins_then_the_well_known_socket()
    {
        Assert.Equal("unix:path=/tmp/bus", SystemBusAddress.Resolve(HostPaths.System, " unix:path=/tmp/bus "));
        Assert.Equal("unix:path=/run/dbus/system_bus_socket", SystemBusAddress.Resolve(HostPaths.System, null));
        Assert.Equal("unix:path=/run/dbus/system_bus_socket", SystemBusAddress.Resolve(HostPaths.System, " "));
    }

    [Fact]
    public void Under_another_root_only_that_roots_socket_counts()
    {
        Assert.Equal("unix:path=/srv/image/run/dbus/system_bus_socket", SystemBusAddress.Resolve(new HostPaths("/srv/image"), "unix:path=/run/dbus/system_bus_socket"));
    }

    [Theory]
    [InlineData("unix:path=/run/dbus/system_bus_socket", "/run/dbus/system_bus_socket")]
    [InlineData("unix:path=/tmp/x,guid=0123", "/tmp/x")]
    [InlineData("unix:abstract=/tmp/dbus-x", null)]
    [InlineData("unix:path=/a;unix:path=/b", null)]
    [InlineData("tcp:host=localhost,port=1", null)]
    public void Plain_unix_socket_addresses_name_their_file(string address, string? socket) =>
        Assert.Equal(socket, SystemBusAddress.UnixSocketOf(address));
}
