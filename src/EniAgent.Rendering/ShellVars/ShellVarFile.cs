using System.Collections.Immutable;

namespace EniAgent.Rendering.ShellVars;

/// <summary>The assignments of a KEY=VALUE file in file order; keys are unique.</summary>
public sealed class ShellVarFile
{
    internal ShellVarFile(ImmutableArray<ShellVar> entries)
    {
        Entries = entries;
        Values = entries.ToImmutableDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    public ImmutableArray<ShellVar> Entries { get; }

    public ImmutableDictionary<string, string> Values { get; }

    public string? this[string key] => Values.TryGetValue(key, out var value) ? value : null;
}
