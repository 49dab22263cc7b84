using System.Runtime.InteropServices;

namespace EniAgent.Cli.Daemon;

/// <summary>
/// Signals a parent set to "ignore" stay ignored across exec, and .NET then never installs its handler for them:
/// under <c>nohup</c> a SIGHUP registration would silently never fire. The daemon takes SIGHUP back first.
/// </summary>
internal static class SignalDisposition
{
    public const int SigHup = 1;

    private const nint Default = 0; // SIG_DFL

    /// <summary>Restores the default disposition of <paramref name="signal"/> (before registering a handler for it).</summary>
    public static void ResetToDefault(int signal) => _ = SetHandler(signal, Default);

    [DllImport("libc", EntryPoint = "signal")]
    private static extern nint SetHandler(int signal, nint handler);
}
