namespace NewsLens;

/// <summary>Mean, 95 % confidence interval and label shares of a set of compound scores.</summary>
internal readonly record struct SentimentStatistics(
    int Count,
    double? Mean,
    double? CiLow,
    double? CiHigh,
    double? SharePositive,
    double? ShareNegative,
    double? ShareNeutral)
{
    // Two-sided 95 % critical values of Student's t for 1..30 degrees of freedom.
    private static readonly double[] StudentT975 =
    [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ];

    public static SentimentStatistics Of(ReadOnlySpan<double> compounds)
    {
        var n = compounds.Length;
        if (n == 0)
            return new SentimentStatistics(0, null, null, null, null, null, null);
        double sum = 0;
        int positive = 0, negative = 0;
        foreach (var value in compounds)
        {
            sum += value;
            switch (SentimentScore.Classify(value))
            {
                case SentimentLabel.Positive:
                    positive++;
                    break;
                case SentimentLabel.Negative:
                    negative++;
                    break;
            }
        }

        var mean = sum / n;
        var (low, high) = ConfidenceInterval(compounds, mean);
        return new SentimentStatistics(n, mean, low, high, (double)positive / n, (double)negative / n, (double)(n - positive - negative) / n);
    }

    /// <summary>mean ± t(0.975, n−1) · s / √n; undefined (null) for fewer than two values.</summary>
    public static (double? Low, double? High) ConfidenceInterval(ReadOnlySpan<double> values, double mean)
    {
        var n = values.Length;
        if (n < 2)
            return (null, null);
        double squares = 0;
        foreach (var value in values)
            squares += (value - mean) * (value - mean);
        var standardError = Math.Sqrt(squares / (n - 1)) / Math.Sqrt(n);
        var margin = StudentTCritical(n - 1) * standardError;
        return (mean - margin, mean + margin);
    }

    /// <summary>The 97.5th percentile of Student's t: a table to 30 degrees of freedom, a Cornish–Fisher expansion above (error &lt; 1e-7).</summary>
    public static double StudentTCritical(int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1)
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom));
        if (degreesOfFreedom <= StudentT975.Length)
            return StudentT975[degreesOfFreedom - 1];
        const double z = 1.959963984540054;
        double v = degreesOfFreedom, z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z;
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
            + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
    }
}
