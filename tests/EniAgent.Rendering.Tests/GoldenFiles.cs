using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace EniAgent.Rendering.Tests;

/// <summary>
/// Golden files under tests/EniAgent.Rendering.Tests/golden/&lt;renderer&gt;/&lt;scenario&gt;/: each rendered file at its
/// absolute path below that folder, plus _manifest.txt (mode, owner, path; notes). Compared byte for byte;
/// rewritten only when ENIAGENT_UPDATE_GOLDEN=1.
/// </summary>
internal static class GoldenFiles
{
    public const string Manifest = "_manifest.txt";

    public static bool Updating => Environment.GetEnvironmentVariable("ENIAGENT_UPDATE_GOLDEN") == "1";

    public static string Root([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "golden");

    /// <summary>Relative path → content for a render result, manifest included.</summary>
    public static SortedDictionary<string, string> Expected(RenderResult result)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var manifest = new StringBuilder();
        foreach (var file in result.Files)
        {
            files[file.Path.TrimStart('/')] = file.Content;
            manifest.Append(CultureInfo.InvariantCulture, $"{Convert.ToString((int)file.Mode, 8).PadLeft(4, '0')} {file.OwnerEniId ?? "shared"} {file.Path}\n");
        }

        foreach (var note in result.Notes)
        {
            manifest.Append(CultureInfo.InvariantCulture, $"note {note}\n");
        }

        files[Manifest] = manifest.ToString();
        return files;
    }

    public static void Verify(string renderer, string scenario, RenderResult result)
    {
        var dir = Path.Combine(Root(), renderer, scenario);
        var expected = Expected(result);
        if (Updating)
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }

            foreach (var (relative, content) in expected)
            {
                var path = Path.Combine(dir, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, Encoding.UTF8.GetBytes(content));
            }

            return;
        }

        Assert.True(Directory.Exists(dir), $"no golden files at {dir}; run with ENIAGENT_UPDATE_GOLDEN=1 and review the diff");
        var actualNames = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(dir, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected.Keys.ToList(), actualNames);
        foreach (var (relative, content) in expected)
        {
            var golden = File.ReadAllBytes(Path.Combine(dir, relative));
            Assert.True(golden.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(content)), $"{renderer}/{scenario}/{relative} differs from its golden file:\n{content}");
        }
    }
}
