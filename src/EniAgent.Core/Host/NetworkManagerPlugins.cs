namespace EniAgent.Core.Host;

/// <summary>
/// Pure: the effective <c>[main] plugins</c> of NetworkManager from its configuration files in the order NM reads
/// them (NetworkManager.conf, then conf.d snippets). Supports <c>plugins=</c>, <c>plugins+=</c> and <c>plugins-=</c>.
/// Null when no file sets it, so NM's built-in default (distribution-specific) applies.
/// </summary>
public static class NetworkManagerPlugins
{
    public static ValueList<string>? Effective(IEnumerable<string> configTexts)
    {
        ArgumentNullException.ThrowIfNull(configTexts);
        List<string>? plugins = null;
        foreach (var text in configTexts)
        {
            var inMain = false;
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith('[') && line.EndsWith(']'))
                {
                    inMain = line == "[main]";
                    continue;
                }

                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (!inMain || line.StartsWith('#') || line.StartsWith(';') || eq <= 0)
                {
                    continue;
                }

                var key = line[..eq].Trim();
                var values = line[(eq + 1)..].Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                switch (key)
                {
                    case "plugins":
                        plugins = [.. values];
                        break;
                    case "plugins+":
                        plugins ??= [];
                        plugins.AddRange(values.Where(v => !plugins.Contains(v)));
                        break;
                    case "plugins-":
                        plugins?.RemoveAll(values.Contains);
                        break;
                }
            }
        }

        return plugins?.ToValueList();
    }
}
