using EniAgent.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EniAgent.Metadata;

/// <summary>Registers the metadata client in a DI container.</summary>
public static class MetadataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMetadataSource"/> (a singleton <see cref="HttpMetadataSource"/>). Options come from
    /// <paramref name="options"/>, else a registered <see cref="MetadataOptions"/>, else the defaults; a registered
    /// <see cref="TimeProvider"/> and <see cref="ILoggerFactory"/> are used when present.
    /// </summary>
    public static IServiceCollection AddEniAgentMetadata(this IServiceCollection services, MetadataOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider => MetadataSourceFactory.Create(
            options ?? provider.GetService<MetadataOptions>() ?? new MetadataOptions(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<TimeProvider>()));
        services.TryAddSingleton<IMetadataSource>(provider => provider.GetRequiredService<HttpMetadataSource>());
        return services;
    }
}
