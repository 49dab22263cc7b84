using System.Text;

namespace EniAgent.Core.Files;

/// <summary>
/// Pure unified diff (the <c>diff -u</c> format) of two texts, for dry runs. Lines keep their terminators, so a
/// missing final newline shows as "\ No newline at end of file" like GNU diff. Myers' O(ND) algorithm runs on
/// what is left after the common prefix and suffix are cut; past a size budget it falls back to replacing the
/// whole middle, which is still a correct diff.
/// </summary>
public static class UnifiedDiff
{
    public const string NullDevice = "/dev/null";

    private const long TraceBudget = 4_000_000;

    /// <summary>
    /// The diff from <paramref name="oldText"/> to <paramref name="newText"/>; null stands for "no file" and is
    /// labelled <c>/dev/null</c>. Empty string when the texts are equal.
    /// </summary>
    public static string Create(string? oldText, string? newText, string oldLabel, string newLabel, int context = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        if (oldText == newText)
        {
            return string.Empty;
        }

        var a = SplitLines(oldText ?? string.Empty);
        var b = SplitLines(newText ?? string.Empty);
        var edits = Edits(a, b);
        var text = new StringBuilder();
        text.Append("--- ").Append(oldText is null ? NullDevice : oldLabel).Append('\n');
        text.Append("+++ ").Append(newText is null ? NullDevice : newLabel).Append('\n');
        foreach (var (start, end) in Hunks(edits, context))
        {
            AppendHunk(text, edits, start, end);
        }

        return text.ToString();
    }

    /// <summary>Splits after each '\n'; the last line may lack one.</summary>
    internal static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return [.. lines];
    }

    /// <summary>The edit script: every line of both texts in order, tagged ' ', '-' or '+'.</summary>
    internal static List<(char Op, string Line)> Edits(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var edits = new List<(char, string)>(a.Length + b.Length);
        edits.AddRange(a.Take(prefix).Select(l => (' ', l)));
        var midA = a[prefix..(a.Length - suffix)];
        var midB = b[prefix..(b.Length - suffix)];
        if (!TryMyers(midA, midB, edits))
        {
            edits.AddRange(midA.Select(l => ('-', l)));
            edits.AddRange(midB.Select(l => ('+', l)));
        }

        edits.AddRange(a.Skip(a.Length - suffix).Select(l => (' ', l)));
        return edits;
    }

    private static bool TryMyers(string[] a, string[] b, List<(char, string)> output)
    {
        int n = a.Length, m = b.Length, max = n + m, offset = max + 1;
        var v = new int[(2 * max) + 3];
        var trace = new List<int[]>();
        long traced = 0;
        for (var d = 0; d <= max; d++)
        {
            traced += v.Length;
            if (traced > TraceBudget)
            {
                return false;
            }

            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    Backtrack(a, b, trace, offset, d, output);
                    return true;
                }
            }
        }

        return false;
    }

    private static void Backtrack(string[] a, string[] b, List<int[]> trace, int offset, int dEnd, List<(char, string)> output)
    {
        var reversed = new List<(char, string)>();
        int x = a.Length, y = b.Length;
        for (var d = dEnd; d > 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var prevK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
            var prevX = v[offset + prevK];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY)
            {
                reversed.Add((' ', a[--x]));
                y--;
            }

            reversed.Add(x == prevX ? ('+', b[--y]) : ('-', a[--x]));
        }

        while (x > 0)
        {
            reversed.Add((' ', a[--x]));
            y--;
        }

        reversed.Reverse();
        output.AddRange(reversed);
    }

    /// <summary>Ranges of the edit script to print: each change with its context, overlapping ranges merged.</summary>
    private static List<(int Start, int End)> Hunks(List<(char Op, string Line)> edits, int context)
    {
        var hunks = new List<(int Start, int End)>();
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Op == ' ')
            {
                i++;
                continue;
            }

            var runEnd = i;
            while (runEnd < edits.Count && edits[runEnd].Op != ' ')
            {
                runEnd++;
            }

            var start = Math.Max(0, i - context);
            var end = Math.Min(edits.Count, runEnd + context);
            if (hunks.Count > 0 && start <= hunks[^1].End)
            {
                hunks[^1] = (hunks[^1].Start, end);
            }
            else
            {
                hunks.Add((start, end));
            }

            i = runEnd;
        }

        return hunks;
    }

    private static void AppendHunk(StringBuilder text, List<(char Op, string Line)> edits, int start, int end)
    {
        // 1-based line numbers where the hunk starts in each file.
        int oldLine = 1, newLine = 1;
        for (var i = 0; i < start; i++)
        {
            oldLine += edits[i].Op != '+' ? 1 : 0;
            newLine += edits[i].Op != '-' ? 1 : 0;
        }

        var oldCount = edits.Skip(start).Take(end - start).Count(e => e.Op != '+');
        var newCount = edits.Skip(start).Take(end - start).Count(e => e.Op != '-');
        text.Append("@@ -").Append(Range(oldLine, oldCount)).Append(" +").Append(Range(newLine, newCount)).Append(" @@\n");
        for (var i = start; i < end; i++)
        {
            var (op, line) = edits[i];
            text.Append(op).Append(line);
            if (!line.EndsWith('\n'))
            {
                text.Append("\n\\ No newline at end of file\n");
            }
        }
    }

    // GNU diff: ",1" is omitted, and an empty range names the line before it.
    private static string Range(int line, int count) => count switch
    {
        0 => $"{line - 1},0",
        1 => $"{line}",
        _ => $"{line},{count}",
    };
}
