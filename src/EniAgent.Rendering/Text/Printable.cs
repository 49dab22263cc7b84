using System.Globalization;
using System.Text;

namespace EniAgent.Rendering.Text;

/// <summary>Makes an arbitrary string safe to show in one line of a message: control and non-ASCII characters escaped, length capped.</summary>
internal static class Printable
{
    private const int MaxLength = 80;

    public static string Of(string value)
    {
        var sb = new StringBuilder();
        foreach (var c in value)
        {
            if (sb.Length >= MaxLength)
            {
                sb.Append("...");
                break;
            }

            if (c is >= ' ' and <= '~' && c != '\\')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
