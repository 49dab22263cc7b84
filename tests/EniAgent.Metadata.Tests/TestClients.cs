using EniAgent.Core.Configuration;
using EniAgent.TestKit.Emulator;
using Microsoft.Extensions.Logging;

namespace EniAgent.Metadata.Tests;

/// <summary>Real clients (production handler, real sockets) pointed at an emulator, with fast retries.</summary>
internal static class TestClients
{
    public static MetadataOptions Options(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(60),
        MaxRetries = 4,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        TokenTtl = TimeSpan.FromMinutes(10),
    };

    public static HttpMetadataSource Create(MetadataEmulatorProcess emulator, Func<MetadataOptions, MetadataOptions>? adjust = null, TimeProvider? time = null, ILoggerFactory? logs = null)
    {
        var options = Options(emulator.BaseUri);
        return MetadataSourceFactory.Create(adjust is null ? options : adjust(options), logs, time);
    }
}
