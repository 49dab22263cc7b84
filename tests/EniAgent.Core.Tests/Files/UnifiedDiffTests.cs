using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using EniAgent.Core.Files;

namespace EniAgent.Core.Tests.Files;

public partial class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_give_no_diff()
    {
        Assert.Equal(string.Empty, UnifiedDiff.Create("a\n", "a\n", "a/x", "b/x"));
        Assert.Equal(string.Empty, UnifiedDiff.Create(null, null, "a/x", "b/x"));
    }

    [Fact]
    public void One_changed_line_with_context_matches_gnu_diff()
    {
        var diff = UnifiedDiff.Create("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n", "a/f", "b/f");
        Assert.Equal("--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n", diff);
    }

    [Fact]
    public void New_and_deleted_files_use_dev_null()
    {
        Assert.Equal("--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.Create(null, "a\nb\n", "a/f", "b/f"));
        Assert.Equal("--- a/f\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n", UnifiedDiff.Create("a\n", null, "a/f", "b/f"));
    }

    [Fact]
    public void Missing_final_newline_is_marked()
    {
        Assert.Equal(
            "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n",
            UnifiedDiff.Create("a", "a\n", "a/f", "b/f"));
    }

    [Fact]
    public void Distant_changes_make_separate_hunks_and_near_ones_merge()
    {
        var old = string.Concat(Enumerable.Range(1, 20).Select(i => $"{i}\n"));
        var far = old.Replace("2\n", "two\n", StringComparison.Ordinal).Replace("19\n", "nineteen\n", StringComparison.Ordinal);
        Assert.Equal(2, HunkHeader().Matches(UnifiedDiff.Create(old, far, "a", "b")).Count);
        var near = old.Replace("\n5\n", "\nfive\n", StringComparison.Ordinal).Replace("\n11\n", "\neleven\n", StringComparison.Ordinal);
        Assert.Single(HunkHeader().Matches(UnifiedDiff.Create(old, near, "a", "b")));
    }

    [Fact]
    public void Applying_the_diff_gives_the_new_text()
    {
        var line = Gen.OneOf("a\n", "b\n", "c\n", "d\n", "e\n", "\n", "x");
        var text = line.Array[0, 30].Select(string.Concat);
        Gen.Select(text, text, Gen.Int[0, 4]).Sample((oldText, newText, context) =>
        {
            // A final line without newline is only valid at the end; normalise the generated texts.
            oldText = oldText.Replace("x", string.Empty, StringComparison.Ordinal) + (oldText.Contains('x', StringComparison.Ordinal) ? "x" : string.Empty);
            newText = newText.Replace("x", string.Empty, StringComparison.Ordinal) + (newText.Contains('x', StringComparison.Ordinal) ? "x" : string.Empty);
            var diff = UnifiedDiff.Create(oldText, newText, "a", "b", context);
            Assert.Equal(newText, Patch(oldText, diff));
        }, iter: 3000);
    }

    [Fact]
    public void Large_unrelated_texts_fall_back_to_a_valid_replacement()
    {
        var a = string.Concat(Enumerable.Range(0, 3000).Select(i => $"a{i}\n"));
        var b = string.Concat(Enumerable.Range(0, 3000).Select(i => $"b{i}\n"));
        Assert.Equal(b, Patch(a, UnifiedDiff.Create(a, b, "a", "b")));
    }

    /// <summary>A minimal patch applier that checks every context and removed line against the old text.</summary>
    private static string Patch(string oldText, string diff)
    {
        if (diff.Length == 0)
        {
            return oldText;
        }

        var old = UnifiedDiff.SplitLines(oldText);
        var lines = UnifiedDiff.SplitLines(diff);
        var result = new StringBuilder();
        var position = 0;
        for (var i = 2; i < lines.Length; i++)
        {
            var m = HunkHeader().Match(lines[i]);
            Assert.True(m.Success, $"expected a hunk header, got '{lines[i]}'");
            var oldStart = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var oldCount = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            var startIndex = oldCount == 0 ? oldStart : oldStart - 1;
            while (position < startIndex)
            {
                result.Append(old[position++]);
            }

            for (i++; i < lines.Length && !lines[i].StartsWith("@@", StringComparison.Ordinal); i++)
            {
                var body = lines[i][1..];
                var noNewline = i + 1 < lines.Length && lines[i + 1].StartsWith('\\');
                if (noNewline)
                {
                    body = body[..^1];
                }

                switch (lines[i][0])
                {
                    case ' ':
                        Assert.Equal(old[position++], body);
                        result.Append(body);
                        break;
                    case '-':
                        Assert.Equal(old[position++], body);
                        break;
                    case '+':
                        result.Append(body);
                        break;
                }

                if (noNewline)
                {
                    i++;
                }
            }

            i--;
        }

        while (position < old.Length)
        {
            result.Append(old[position++]);
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", RegexOptions.Multiline)]
    private static partial Regex HunkHeader();
}
