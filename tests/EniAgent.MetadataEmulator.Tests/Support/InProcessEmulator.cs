using System.Net;
using EniAgent.MetadataEmulator.Cli;
using EniAgent.MetadataEmulator.Hosting;
using EniAgent.MetadataEmulator.Scenarios;
using EniAgent.TestKit.Emulator;
using Microsoft.AspNetCore.Builder;

namespace EniAgent.MetadataEmulator.Tests.Support;

/// <summary>
/// The emulator's real Kestrel application hosted in the test process on 127.0.0.1:0, so a fake clock can drive
/// token expiry and propagation delays. Requests still travel over real sockets.
/// </summary>
internal sealed class InProcessEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessEmulator(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
        Client = new HttpClient { BaseAddress = baseUri };
        Control = new EmulatorControl(new HttpClient { BaseAddress = baseUri });
    }

    public Uri BaseUri { get; }

    public HttpClient Client { get; }

    public EmulatorControl Control { get; }

    public static async Task<InProcessEmulator> StartAsync(string scenarioJson, TimeProvider? time = null)
    {
        var options = new EmulatorOptions("/nonexistent/scenario.json", new IPEndPoint(IPAddress.Loopback, 0), Watch: false);
        var app = EmulatorHost.Build(options, ScenarioParser.ParseScenario(scenarioJson), scenarioJson, time ?? TimeProvider.System);
        await app.StartAsync();
        return new InProcessEmulator(app, EmulatorHost.BoundUri(app, IPAddress.Loopback));
    }

    public Task<MetadataResponse> GetAsync(string path, string? token = null, bool forwardedFor = false) =>
        MetadataResponse.SendAsync(Client, HttpMethod.Get, path, token, forwardedFor);

    public async Task<string> GetStringAsync(string path)
    {
        var response = await GetAsync(path);
        Assert.True(response.Status == HttpStatusCode.OK, $"GET {path} answered {response.Status}: {response.Body}");
        return response.Body;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
