namespace PrivateApiEdge.Benchmarks;

/// <summary>Median, min and max of repeated measurements (and percentiles of one run's samples).</summary>
public sealed record Summary(double Median, double Min, double Max, int Count)
{
    public static Summary Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Summary(double.NaN, double.NaN, double.NaN, 0);
        }

        return new Summary(Percentile(sorted, 50), sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        if (percent == 50 && sorted.Length % 2 == 0)
        {
            return (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public string Format(string unit, string format = "0.00") =>
        Count == 0 ? "n/a" : $"{Median.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} {unit} (min {Min.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}, max {Max.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}, n={Count})".Replace("  ", " ", StringComparison.Ordinal);
}
