namespace EniAgent.Netlink.Tests;

/// <summary>Hand-written byte fixtures: hex digits, whitespace ignored, <c>#</c> starts a comment to the end of the line.</summary>
internal static class Hex
{
    public static byte[] Bytes(string text)
    {
        var digits = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            foreach (var c in hash < 0 ? line : line[..hash])
            {
                if (!char.IsWhiteSpace(c))
                {
                    digits.Append(c);
                }
            }
        }

        return Convert.FromHexString(digits.ToString());
    }
}
