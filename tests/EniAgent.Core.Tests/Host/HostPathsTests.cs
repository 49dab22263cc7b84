using EniAgent.Core.Host;

namespace EniAgent.Core.Tests.Host;

public class HostPathsTests
{
    [Fact]
    public void System_root_leaves_paths_alone()
    {
        var p = HostPaths.System;
        Assert.True(p.IsSystemRoot);
        Assert.Equal("/etc/eniagent/eniagent.yaml", p.ConfigFile);
        Assert.Equal("/var/lib/eniagent", p.StateDir);
        Assert.Equal("/var/lib/eniagent/state.json", p.StateFile);
        Assert.Equal("/run/eniagent", p.RunDir);
        Assert.Equal("/run/eniagent/lock", p.LockFile);
        Assert.Equal(["/etc/os-release", "/usr/lib/os-release"], p.OsReleaseFiles);
        Assert.Equal("/etc/redhat-release", p.RedhatReleaseFile);
    }

    [Fact]
    public void Every_path_is_prefixed_by_the_root()
    {
        var p = new HostPaths("/tmp/r/");
        Assert.Equal("/tmp/r", p.Root);
        Assert.Equal("/tmp/r/etc/eniagent/eniagent.yaml", p.ConfigFile);
        Assert.Equal("/tmp/r/var/lib/eniagent/state.json", p.StateFile);
        Assert.Equal("/tmp/r/run/eniagent/lock", p.LockFile);
        Assert.Equal(["/tmp/r/etc/os-release", "/tmp/r/usr/lib/os-release"], p.OsReleaseFiles);
        Assert.Equal("/tmp/r/etc/redhat-release", p.RedhatReleaseFile);
        Assert.Equal("/tmp/r/etc/netplan/x.yaml", p.Resolve("/etc/netplan/x.yaml"));
    }

    [Theory]
    [InlineData("/../../etc/passwd", "/tmp/r/etc/passwd")]
    [InlineData("/etc/../etc/./hosts", "/tmp/r/etc/hosts")]
    [InlineData("/", "/tmp/r/")]
    public void Resolve_never_climbs_out_of_the_root(string logical, string expected)
    {
        Assert.Equal(expected, new HostPaths("/tmp/r").Resolve(logical));
    }

    [Fact]
    public void ToLogical_inverts_Resolve()
    {
        var p = new HostPaths("/tmp/r");
        Assert.Equal("/etc/hosts", p.ToLogical(p.Resolve("/etc/hosts")));
        Assert.Equal("/", p.ToLogical("/tmp/r"));
        Assert.Throws<ArgumentException>(() => p.ToLogical("/tmp/rx/etc"));
        Assert.Equal("/etc/hosts", HostPaths.System.ToLogical("/etc/hosts"));
    }

    [Theory]
    [InlineData("relative")]
    [InlineData("")]
    public void Root_and_paths_must_be_absolute(string path)
    {
        Assert.ThrowsAny<ArgumentException>(() => new HostPaths(path));
        Assert.ThrowsAny<ArgumentException>(() => HostPaths.System.Resolve(path));
    }

    [Fact]
    public void Records_compare_by_root()
    {
        Assert.Equal(new HostPaths("/a/"), new HostPaths("/a"));
        Assert.NotEqual(new HostPaths("/a"), new HostPaths("/b"));
    }
}
