using System.Globalization;

namespace EniAgent.Bench;

internal static class Percentiles
{
    /// <summary>Nearest-rank percentile of <paramref name="values"/>.</summary>
    public static double Of(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Describe(IReadOnlyList<double> ms) => string.Create(
        CultureInfo.InvariantCulture,
        $"n={ms.Count} p50={Of(ms, 50):0.0} ms p95={Of(ms, 95):0.0} ms min={ms.Min():0.0} ms max={ms.Max():0.0} ms");
}
