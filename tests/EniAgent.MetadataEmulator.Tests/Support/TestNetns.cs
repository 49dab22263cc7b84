using System.Security.Cryptography;

namespace EniAgent.MetadataEmulator.Tests.Support;

/// <summary>A throwaway network namespace with a unique random name, removed on dispose.</summary>
internal sealed class TestNetns : IAsyncDisposable
{
    private TestNetns(string name) => Name = name;

    public string Name { get; }

    public static async Task<TestNetns> CreateAsync()
    {
        var netns = new TestNetns($"eniemu-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}");
        await Command.RunCheckedAsync("ip", "netns", "add", netns.Name);
        try
        {
            await Command.RunCheckedAsync("ip", "-n", netns.Name, "link", "set", "lo", "up");
        }
        catch
        {
            await netns.DisposeAsync();
            throw;
        }

        return netns;
    }

    public async ValueTask DisposeAsync() => await Command.RunAsync("ip", "netns", "del", Name);
}
