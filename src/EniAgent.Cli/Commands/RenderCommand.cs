using System.CommandLine;
using System.Net.NetworkInformation;
using EniAgent.Cli.Persistence;
using EniAgent.Core;
using EniAgent.Core.Configuration;
using EniAgent.Core.Desired;
using EniAgent.Core.Host;
using EniAgent.Core.Kernel;
using EniAgent.Core.Metadata;
using EniAgent.Core.State;
using EniAgent.Metadata;
using EniAgent.Platform.Files;
using EniAgent.Platform.State;
using Microsoft.Extensions.Logging;

namespace EniAgent.Cli.Commands;

/// <summary>
/// <c>eniagent render</c>: offline rendering of the persisted configuration into a folder, for image builders.
/// No kernel access: interface names come from <c>--interface MAC=NAME</c>, else eth0 for the primary and
/// eth1, eth2, ... for the secondaries in MAC order.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(CommonOptions common)
    {
        var osRelease = new Option<FileInfo?>("--os-release") { Description = "os-release file to render for (default: the one under --root)" };
        var renderer = new Option<string?>("--renderer")
        {
            Description = $"Format to render: {string.Join(", ", RendererNames)}; auto (the default) detects it from the files under --root",
            HelpName = "format",
        };
        renderer.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && !TryParseRenderer(text, out _))
            {
                r.AddError($"--renderer '{text}': expected auto or one of {string.Join(", ", RendererNames)}");
            }
        });
        var metadataFile = new Option<FileInfo?>("--metadata-file") { Description = "A meta-data/all JSON document instead of asking the metadata service" };
        var interfaces = new Option<string[]>("--interface") { Description = "MAC=NAME interface name of an ENI (repeatable)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("render", "Render the persisted configuration offline into --root (no kernel changes)")
        {
            common.Root, osRelease, renderer, metadataFile, interfaces, common.MetadataUrl, common.Config, common.Verbose,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(common.Root) is null)
            {
                r.AddError("render needs --root DIR (the image's root folder)");
            }

            if ((r.GetValue(metadataFile) is null) == (r.GetValue(common.MetadataUrl) is null))
            {
                r.AddError("render needs exactly one of --metadata-url URL or --metadata-file FILE");
            }

            foreach (var entry in r.GetValue(interfaces) ?? [])
            {
                if (ParseInterface(entry) is null)
                {
                    r.AddError($"--interface '{entry}': expected MAC=NAME, e.g. 00:16:3e:00:00:02=eth1");
                }
            }
        });
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, common, async context =>
        {
            var snapshot = parse.GetValue(metadataFile) is { } file
                ? MetadataSnapshotBuilder.Build(MetadataAllDocument.Parse(await File.ReadAllBytesAsync(file.FullName, ct)))
                : await ReadAsync(context, ct);
            var links = Links(snapshot, parse.GetValue(interfaces) ?? []);
            var options = TryParseRenderer(parse.GetValue(renderer), out var chosen) && chosen is { } kind ? context.Options with { Persist = context.Options.Persist with { Renderer = kind } } : context.Options;
            var os = parse.GetValue(osRelease) is { } osFile ? OsRelease.Parse(await File.ReadAllTextAsync(osFile.FullName, ct), OsReleaseSource.EtcOsRelease) : null;

            var time = TimeProvider.System;
            var writer = new AtomicFileWriter();
            var store = new JsonStateStore(context.Paths, writer, time);
            var loaded = store.Load(StateAccess.Apply);
            if (loaded.Warning is { } warning)
            {
                await Console.Out.WriteLineAsync($"warning: {warning}");
            }

            var layout = new RoutingLayout(options.Routing);
            var slots = SlotBook.Reconcile(loaded.State, snapshot.Enis.Where(e => !e.Mac.Equals(snapshot.PrimaryMac)).Select(e => e.EniId), layout, _ => false, time.GetUtcNow());
            var desired = DesiredStateBuilder.Build(snapshot, links, options, slots.AttachedSlots);
            var (outcome, state) = new ConfigPersister(context.Paths, new OwnedFileSet(context.Paths, writer)).Run(desired, options, slots.State, apply: true, adopt: false, os);
            store.Save(state);

            await Console.Out.WriteLineAsync($"renderer: {outcome.Selection.Renderer.ToString().ToLowerInvariant()}");
            foreach (var verdict in outcome.Selection.Verdicts)
            {
                await Console.Out.WriteLineAsync($"  {verdict}");
            }

            foreach (var result in outcome.Results)
            {
                await Console.Out.WriteLineAsync($"{result.Kind.ToString().ToLowerInvariant()} {context.Paths.Resolve(result.Path)}: {result.Detail}");
            }

            foreach (var note in outcome.Notes)
            {
                await Console.Out.WriteLineAsync($"note: {note}");
            }

            if (outcome.Error is not null)
            {
                await Console.Error.WriteLineAsync($"eniagent: {outcome.Error}");
            }

            return outcome.Failed || desired.Decisions.Any(d => d.Disposition is EniDisposition.Invalid) ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<MetadataSnapshot> ReadAsync(AgentContext context, CancellationToken ct)
    {
        using var source = MetadataSourceFactory.Create(context.Options.Metadata, context.Loggers);
        return await source.ReadAsync(ct);
    }

    // Linux interface names: 1..15 printable characters, no '/', ':' or whitespace.
    private static bool IsInterfaceName(string name) =>
        name.Length is > 0 and <= 15 && name is not "." and not ".." && name.All(c => c > ' ' && c < 0x7f && c != '/' && c != ':');

    // The names persist.renderer takes in eniagent.yaml (the enum's own names would leak .NET spelling into usage errors).
    private static IEnumerable<string> RendererNames => Enum.GetValues<RendererKind>().Select(k => k.ToString().ToLowerInvariant());

    /// <summary>A <c>--renderer</c> value: auto (or absent) is null, detection; otherwise a format name, any case.</summary>
    private static bool TryParseRenderer(string? text, out RendererKind? kind)
    {
        kind = null;
        if (text is null || string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<RendererKind>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>One <c>--interface MAC=NAME</c> entry, or null when it is malformed.</summary>
    private static (PhysicalAddress Mac, string Name)? ParseInterface(string entry)
    {
        var eq = entry.IndexOf('=', StringComparison.Ordinal);
        return eq >= 0 && MacAddress.TryParse(entry.AsSpan(0, eq), out var mac) && IsInterfaceName(entry[(eq + 1)..]) ? (mac, entry[(eq + 1)..]) : null;
    }

    private static List<LinkSnapshot> Links(MetadataSnapshot snapshot, string[] names)
    {
        var given = new Dictionary<PhysicalAddress, string>();
        foreach (var entry in names)
        {
            // The validator has refused malformed entries as usage errors already.
            var (mac, name) = ParseInterface(entry) ?? throw new ArgumentException($"--interface '{entry}' is not MAC=NAME", nameof(names));
            given[mac] = name;
        }

        var links = new List<LinkSnapshot>();
        // Default names skip the ones given explicitly: --interface MAC3=eth1 must not leave MAC2 on eth1 as well.
        var taken = given.Values.ToHashSet(StringComparer.Ordinal);
        var next = 1;
        string NextName()
        {
            while (taken.Contains($"eth{next}"))
            {
                next++;
            }

            return $"eth{next++}";
        }

        foreach (var eni in snapshot.Enis.OrderBy(e => e.Mac.Equals(snapshot.PrimaryMac) ? 0 : 1).ThenBy(e => MacAddress.Format(e.Mac), StringComparer.Ordinal))
        {
            var name = given.TryGetValue(eni.Mac, out var n) ? n : eni.Mac.Equals(snapshot.PrimaryMac) ? "eth0" : NextName();
            links.Add(new LinkSnapshot(links.Count + 2, name, eni.Mac, 1500, true, true, null));
        }

        return links;
    }
}
