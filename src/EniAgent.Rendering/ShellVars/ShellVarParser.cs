using System.Collections.Immutable;

namespace EniAgent.Rendering.ShellVars;

/// <summary>
/// A strict reader of shell-sourced KEY=VALUE files (RHEL ifcfg, SUSE sysconfig). It accepts a subset of
/// shell syntax whose meaning is the same whether the file is sourced, parsed by NetworkManager/wicked, or
/// eval'ed piecewise by initscripts: blank lines, <c>#</c> comment lines, and one <c>KEY=VALUE</c> per line,
/// where VALUE is empty, a bare word, <c>'...'</c> or <c>"..."</c>, made of <see cref="ShellValue.IsSafeChar"/>
/// characters only. Everything else fails with a <see cref="ShellVarException"/> (never another exception):
/// expansions, escapes, command separators, unbalanced quotes, text after a closing quote, CR or NUL,
/// duplicate keys.
/// </summary>
public static class ShellVarParser
{
    public static ShellVarFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = ImmutableArray.CreateBuilder<ShellVar>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            if (rawLine.AsSpan().IndexOfAny('\r', '\0') >= 0)
            {
                throw new ShellVarException(ShellVarError.InvalidControlCharacter, lineNumber, "carriage return or NUL");
            }

            var line = rawLine.TrimStart(' ', '\t');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new ShellVarException(ShellVarError.NotAnAssignment, lineNumber, $"\"{Text.Printable.Of(line)}\"");
            }

            var key = line[..equals];
            if (!ShellValue.IsValidKey(key))
            {
                throw new ShellVarException(ShellVarError.InvalidKey, lineNumber, $"\"{Text.Printable.Of(key)}\"");
            }

            var value = ParseValue(line[(equals + 1)..], lineNumber);
            if (!seen.Add(key))
            {
                throw new ShellVarException(ShellVarError.DuplicateKey, lineNumber, key);
            }

            entries.Add(new ShellVar(key, value, lineNumber));
        }

        return new ShellVarFile(entries.ToImmutable());
    }

    private static string ParseValue(string raw, int line)
    {
        if (raw.Length == 0)
        {
            return string.Empty;
        }

        if (raw[0] is '\'' or '"')
        {
            var close = raw.IndexOf(raw[0], 1);
            if (close < 0)
            {
                throw new ShellVarException(ShellVarError.UnbalancedQuote, line, $"{raw[0]} is never closed");
            }

            RequireSafe(raw[1..close], line);
            if (!IsBlank(raw.AsSpan(close + 1)))
            {
                throw new ShellVarException(ShellVarError.TrailingText, line, $"\"{Text.Printable.Of(raw[(close + 1)..])}\" after the closing quote");
            }

            return raw[1..close];
        }

        var end = raw.AsSpan().IndexOfAny(' ', '\t');
        var word = end < 0 ? raw : raw[..end];
        if (end >= 0 && !IsBlank(raw.AsSpan(end)))
        {
            throw new ShellVarException(ShellVarError.TrailingText, line, $"\"{Text.Printable.Of(raw[end..])}\" after an unquoted value");
        }

        RequireSafe(word, line);
        return word;
    }

    private static void RequireSafe(string value, int line)
    {
        foreach (var c in value)
        {
            if (!ShellValue.IsSafeChar(c))
            {
                throw new ShellVarException(ShellVarError.UnsafeCharacter, line, $"'{Text.Printable.Of(c.ToString())}' in \"{Text.Printable.Of(value)}\"");
            }
        }
    }

    private static bool IsBlank(ReadOnlySpan<char> text) => text.TrimStart(" \t").IsEmpty;
}
