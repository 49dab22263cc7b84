using EniAgent.Core.Host;
using EniAgent.Platform.Files;
using Microsoft.Extensions.Logging;

namespace EniAgent.Platform.Stacks;

/// <summary>
/// What <c>netplan generate</c> does at boot, for our YAML files only: each changed file is generated alone and
/// its .network files are written to (or, for a removed YAML, deleted from) <c>/run/systemd/network</c>. A full
/// <c>netplan generate</c> would rewrite every generated file, and networkd treats a rewritten file as changed and
/// reconfigures its link, so the primary would flap. Unchanged content is left untouched (same inode and time).
/// </summary>
internal sealed class NetplanRuntimeSync(HostPaths paths, AtomicFileWriter writer, NetplanGenerator generator, ILogger logger)
{
    public const string RuntimeDirectory = "/run/systemd/network";

    private const UnixFileMode Mode0644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Interface → names of the .network files generated for it.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> SyncAsync(IEnumerable<StackFileChange> changes, CancellationToken cancellationToken)
    {
        var generated = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var change in changes.Where(IsNetplanYaml))
        {
            var files = await generator.GenerateAsync(Path.GetFileName(change.Path), change.Content, cancellationToken).ConfigureAwait(false);
            foreach (var (name, content) in files)
            {
                var logical = $"{RuntimeDirectory}/{name}";
                var full = paths.Resolve(logical);
                if (change.Removed)
                {
                    if (AtomicFileWriter.Delete(full))
                    {
                        StackLog.RuntimeFile(logger, "removed", logical);
                    }
                }
                else if (writer.Write(full, content, Mode0644) != FileWriteOutcome.Unchanged)
                {
                    StackLog.RuntimeFile(logger, "wrote", logical);
                }
            }

            if (!change.Removed && change.InterfaceName is { } link)
            {
                generated[link] = files.Keys.ToHashSet(StringComparer.Ordinal);
            }
        }

        return generated;
    }

    private static bool IsNetplanYaml(StackFileChange change) =>
        change.Path.StartsWith("/etc/netplan/", StringComparison.Ordinal) && change.Path.EndsWith(".yaml", StringComparison.Ordinal);
}
