using EniAgent.Core.Configuration;
using EniAgent.TestKit.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace EniAgent.Metadata.Tests;

public sealed class MetadataServiceCollectionTests
{
    [Fact]
    public async Task The_container_builds_a_working_client_from_registered_options()
    {
        await using var emulator = await MetadataEmulatorProcess.StartAsync(ScenarioBuilder.Typical().Build());
        var services = new ServiceCollection();
        services.AddSingleton(TestClients.Options(emulator.BaseUri));
        services.AddEniAgentMetadata();
        await using var provider = services.BuildServiceProvider();

        var source = provider.GetRequiredService<IMetadataSource>();

        Assert.Same(provider.GetRequiredService<HttpMetadataSource>(), source);
        Assert.Equal(2, (await source.ReadAsync(CancellationToken.None)).Enis.Count);
        Assert.IsType<MetadataOptions>(provider.GetService<MetadataOptions>());
    }
}
