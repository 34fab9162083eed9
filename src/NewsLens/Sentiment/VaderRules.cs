namespace NewsLens;

/// <summary>
/// The fixed constants of the VADER algorithm (Hutto &amp; Gilbert 2014), as in the reference implementation: they are
/// part of the method (empirically derived weights and closed word lists), not tunable knowledge, so they live here
/// rather than in a data file. Only the lexicon is meant to be replaced.
/// </summary>
internal static class VaderRules
{
    /// <summary>Mean rating increase a booster ("very") adds; dampeners ("slightly") subtract it.</summary>
    public const double BoosterIncrement = 0.293;

    public const double BoosterDecrement = -0.293;

    /// <summary>Mean rating increase for a word in ALL CAPS among mixed-case words.</summary>
    public const double CapsIncrement = 0.733;

    /// <summary>Negation multiplies the valence by this.</summary>
    public const double NegationScalar = -0.74;

    /// <summary>Compound normalisation: x / sqrt(x² + alpha).</summary>
    public const double Alpha = 15;

    public const double ExclamationIncrement = 0.292;

    public const double QuestionIncrement = 0.18;

    public const double QuestionCap = 0.96;

    public static readonly string[] Negations =
    [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    ];

    private static readonly string[] BoosterWords =
    [
        "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
        "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
        "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
        "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
        "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely", "quite",
        "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous", "tremendously",
        "uber", "unbelievably", "unusually", "utter", "utterly", "very",
    ];

    private static readonly string[] DampenerWords =
    [
        "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little",
        "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly",
        "somewhat", "sort of", "sorta", "sortof", "sort-of",
    ];

    /// <summary>Boosters and dampeners ("degree adverbs"); the multi-word ones only count in the idiom check.</summary>
    public static readonly IReadOnlyDictionary<string, double> Boosters =
        BoosterWords.Select(word => KeyValuePair.Create(word, BoosterIncrement))
            .Concat(DampenerWords.Select(word => KeyValuePair.Create(word, BoosterDecrement)))
            .ToDictionary(StringComparer.Ordinal);

    /// <summary>Phrases whose valence replaces that of the lexicon word inside them ("the shit", "bad ass").</summary>
    public static readonly IReadOnlyDictionary<string, double> SpecialCases = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["the shit"] = 3, ["the bomb"] = 3, ["bad ass"] = 1.5, ["badass"] = 1.5, ["bus stop"] = 0.0,
        ["yeah right"] = -2, ["kiss of death"] = -1.5, ["to die for"] = 3,
        ["beating heart"] = 3.1, ["broken heart"] = -2.9,
    };
}
