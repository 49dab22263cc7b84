using Xunit;

namespace EniAgent.TestKit.Netns;

/// <summary>A theory that needs root; skipped with the reason elsewhere.</summary>
public sealed class RootTheoryAttribute : TheoryAttribute
{
    internal const string Reason = "needs root (network namespaces)";

    public RootTheoryAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = Reason;
        }
    }
}
