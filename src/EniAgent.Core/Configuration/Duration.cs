using System.Globalization;
using System.Text;

namespace EniAgent.Core.Configuration;

/// <summary>
/// Durations as written in eniagent.yaml: one or more whole-number parts with a unit,
/// <c>500ms</c>, <c>2s</c>, <c>10m</c>, <c>6h</c>, <c>1d</c>, or compound like <c>1h30m</c>.
/// A bare number is refused on purpose: "60" could mean seconds or minutes.
/// </summary>
public static class Duration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        long totalMs = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start || i - start > 12)
            {
                return false;
            }

            var number = long.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetterLower(text[i]))
            {
                i++;
            }

            long? unitMs = text.AsSpan(unitStart, i - unitStart) switch
            {
                "ms" => 1,
                "s" => 1000,
                "m" => 60_000,
                "h" => 3_600_000,
                "d" => 86_400_000,
                _ => null,
            };
            if (unitMs is null)
            {
                return false;
            }

            try
            {
                totalMs = checked(totalMs + checked(number * unitMs.Value));
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        if (totalMs > (long)TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(totalMs);
        return true;
    }

    /// <summary>The shortest form <see cref="TryParse"/> reads back to the same value (sub-millisecond parts dropped).</summary>
    public static string Format(TimeSpan value)
    {
        var ms = (long)value.TotalMilliseconds;
        if (ms == 0)
        {
            return "0s";
        }

        var text = new StringBuilder();
        foreach (var (unit, size) in new (string, long)[] { ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1) })
        {
            if (ms >= size)
            {
                text.Append(ms / size).Append(unit);
                ms %= size;
            }
        }

        return text.ToString();
    }
}
