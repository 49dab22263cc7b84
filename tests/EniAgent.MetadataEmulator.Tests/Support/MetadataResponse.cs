using System.Net;

namespace EniAgent.MetadataEmulator.Tests.Support;

/// <summary>Status and exact body of one metadata request.</summary>
internal sealed record MetadataResponse(HttpStatusCode Status, string Body, string? ContentType)
{
    public static async Task<MetadataResponse> SendAsync(
        HttpClient client,
        HttpMethod method,
        string path,
        string? token = null,
        bool forwardedFor = false,
        string? ttl = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Add("X-aliyun-ecs-metadata-token", token);
        }

        if (forwardedFor)
        {
            request.Headers.Add("X-Forwarded-For", "10.0.0.1");
        }

        if (ttl is not null)
        {
            request.Headers.Add("X-aliyun-ecs-metadata-token-ttl-seconds", ttl);
        }

        using var response = await client.SendAsync(request);
        return new MetadataResponse(
            response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Content.Headers.ContentType?.MediaType);
    }
}
