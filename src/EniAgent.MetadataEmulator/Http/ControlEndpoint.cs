using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using EniAgent.MetadataEmulator.Runtime;
using EniAgent.MetadataEmulator.Scenarios;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EniAgent.MetadataEmulator.Http;

/// <summary>The <c>/_emulator/</c> control API (docs/emulator.md); never subject to faults, tokens or stats.</summary>
internal sealed class ControlEndpoint(EmulatorState state, ILogger<ControlEndpoint> logger)
{
    public const string Prefix = "/_emulator/";

    public async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var segments = (context.Request.Path.Value ?? string.Empty)[Prefix.Length..].Split('/');
        try
        {
            await (segments switch
            {
                ["scenario"] => Only(context, HttpMethods.Put, () => ReplaceScenarioAsync(context)),
                ["faults"] => Only(context, HttpMethods.Put, () => ReplaceFaultsAsync(context)),
                ["enis"] => Only(context, HttpMethods.Post, () => AttachAsync(context)),
                ["enis", var mac] => Only(context, HttpMethods.Delete, () => DetachAsync(context, mac)),
                ["enis", var mac, "private-ipv4s", var ip] => method == HttpMethods.Post || method == HttpMethods.Delete
                    ? ChangeIpAsync(context, mac, ip, assign: method == HttpMethods.Post)
                    : Responses.MethodNotAllowedAsync(context, "POST, DELETE"),
                ["stats"] => method == HttpMethods.Get ? WriteStatsAsync(context)
                    : method == HttpMethods.Delete ? ResetStats(context)
                    : Responses.MethodNotAllowedAsync(context, "GET, DELETE"),
                _ => Responses.NotFoundAsync(context),
            });
        }
        catch (ScenarioException ex)
        {
            Log.ControlRejected(logger, ex.Message);
            await Responses.WriteAsync(context, StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    private static Task Only(HttpContext context, string method, Func<Task> handler) =>
        context.Request.Method == method ? handler() : Responses.MethodNotAllowedAsync(context, method);

    private async Task ReplaceScenarioAsync(HttpContext context)
    {
        state.ReplaceScenario(ScenarioParser.ParseScenario(await ReadBodyAsync(context)));
        Log.Control(logger, "scenario replaced");
        Responses.NoContent(context);
    }

    private async Task ReplaceFaultsAsync(HttpContext context)
    {
        state.ReplaceFaults(ScenarioParser.ParseFaults(await ReadBodyAsync(context)));
        Log.Control(logger, "faults replaced");
        Responses.NoContent(context);
    }

    private async Task AttachAsync(HttpContext context)
    {
        var eni = ScenarioParser.ParseEni(await ReadBodyAsync(context));
        if (!state.Attach(eni))
        {
            await Responses.WriteAsync(context, StatusCodes.Status409Conflict, $"ENI {eni.Mac} is already attached");
            return;
        }

        Log.Control(logger, $"attached {eni.Mac}");
        Responses.NoContent(context);
    }

    private Task DetachAsync(HttpContext context, string mac)
    {
        if (!state.Detach(mac))
        {
            return Responses.WriteAsync(context, StatusCodes.Status404NotFound, $"ENI {mac} is not attached");
        }

        Log.Control(logger, $"detached {mac}");
        Responses.NoContent(context);
        return Task.CompletedTask;
    }

    private Task ChangeIpAsync(HttpContext context, string mac, string ipText, bool assign)
    {
        if (!IPAddress.TryParse(ipText, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
        {
            return Responses.WriteAsync(context, StatusCodes.Status400BadRequest, $"\"{ipText}\" is not an IPv4 address");
        }

        var result = assign ? state.AssignIp(mac, ip) : state.UnassignIp(mac, ip);
        Log.Control(logger, $"{(assign ? "assign" : "unassign")} {ip} on {mac}: {result}");
        return result switch
        {
            IpChangeResult.Changed or IpChangeResult.Unchanged => NoContentAsync(context),
            IpChangeResult.UnknownMac => Responses.WriteAsync(context, StatusCodes.Status404NotFound, $"ENI {mac} is not attached"),
            IpChangeResult.NotAssigned => Responses.WriteAsync(context, StatusCodes.Status404NotFound, $"{ip} is not assigned to {mac}"),
            _ => Responses.WriteAsync(context, StatusCodes.Status409Conflict, $"private-ipv4s of {mac} is not a JSON array of strings"),
        };
    }

    private Task WriteStatsAsync(HttpContext context)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            state.Stats.WriteJson(writer);
        }

        return Responses.WriteAsync(context, StatusCodes.Status200OK, Encoding.UTF8.GetString(stream.ToArray()), Responses.Json);
    }

    private Task ResetStats(HttpContext context)
    {
        state.Stats.Reset();
        Log.Control(logger, "stats reset");
        return NoContentAsync(context);
    }

    private static Task NoContentAsync(HttpContext context)
    {
        Responses.NoContent(context);
        return Task.CompletedTask;
    }

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }
}
