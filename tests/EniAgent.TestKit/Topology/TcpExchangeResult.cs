namespace EniAgent.TestKit.Topology;

/// <summary>The outcome of <see cref="Traffic.TcpExchangeAsync"/>; <see cref="Detail"/> says why it failed.</summary>
public sealed record TcpExchangeResult(bool Succeeded, int BytesReceived, string Detail);
