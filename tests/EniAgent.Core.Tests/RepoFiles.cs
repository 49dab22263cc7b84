namespace EniAgent.Core.Tests;

/// <summary>Locates files of the repository (docs, packaging) from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EniAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EniAgent.sln not found above " + AppContext.BaseDirectory);
    }
}
