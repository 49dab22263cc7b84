using System.Net;
using EniAgent.MetadataEmulator.Tests.Support;
using EniAgent.TestKit.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace EniAgent.MetadataEmulator.Tests;

/// <summary>The security-hardening token protocol (field.md §1).</summary>
public sealed class TokenTests
{
    private const string TokenPath = "/latest/api/token";
    private const string InstanceIdPath = "/latest/meta-data/instance-id";

    [Theory]
    [InlineData("1")]
    [InlineData("21600")]
    public async Task Put_token_with_ttl_in_range_returns_a_token_that_gets_served(string ttl)
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build());

        var token = await IssueAsync(emulator, ttl);

        Assert.Equal(HttpStatusCode.OK, token.Status);
        Assert.False(string.IsNullOrWhiteSpace(token.Body));
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync(InstanceIdPath, token.Body)).Status);
        Assert.Equal(1, (await emulator.Control.GetStatsAsync()).TokensIssued);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("21601")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1.5")]
    public async Task Put_token_with_missing_or_bad_ttl_answers_400(string? ttl)
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build());

        Assert.Equal(HttpStatusCode.BadRequest, (await IssueAsync(emulator, ttl)).Status);
        Assert.Equal(0, (await emulator.Control.GetStatsAsync()).TokensIssued);
    }

    [Fact]
    public async Task Token_path_of_the_other_version_works_too()
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build());
        var response = await MetadataResponse.SendAsync(emulator.Client, HttpMethod.Put, "/2016-01-01/api/token", ttl: "60");
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Any_request_with_x_forwarded_for_answers_403()
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build());
        var token = (await IssueAsync(emulator, "60")).Body;

        var put = await MetadataResponse.SendAsync(emulator.Client, HttpMethod.Put, TokenPath, forwardedFor: true, ttl: "60");
        Assert.Equal(HttpStatusCode.Forbidden, put.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await emulator.GetAsync(InstanceIdPath, forwardedFor: true)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await emulator.GetAsync(InstanceIdPath, token, forwardedFor: true)).Status);
    }

    [Fact]
    public async Task Unknown_token_answers_401_even_when_tokens_are_optional()
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build());
        Assert.Equal(HttpStatusCode.Unauthorized, (await emulator.GetAsync(InstanceIdPath, "not-a-token")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await emulator.GetAsync("/latest/meta-data/no-such-item", "not-a-token")).Status);
    }

    [Fact]
    public async Task Token_expires_after_its_ttl()
    {
        var time = new FakeTimeProvider();
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build(), time);
        var token = (await IssueAsync(emulator, "5")).Body;

        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync(InstanceIdPath, token)).Status);

        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await emulator.GetAsync(InstanceIdPath, token)).Status);
        var fresh = (await IssueAsync(emulator, "5")).Body;
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync(InstanceIdPath, fresh)).Status);
    }

    [Fact]
    public async Task Required_mode_refuses_token_less_gets_with_403_and_serves_with_a_token()
    {
        var scenario = ScenarioBuilder.Typical(0).WithTokenMode(ScenarioTokenMode.Required).Build();
        await using var emulator = await InProcessEmulator.StartAsync(scenario);

        Assert.Equal(HttpStatusCode.Forbidden, (await emulator.GetAsync(InstanceIdPath)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await emulator.GetAsync("/latest/meta-data/all")).Status);
        var token = (await IssueAsync(emulator, "60")).Body;
        Assert.Equal("i-emulator000000000001", (await emulator.GetAsync(InstanceIdPath, token)).Body);
        Assert.Equal(HttpStatusCode.Unauthorized, (await emulator.GetAsync(InstanceIdPath, token + "x")).Status);
    }

    [Fact]
    public async Task Optional_mode_serves_token_less_gets()
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build());
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync(InstanceIdPath)).Status);
    }

    [Fact]
    public async Task Get_on_the_token_path_answers_405()
    {
        await using var emulator = await InProcessEmulator.StartAsync(ScenarioBuilder.Typical(0).Build());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await emulator.GetAsync(TokenPath)).Status);
    }

    private static Task<MetadataResponse> IssueAsync(InProcessEmulator emulator, string? ttl) =>
        MetadataResponse.SendAsync(emulator.Client, HttpMethod.Put, TokenPath, ttl: ttl);
}
