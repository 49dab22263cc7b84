namespace EniAgent.MetadataEmulator.Scenarios;

/// <summary>One ENI of a scenario: its MAC, its items served verbatim, and its propagation delays.</summary>
internal sealed record EniDefinition(
    string Mac,
    IReadOnlyList<KeyValuePair<string, string>> Items,
    TimeSpan VisibleAfter,
    TimeSpan ItemsLag)
{
    public string? GetItem(string name)
    {
        foreach (var (key, value) in Items)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A copy with <paramref name="name"/> set (replaced in place, or appended), keeping the item order.</summary>
    public EniDefinition WithItem(string name, string value)
    {
        var items = new List<KeyValuePair<string, string>>(Items.Count + 1);
        var replaced = false;
        foreach (var item in Items)
        {
            if (string.Equals(item.Key, name, StringComparison.Ordinal))
            {
                items.Add(new(name, value));
                replaced = true;
            }
            else
            {
                items.Add(item);
            }
        }

        if (!replaced)
        {
            items.Add(new(name, value));
        }

        return this with { Items = items };
    }
}
