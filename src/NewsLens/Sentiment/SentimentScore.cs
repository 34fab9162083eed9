namespace NewsLens;

/// <summary>VADER's scores for one text: the proportions of negative, neutral and positive weight, and the compound score.</summary>
/// <remarks>
/// Rounded like the reference implementation: the proportions to 3 decimals, <see cref="Compound"/> (normalised to
/// [-1, 1]) to 4 decimals.
/// </remarks>
public readonly record struct SentimentScore(double Negative, double Neutral, double Positive, double Compound)
{
    /// <summary>The conventional cut-off: compound ≥ 0.05 is positive, ≤ -0.05 negative, anything between neutral.</summary>
    public const double Threshold = 0.05;

    public SentimentLabel Label => Classify(Compound);

    public static SentimentLabel Classify(double compound) =>
        compound >= Threshold ? SentimentLabel.Positive
        : compound <= -Threshold ? SentimentLabel.Negative
        : SentimentLabel.Neutral;
}

/// <summary>The class of a compound score under the ±0.05 convention.</summary>
public enum SentimentLabel
{
    Negative,
    Neutral,
    Positive,
}
