using System.Globalization;
using EniAgent.MetadataEmulator.Runtime;
using EniAgent.MetadataEmulator.Scenarios;
using EniAgent.MetadataEmulator.Tree;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EniAgent.MetadataEmulator.Http;

/// <summary>
/// Serves the metadata API the way the real service does. Order per request: stats, latency, connection drop,
/// status burst, X-Forwarded-For, token rules, then the tree.
/// </summary>
internal sealed class MetadataEndpoint(EmulatorState state, TimeProvider time, ILogger<MetadataEndpoint> logger)
{
    private static readonly string[] Versions = ["latest", "2016-01-01"];

    public async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        state.Stats.RecordRequest(method, path);

        var latency = state.Snapshot().Faults.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, time, context.RequestAborted);
        }

        // Taken after the delay: a slow answer reflects the state at the time it is sent, as a real server's would.
        var view = state.Snapshot();

        var fault = state.TakeFault();
        if (fault.Kind == FaultKind.DropConnection)
        {
            Log.FaultInjected(logger, method, path, "connection dropped");
            context.Abort();
            return;
        }

        if (fault.Kind == FaultKind.Status)
        {
            Log.FaultInjected(logger, method, path, $"status {fault.Status}");
            await Responses.WriteAsync(context, fault.Status, "emulated fault");
            return;
        }

        if (context.Request.Headers.ContainsKey(MetadataHeaders.ForwardedFor))
        {
            await Responses.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden");
            return;
        }

        await RouteAsync(context, method, path, view);
    }

    private async Task RouteAsync(HttpContext context, string method, string path, ServingView view)
    {
        if (path == "/")
        {
            await (method == HttpMethods.Get
                ? Responses.WriteAsync(context, StatusCodes.Status200OK, TreeRendering.Listing(VersionListing(), view.Faults))
                : Responses.MethodNotAllowedAsync(context, HttpMethods.Get));
            return;
        }

        var version = Array.Find(Versions, v => path == "/" + v || path.StartsWith("/" + v + "/", StringComparison.Ordinal));
        if (version is null)
        {
            await Responses.NotFoundAsync(context);
            return;
        }

        var rest = path[(version.Length + 1)..];
        if (rest == "/api/token")
        {
            await (method == HttpMethods.Put ? IssueTokenAsync(context) : Responses.MethodNotAllowedAsync(context, HttpMethods.Put));
            return;
        }

        if (method != HttpMethods.Get)
        {
            await Responses.MethodNotAllowedAsync(context, HttpMethods.Get);
            return;
        }

        if (CheckToken(context, view) is { } refusal)
        {
            await Responses.WriteAsync(context, refusal, refusal == StatusCodes.Status401Unauthorized ? "Unauthorized" : "Forbidden");
            return;
        }

        await ServeTreeAsync(context, rest, view);
    }

    private static Task ServeTreeAsync(HttpContext context, string rest, ServingView view)
    {
        var root = MetadataTreeBuilder.BuildVersionRoot(view);
        if (rest == $"/{MetadataTreeBuilder.MetaData}/all")
        {
            return view.ServeAll
                ? Responses.WriteAsync(context, StatusCodes.Status200OK, TreeRendering.AllDocument((MetadataDirectory)root.Get(MetadataTreeBuilder.MetaData)!), Responses.Json)
                : Responses.NotFoundAsync(context);
        }

        var trailingSlash = rest.EndsWith('/');
        var trimmed = rest.Trim('/');
        var segments = trimmed.Length == 0 ? [] : trimmed.Split('/');
        if (segments.Any(s => s.Length == 0))
        {
            return Responses.NotFoundAsync(context);
        }

        return root.Resolve(segments) switch
        {
            // Directories answer with or without the trailing slash; leaves only without.
            MetadataDirectory directory => Responses.WriteAsync(context, StatusCodes.Status200OK, TreeRendering.Listing(directory, view.Faults)),
            MetadataLeaf leaf when !trailingSlash => Responses.WriteAsync(
                context,
                StatusCodes.Status200OK,
                leaf.Value,
                segments[^1] == "document" ? Responses.Json : Responses.TextPlain),
            _ => Responses.NotFoundAsync(context),
        };
    }

    private Task IssueTokenAsync(HttpContext context)
    {
        var ttlText = context.Request.Headers[MetadataHeaders.TokenTtlSeconds].ToString();
        if (!int.TryParse(ttlText, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl)
            || ttl < TokenStore.MinTtlSeconds
            || ttl > TokenStore.MaxTtlSeconds)
        {
            return Responses.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad Request");
        }

        var token = state.Tokens.Issue(ttl);
        state.Stats.RecordTokenIssued();
        return Responses.WriteAsync(context, StatusCodes.Status200OK, token);
    }

    /// <summary>Null when the request may proceed, else the refusal status.</summary>
    private int? CheckToken(HttpContext context, ServingView view)
    {
        if (context.Request.Headers.TryGetValue(MetadataHeaders.Token, out var token))
        {
            return state.Tokens.IsValid(token.ToString()) ? null : StatusCodes.Status401Unauthorized;
        }

        return view.TokenMode == TokenMode.Required ? StatusCodes.Status403Forbidden : null;
    }

    private static MetadataDirectory VersionListing()
    {
        var root = new MetadataDirectory();
        foreach (var version in Versions.Order(StringComparer.Ordinal))
        {
            root.GetOrAddDirectory(version);
        }

        return root;
    }
}
