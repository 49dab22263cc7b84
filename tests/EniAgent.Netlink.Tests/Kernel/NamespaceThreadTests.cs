using EniAgent.TestKit.Netns;

namespace EniAgent.Netlink.Tests.Kernel;

public sealed class NamespaceThreadTests
{
    [Fact]
    public void Runs_code_inside_the_namespace_and_leaves_the_caller_where_it_was()
    {
        using var ns = NetworkNamespace.Create();
        var before = NamespaceOfThisThread();

        var (inside, devices) = ns.Invoke(() => (NamespaceOfThisThread(), File.ReadAllLines("/proc/thread-self/net/dev").Length));

        Assert.NotEqual(before, inside);
        Assert.Equal(3, devices); // two header lines and lo: nothing of the host
        Assert.Equal(before, NamespaceOfThisThread());
    }

    [Fact]
    public void A_missing_namespace_fails_with_enoent_and_the_path()
    {
        var error = Assert.Throws<NetlinkException>(() => RtnlConnection.Open("/run/netns/eniat-does-not-exist"));
        Assert.Equal(Errno.ENOENT, error.Errno);
        Assert.StartsWith("open network namespace /run/netns/eniat-does-not-exist: ENOENT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exceptions_thrown_inside_reach_the_caller()
    {
        using var ns = NetworkNamespace.Create();
        Assert.Throws<InvalidOperationException>(() => ns.Invoke<int>(() => throw new InvalidOperationException("inside")));
    }

    private static string? NamespaceOfThisThread() => new FileInfo("/proc/thread-self/ns/net").LinkTarget;
}
