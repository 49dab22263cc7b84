namespace EniAgent.MetadataEmulator.Tests.Support;

/// <summary>A fact that needs root (network namespaces); CI runs as root, elsewhere it is skipped with a reason.</summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "needs root to create network namespaces";
        }
    }
}
