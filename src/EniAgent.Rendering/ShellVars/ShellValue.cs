namespace EniAgent.Rendering.ShellVars;

/// <summary>
/// The strict character set of values eniagent writes into shell-sourced files (RHEL ifcfg, SUSE sysconfig).
/// Letters, digits, space and <c>. _ : / - , + = @</c>: enough for addresses, prefixes, MACs, names, numbers and
/// <c>ip rule</c> argument lists, and nothing a shell, <c>eval</c> or word splitting inside quotes can turn into code
/// (no <c>$ ` \ " ' ; | &amp; ( ) &lt; &gt; * ? [ ] { } ~ # !</c>, no control characters).
/// </summary>
public static class ShellValue
{
    public static bool IsSafeChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or ' ' or '.' or '_' or ':' or '/' or '-' or ',' or '+' or '=' or '@';

    public static bool IsSafe(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            if (!IsSafeChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Single-quotes a safe value; refuses (<see cref="ShellVarError.UnsafeCharacter"/>) anything else.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsSafe(value))
        {
            throw new ShellVarException(ShellVarError.UnsafeCharacter, 0, $"value \"{Text.Printable.Of(value)}\" has characters outside the safe set");
        }

        return "'" + value + "'";
    }

    public static bool IsValidKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || !(char.IsAsciiLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
