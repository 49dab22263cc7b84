namespace EniAgent.TestKit.Stacks;

/// <summary>
/// The usual NetworkManager test bench: the one-IP stack scenario, a temp root, the instance namespaces with the
/// primary left to NetworkManager, a private system bus and NetworkManager on it. Disposed in reverse order.
/// </summary>
public sealed class NetworkManagerLab : IDisposable
{
    private NetworkManagerLab(StackScenario scenario, StackRoot root, StackInstance instance, PrivateSystemBus bus, StackDaemon networkManager)
    {
        (Scenario, Root, Instance, Bus, NetworkManager) = (scenario, root, instance, bus, networkManager);
    }

    public StackScenario Scenario { get; }

    public StackRoot Root { get; }

    public StackInstance Instance { get; }

    public PrivateSystemBus Bus { get; }

    public StackDaemon NetworkManager { get; }

    /// <param name="noAutoDefault">False keeps NetworkManager's "Wired connection N" for every NIC, as on a stock image.</param>
    public static async Task<NetworkManagerLab> StartAsync(bool noAutoDefault)
    {
        var scenario = new StackScenario(secondIpOnEth1: false);
        var root = new StackRoot();
        StackInstance? instance = null;
        PrivateSystemBus? bus = null;
        try
        {
            instance = StackInstance.Create(scenario, configurePrimary: false);
            bus = await PrivateSystemBus.StartAsync(root);
            var networkManager = await NetworkManagerLauncher.StartAsync(instance.Namespace, root, bus, noAutoDefault);
            return new NetworkManagerLab(scenario, root, instance, bus, networkManager);
        }
        catch
        {
            bus?.Dispose();
            instance?.Dispose();
            root.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        NetworkManager.Dispose();
        Bus.Dispose();
        Instance.Dispose();
        Root.Dispose();
    }
}
