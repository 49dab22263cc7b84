using System.Text;
using System.Text.Json;

namespace EniAgent.TestKit.Emulator;

/// <summary>Typed calls to the emulator's <c>/_emulator/</c> control API; a refusal throws with the emulator's reason.</summary>
public sealed class EmulatorControl
{
    private readonly HttpClient _client;

    /// <param name="client">A client whose BaseAddress is the emulator's base URI.</param>
    public EmulatorControl(HttpClient client) => _client = client;

    /// <summary>Attaches an ENI (one scenario ENI object, e.g. from <see cref="EniBuilder.ToJson"/>).</summary>
    public Task AttachAsync(string eniJson) => SendAsync(HttpMethod.Post, "_emulator/enis", eniJson);

    public Task DetachAsync(string mac) => SendAsync(HttpMethod.Delete, $"_emulator/enis/{Uri.EscapeDataString(mac)}");

    public Task SetFaultsAsync(string faultsJson) => SendAsync(HttpMethod.Put, "_emulator/faults", faultsJson);

    public Task ReplaceScenarioAsync(string scenarioJson) => SendAsync(HttpMethod.Put, "_emulator/scenario", scenarioJson);

    public Task ResetStatsAsync() => SendAsync(HttpMethod.Delete, "_emulator/stats");

    public async Task<EmulatorStats> GetStatsAsync()
    {
        var body = await SendAsync(HttpMethod.Get, "_emulator/stats");
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var byPath = root.GetProperty("by-path").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        return new EmulatorStats(root.GetProperty("requests").GetInt64(), byPath, root.GetProperty("tokens-issued").GetInt64());
    }

    /// <summary>Assigns a secondary IPv4; <c>private-ipv4s</c> is rewritten as a JSON array of quoted strings.</summary>
    public Task AssignIpAsync(string mac, string ip) => ChangeIpAsync(mac, ip, HttpMethod.Post);

    public Task UnassignIpAsync(string mac, string ip) => ChangeIpAsync(mac, ip, HttpMethod.Delete);

    private Task ChangeIpAsync(string mac, string ip, HttpMethod method) =>
        SendAsync(method, $"_emulator/enis/{Uri.EscapeDataString(mac)}/private-ipv4s/{Uri.EscapeDataString(ip)}");

    private async Task<string> SendAsync(HttpMethod method, string relative, string? json = null)
    {
        using var request = new HttpRequestMessage(method, relative);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"emulator control {method} /{relative} answered {(int)response.StatusCode}: {body}",
                inner: null,
                response.StatusCode);
        }

        return body;
    }
}
