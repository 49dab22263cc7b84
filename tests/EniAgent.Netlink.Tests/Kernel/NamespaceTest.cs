using EniAgent.TestKit.Netns;

namespace EniAgent.Netlink.Tests.Kernel;

/// <summary>Each test gets its own network namespace and a netlink connection inside it; nothing touches the host's network.</summary>
public abstract class NamespaceTest : IDisposable
{
    protected NamespaceTest()
    {
        Ns = NetworkNamespace.Create();
        try
        {
            Connection = Ns.OpenConnection();
        }
        catch
        {
            Ns.Dispose();
            throw;
        }
    }

    protected NetworkNamespace Ns { get; }

    protected RtnlConnection Connection { get; }

    /// <summary>Bounds every kernel wait so a missing reply fails the test instead of hanging it.</summary>
    protected static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    public void Dispose()
    {
        Connection.Dispose();
        Ns.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates veth pair ve0/ve1, both up, and returns ve0's index.</summary>
    protected async Task<int> AddVethUpAsync()
    {
        Ns.AddVeth("ve0", "ve1");
        Ns.Ip("link", "set", "ve0", "up");
        Ns.Ip("link", "set", "ve1", "up");
        return await IndexOfAsync("ve0");
    }

    protected async Task<int> IndexOfAsync(string name)
    {
        var links = await Connection.GetLinksAsync(Timeout);
        return links.Single(l => l.Name == name).Index;
    }
}
