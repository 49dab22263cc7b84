using System.Globalization;

namespace EniAgent.Bench;

/// <summary>A process's memory and CPU time from /proc.</summary>
internal sealed record ProcessStats(long RssKiB, long AnonKiB, TimeSpan CpuTime)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static ProcessStats Read(int pid)
    {
        long rss = 0, anon = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = KiB(line);
            }
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anon = KiB(line);
            }
        }

        // Fields after the command name (which may contain spaces) in /proc/PID/stat: utime is the 14th, stime the 15th.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcessStats(rss, anon, TimeSpan.FromSeconds(ticks / TicksPerSecond));
    }

    private static long KiB(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
