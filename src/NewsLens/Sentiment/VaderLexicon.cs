using System.Globalization;
using System.Reflection;

namespace NewsLens;

/// <summary>A VADER lexicon: word → mean valence (-4 … +4). The shipped default is the reference lexicon; users load their own or override words.</summary>
/// <remarks>
/// Text files use VADER's format: one tab-separated entry per line, the word then its valence (further fields, such
/// as the standard deviation and the raw ratings, are ignored). A later entry for the same word wins.
/// </remarks>
public sealed class VaderLexicon
{
    private const string ResourceName = "NewsLens.Sentiment.vader_lexicon.txt";

    private static readonly Lazy<VaderLexicon> DefaultLexicon = new(LoadDefault);

    private VaderLexicon(IReadOnlyDictionary<string, double> valences) => Valences = valences;

    /// <summary>The reference lexicon shipped with NewsLens (see Sentiment/README.md for its provenance).</summary>
    public static VaderLexicon Default => DefaultLexicon.Value;

    /// <summary>The entries, keyed by the word as written in the file (VADER matches lower-cased tokens against them).</summary>
    public IReadOnlyDictionary<string, double> Valences { get; }

    public int Count => Valences.Count;

    /// <summary>Reads a lexicon file; a malformed line raises a <see cref="FormatException"/> naming the file and line.</summary>
    public static VaderLexicon Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Reads a lexicon from text; <paramref name="source"/> names it in error messages.</summary>
    public static VaderLexicon Parse(TextReader reader, string source = "lexicon")
    {
        var valences = new Dictionary<string, double>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var entry = line.AsSpan().Trim();
            if (entry.IsEmpty)
                continue;
            var tab = entry.IndexOf('\t');
            if (tab <= 0)
                throw new FormatException($"{source}:{lineNumber}: expected 'word<TAB>valence', found '{Shorten(line)}'");
            var rest = entry[(tab + 1)..];
            var nextTab = rest.IndexOf('\t');
            var measure = nextTab < 0 ? rest : rest[..nextTab];
            if (!double.TryParse(measure.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
                throw new FormatException($"{source}:{lineNumber}: valence '{Shorten(measure.ToString())}' is not a number");
            valences[entry[..tab].ToString()] = valence;
        }

        return new VaderLexicon(valences);
    }

    /// <summary>A copy with some words added or re-rated (domain terms); keys are lower-cased, as VADER matches lower-cased tokens.</summary>
    public VaderLexicon With(IEnumerable<KeyValuePair<string, double>> overrides)
    {
        var valences = new Dictionary<string, double>(Valences, StringComparer.Ordinal);
        foreach (var (word, valence) in overrides)
        {
            if (string.IsNullOrWhiteSpace(word) || word.Any(char.IsWhiteSpace))
                throw new ArgumentException($"lexicon override '{word}' must be a single word");
            valences[word.ToLowerInvariant()] = valence;
        }

        return new VaderLexicon(valences);
    }

    /// <summary>A copy without the given words.</summary>
    public VaderLexicon Without(IEnumerable<string> words)
    {
        var valences = new Dictionary<string, double>(Valences, StringComparer.Ordinal);
        foreach (var word in words)
        {
            valences.Remove(word);
            valences.Remove(word.ToLowerInvariant());
        }

        return new VaderLexicon(valences);
    }

    private static VaderLexicon LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader, "vader_lexicon.txt");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
