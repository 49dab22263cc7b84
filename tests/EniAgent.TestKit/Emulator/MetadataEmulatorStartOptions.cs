namespace EniAgent.TestKit.Emulator;

/// <summary>Everything <see cref="MetadataEmulatorProcess.StartAsync(MetadataEmulatorStartOptions)"/> can vary.</summary>
public sealed record MetadataEmulatorStartOptions(string ScenarioJson)
{
    /// <summary><c>http://IP:PORT</c>; port 0 picks a free port.</summary>
    public string Listen { get; init; } = "http://127.0.0.1:0";

    /// <summary>Run inside this network namespace (<c>ip netns exec</c>); null runs in the test's own namespace.</summary>
    public string? Netns { get; init; }

    /// <summary>Pass <c>--watch</c>: the emulator reloads <see cref="MetadataEmulatorProcess.ScenarioPath"/> when it changes.</summary>
    public bool Watch { get; init; }

    /// <summary>How long to wait for the <c>listening on</c> line (a cold <c>dotnet</c> start on a busy 2-core machine is slow).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
