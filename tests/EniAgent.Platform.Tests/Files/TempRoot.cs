using EniAgent.Core.Host;

namespace EniAgent.Platform.Tests.Files;

/// <summary>A scratch root prefix under /tmp; removed on dispose. Tests never touch the machine's /etc, /run or /var.</summary>
internal sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Path = Directory.CreateTempSubdirectory("eniagent-test-").FullName;
        Paths = new HostPaths(Path);
    }

    public string Path { get; }

    public HostPaths Paths { get; }

    /// <summary>Writes a file at a logical path (e.g. "/etc/os-release") under the root, creating folders.</summary>
    public string Write(string logicalPath, string content)
    {
        var full = Paths.Resolve(logicalPath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string MakeDirectory(string logicalPath) => Directory.CreateDirectory(Paths.Resolve(logicalPath)).FullName;

    public string Read(string logicalPath) => File.ReadAllText(Paths.Resolve(logicalPath));

    public bool Exists(string logicalPath) => File.Exists(Paths.Resolve(logicalPath));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
