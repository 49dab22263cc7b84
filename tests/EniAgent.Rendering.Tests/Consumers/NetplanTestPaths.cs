namespace EniAgent.Rendering.Tests.Consumers;

internal static class NetplanTestPaths
{
    /// <summary>Where <c>netplan generate</c> puts networkd files (below the root it is given).</summary>
    public const string RuntimeDirectory = "/run/systemd/network";
}
