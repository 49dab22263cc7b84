using EniAgent.Core;
using EniAgent.TestKit.Netns;

namespace EniAgent.TestKit.Topology;

/// <summary>
/// Everything routing-relevant in a namespace at one moment (links and their admin state, addresses, routes of every
/// table, rules), compared by value: capture before and after to prove that something changed nothing.
/// </summary>
public sealed record KernelState(ValueList<string> Links, ValueList<string> Addresses, ValueList<string> Routes, ValueList<string> Rules)
{
    public static KernelState Capture(NetworkNamespace ns) => new(
        Sorted(KernelReader.Links(ns)),
        Sorted(KernelReader.Addresses(ns)),
        Sorted(KernelReader.Routes(ns)),
        Sorted(KernelReader.Rules(ns)));

    /// <summary>Lines only in this state (<c>-</c>) or only in <paramref name="after"/> (<c>+</c>).</summary>
    public IReadOnlyList<string> Differences(KernelState after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var before = Lines().ToList();
        var now = after.Lines().ToList();
        return [.. before.Except(now).Select(l => "- " + l), .. now.Except(before).Select(l => "+ " + l)];
    }

    public override string ToString() => string.Join('\n', Lines());

    private IEnumerable<string> Lines() =>
        Links.Select(l => "link " + l).Concat(Addresses.Select(a => "address " + a)).Concat(Routes.Select(r => "route " + r)).Concat(Rules.Select(r => "rule " + r));

    private static ValueList<string> Sorted<T>(IEnumerable<T> items) =>
        items.Select(i => i!.ToString()!).Order(StringComparer.Ordinal).ToValueList();
}
