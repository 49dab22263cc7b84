using System.Diagnostics;
using EniAgent.Platform.Files;

namespace EniAgent.Platform.Stacks;

/// <summary>
/// Runs <c>netplan generate --root-dir SCRATCH</c> on one YAML file alone, in a private scratch folder, and returns
/// the .network files it produced. Nothing outside the scratch folder is written; <c>netplan apply</c> is never run.
/// </summary>
internal sealed class NetplanGenerator(string binary, TimeProvider time)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static IReadOnlyList<string> Locations { get; } = ["/usr/sbin/netplan", "/usr/bin/netplan", "/sbin/netplan", "/bin/netplan"];

    public static string? Find() => Locations.FirstOrDefault(File.Exists);

    /// <summary>File name → content of every .network file generated for <paramref name="yaml"/> alone.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GenerateAsync(string yamlFileName, string yaml, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("eniagent-netplan-");
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(scratch.FullName, "etc", "netplan")).FullName;
            var file = Path.Combine(folder, Path.GetFileName(yamlFileName));
            new AtomicFileWriter().Write(file, yaml, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await RunAsync(["generate", "--root-dir", scratch.FullName], cancellationToken).ConfigureAwait(false);
            var output = Path.Combine(scratch.FullName, "run", "systemd", "network");
            if (!Directory.Exists(output))
            {
                return new Dictionary<string, string>(StringComparer.Ordinal);
            }

            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var generated in Directory.EnumerateFiles(output, "*.network"))
            {
                result[Path.GetFileName(generated)] = await File.ReadAllTextAsync(generated, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private async Task RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var process = Process.Start(info) ?? throw new StackPickupException($"could not start {binary}");
        var stdout = process.StandardOutput.ReadToEndAsync(linked.Token);
        var stderr = process.StandardError.ReadToEndAsync(linked.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill();
            throw new StackPickupException($"{binary} generate did not finish within {Timeout.TotalSeconds} s");
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new StackPickupException($"{binary} generate exited with {process.ExitCode}: {(await stderr.ConfigureAwait(false)).Trim()}");
        }
    }
}
