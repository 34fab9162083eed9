namespace NewsLens;

/// <summary>How <see cref="Vader"/> scores: which lexicon, which words re-rated, which emoji lexicon.</summary>
/// <example><code>
/// var vader = new Vader(new VaderOptions { Overrides = new Dictionary&lt;string, double&gt; { ["shooting"] = 0 } });
/// </code></example>
public sealed record VaderOptions
{
    /// <summary>The lexicon; defaults to the shipped reference lexicon.</summary>
    public VaderLexicon? Lexicon { get; init; }

    /// <summary>Words added or re-rated on top of <see cref="Lexicon"/> (domain terms: "shooting" in sports news); valence -4 … +4.</summary>
    public IReadOnlyDictionary<string, double>? Overrides { get; init; }

    /// <summary>Emoji descriptions substituted before scoring; none by default (see <see cref="EmojiLexicon"/>).</summary>
    public EmojiLexicon? Emoji { get; init; }
}
