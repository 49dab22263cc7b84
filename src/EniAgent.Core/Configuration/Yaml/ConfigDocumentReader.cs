using EniAgent.Core.Desired;

namespace EniAgent.Core.Configuration.Yaml;

/// <summary>Validates a deserialised <see cref="ConfigDocument"/> into <see cref="AgentOptions"/>; absent keys keep their defaults.</summary>
internal static class ConfigDocumentReader
{
    private static readonly (string, RendererKind?)[] Renderers =
    [
        ("auto", null), ("none", RendererKind.None), ("ifcfg", RendererKind.Ifcfg), ("netplan", RendererKind.Netplan),
        ("ifupdown", RendererKind.Ifupdown), ("wicked", RendererKind.Wicked), ("networkmanager", RendererKind.NetworkManager),
        ("networkd", RendererKind.Networkd),
    ];

    private static readonly (string, AddressingMode)[] Addressings = [("static", AddressingMode.Static), ("dhcp", AddressingMode.Dhcp)];

    private static readonly (string, LogLevelOption)[] LogLevels =
    [
        ("debug", LogLevelOption.Debug), ("information", LogLevelOption.Information), ("warning", LogLevelOption.Warning), ("error", LogLevelOption.Error),
    ];

    public static AgentOptions Read(ConfigDocument doc, string fileName)
    {
        var r = new ScalarReader(fileName);
        var defaults = new AgentOptions();
        return new AgentOptions
        {
            Metadata = ReadMetadata(r, doc.Metadata, defaults.Metadata),
            Routing = ReadRouting(r, doc.Routing, defaults.Routing),
            Exclude = ReadExclude(r, doc.Exclude),
            ManagePrimarySecondaryIps = r.Bool(doc.Primary?.ManageSecondaryIps, "primary.manage-secondary-ips", defaults.ManagePrimarySecondaryIps),
            Ipv6 = r.Bool(doc.Ipv6, "ipv6", defaults.Ipv6),
            Persist = new PersistOptions
            {
                Enabled = r.Bool(doc.Persist?.Enabled, "persist.enabled", defaults.Persist.Enabled),
                Renderer = r.Choice(doc.Persist?.Renderer, "persist.renderer", defaults.Persist.Renderer, Renderers),
                Addressing = r.Choice(doc.Persist?.Addressing, "persist.addressing", defaults.Persist.Addressing, Addressings),
            },
            Daemon = ReadDaemon(r, doc.Daemon, defaults.Daemon),
            LogLevel = r.Choice(doc.LogLevel, "log-level", defaults.LogLevel, LogLevels),
        };
    }

    private static MetadataOptions ReadMetadata(ScalarReader r, MetadataSection? s, MetadataOptions d)
    {
        var attempt = r.Duration(s?.AttemptTimeout, "metadata.attempt-timeout", d.AttemptTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));
        var total = r.Duration(s?.TotalTimeout, "metadata.total-timeout", d.TotalTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        if (attempt > total)
        {
            var at = s?.AttemptTimeout ?? s!.TotalTimeout!;
            throw r.Error(at, at == s?.AttemptTimeout ? "metadata.attempt-timeout" : "metadata.total-timeout",
                $"attempt-timeout ({Duration.Format(attempt)}) must not exceed total-timeout ({Duration.Format(total)})");
        }

        var ttl = r.Duration(s?.TokenTtl, "metadata.token-ttl", d.TokenTtl, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(21600));
        if (ttl.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            // The token TTL header takes whole seconds.
            throw r.Error(s!.TokenTtl!, "metadata.token-ttl", "must be whole seconds (the metadata service takes the TTL in seconds)");
        }

        return new MetadataOptions
        {
            Endpoint = r.HttpUrl(s?.Url, "metadata.url", d.Endpoint),
            AttemptTimeout = attempt,
            TotalTimeout = total,
            MaxRetries = (int)r.Integer(s?.MaxRetries, "metadata.max-retries", d.MaxRetries, 0, 20),
            TokenTtl = ttl,
        };
    }

    private static RoutingOptions ReadRouting(ScalarReader r, RoutingSection? s, RoutingOptions d)
    {
        var options = new RoutingOptions
        {
            TableBase = (uint)r.Integer(s?.TableBase, "routing.table-base", d.TableBase, 1, uint.MaxValue),
            PriorityBase = (uint)r.Integer(s?.PriorityBase, "routing.priority-base", d.PriorityBase, 1, RoutingLimits.MainRulePriority - 1),
            MaxSlots = (int)r.Integer(s?.MaxEnis, "routing.max-enis", d.MaxSlots, 1, RoutingLimits.MaxEnis),
            Protocol = (byte)r.Integer(s?.Protocol, "routing.protocol", d.Protocol, RoutingLimits.FirstFreeProtocol, byte.MaxValue),
        };

        if (RoutingLimits.CheckTables(options) is { } tableProblem)
        {
            var (at, key) = s?.TableBase is { IsNull: false } tb ? (tb, "routing.table-base") : (s!.MaxEnis!, "routing.max-enis");
            throw r.Error(at, key, tableProblem);
        }

        if (RoutingLimits.CheckPriorities(options) is { } priorityProblem)
        {
            var (at, key) = s?.PriorityBase is { IsNull: false } pb ? (pb, "routing.priority-base") : (s!.MaxEnis!, "routing.max-enis");
            throw r.Error(at, key, priorityProblem);
        }

        return options;
    }

    private static ValueList<string> ReadExclude(ScalarReader r, YamlScalarList? list)
    {
        if (list is null)
        {
            return [];
        }

        var result = new List<string>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            var key = $"exclude[{i}]";
            var entry = ExcludeEntry.Normalise(item.Text) ?? throw r.Error(item, key,
                "expects a MAC address (00:16:3e:aa:bb:cc), an ENI ID (eni-...) or an interface name (at most 15 characters, no '/', ':' or spaces)");
            if (!result.Contains(entry))
            {
                result.Add(entry);
            }
        }

        return result.ToValueList();
    }

    private static DaemonOptions ReadDaemon(ScalarReader r, DaemonSection? s, DaemonOptions d) => new()
    {
        PollInterval = r.Duration(s?.PollInterval, "daemon.poll-interval", d.PollInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
        ResyncInterval = r.Duration(s?.ResyncInterval, "daemon.resync-interval", d.ResyncInterval, TimeSpan.FromSeconds(10), TimeSpan.FromHours(24)),
        HotplugDeadline = r.Duration(s?.HotplugDeadline, "daemon.hotplug-deadline", d.HotplugDeadline, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
        AllowInContainer = r.Bool(s?.AllowInContainer, "daemon.allow-in-container", d.AllowInContainer),
    };
}
