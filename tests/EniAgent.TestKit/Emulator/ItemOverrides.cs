namespace EniAgent.TestKit.Emulator;

/// <summary>Applies raw overrides to derived items in order: a value replaces in place (or appends), null removes.</summary>
internal static class ItemOverrides
{
    public static List<KeyValuePair<string, string>> Apply(
        List<KeyValuePair<string, string>> items,
        IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        foreach (var (name, value) in overrides)
        {
            var index = items.FindIndex(i => i.Key == name);
            if (value is null)
            {
                items.RemoveAll(i => i.Key == name);
            }
            else if (index >= 0)
            {
                items[index] = new(name, value);
            }
            else
            {
                items.Add(new(name, value));
            }
        }

        return items;
    }
}
