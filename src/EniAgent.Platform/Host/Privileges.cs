using System.Globalization;

namespace EniAgent.Platform.Host;

/// <summary>Whether this process may change the network (CAP_NET_ADMIN in its effective set).</summary>
public static class Privileges
{
    private const int CapNetAdmin = 12;

    public static bool HasNetAdmin(string statusFile = "/proc/self/status")
    {
        try
        {
            foreach (var line in File.ReadLines(statusFile))
            {
                if (line.StartsWith("CapEff:", StringComparison.Ordinal)
                    && ulong.TryParse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var caps))
                {
                    return (caps & (1UL << CapNetAdmin)) != 0;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return false;
    }
}
