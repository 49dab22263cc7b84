namespace EniAgent.MetadataEmulator.Http;

/// <summary>Header names of the ECS metadata token protocol (field.md §1).</summary>
internal static class MetadataHeaders
{
    public const string Token = "X-aliyun-ecs-metadata-token";
    public const string TokenTtlSeconds = "X-aliyun-ecs-metadata-token-ttl-seconds";
    public const string ForwardedFor = "X-Forwarded-For";
}
