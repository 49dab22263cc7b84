using Xunit;

namespace EniAgent.TestKit.Netns;

/// <summary>A fact that needs root (network namespaces, dropping privileges); CI runs as root, elsewhere it is skipped with the reason.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = RootTheoryAttribute.Reason;
        }
    }
}
