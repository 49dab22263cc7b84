using System.Diagnostics;
using EniAgent.Platform.DBus;
using EniAgent.TestKit.Processes;
using Xunit;

namespace EniAgent.TestKit.Stacks;

/// <summary>
/// A private system-type dbus-daemon whose socket is <c>ROOT/run/dbus/system_bus_socket</c>, so code given the root
/// finds it the way it finds the host's bus. Its policy lets every (root or daemon) peer own and call anything: it
/// only ever carries one test's daemons. Killed on dispose.
/// </summary>
public sealed class PrivateSystemBus : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;

    private PrivateSystemBus(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }

    public static async Task<PrivateSystemBus> StartAsync(StackRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var binary = RequiredTool.DbusDaemon;
        var socket = root.Combine(SystemBusAddress.SocketPath);
        var config = root.Write("/stack/system-bus.conf", Config(socket), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--config-file=" + config, "--nofork", "--nopidfile", "--print-address=1" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dbus-daemon");
        var bus = new PrivateSystemBus(process, "unix:path=" + socket);
        try
        {
            // It prints its address once it listens.
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout);
            if (line is null || !File.Exists(socket))
            {
                Assert.Fail($"dbus-daemon did not start: {await process.StandardError.ReadToEndAsync()}");
            }

            _ = process.StandardError.ReadToEndAsync();
            return bus;
        }
        catch
        {
            bus.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        ProcessEnd.Kill(_process, wait: TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private static string Config(string socket) => $"""
        <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
        <busconfig>
          <type>system</type>
          <listen>unix:path={socket}</listen>
          <auth>EXTERNAL</auth>
          <policy context="default">
            <allow user="*"/>
            <allow own="*"/>
            <allow send_type="method_call"/>
            <allow send_type="signal"/>
            <allow send_type="method_return"/>
            <allow send_type="error"/>
            <allow receive_type="method_call"/>
            <allow receive_type="signal"/>
            <allow receive_type="method_return"/>
            <allow receive_type="error"/>
          </policy>
        </busconfig>
        """;
}
