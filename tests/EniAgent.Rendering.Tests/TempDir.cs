namespace EniAgent.Rendering.Tests;

/// <summary>A private temporary directory, removed on dispose; rendered files are placed below it, never in /etc.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Path = Directory.CreateTempSubdirectory("eniagent-render-").FullName;

    public string Path { get; }

    /// <summary>Writes a rendered file at its absolute path below this root.</summary>
    public string Place(RenderedFile file)
    {
        var target = Combine(file.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllText(target, file.Content);
        File.SetUnixFileMode(target, file.Mode);
        return target;
    }

    public string Combine(string absolute) => System.IO.Path.Join(Path, absolute);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
