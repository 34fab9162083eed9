using System.Collections.Frozen;

namespace NewsLens;

/// <summary>The reporting verbs and phrases ("said", "told", "according to") that attribute a quotation.</summary>
/// <remarks>
/// Shipped as the embedded data file <c>Quotes/cue-verbs.txt</c>; <see cref="Load"/> reads a user file in the
/// same format and <see cref="Merge"/> adds it to the defaults. Regular inflections are generated from the base form.
/// </remarks>
public sealed class CueLexicon
{
    private readonly FrozenDictionary<string, CueEntry[]> _byFirstWord;

    private CueLexicon(IEnumerable<CueEntry> entries)
    {
        Entries = entries.DistinctBy(e => string.Join(' ', e.Words)).ToArray();
        _byFirstWord = Entries
            .GroupBy(e => e.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The shipped cue list.</summary>
    public static CueLexicon Default { get; } = Parse(QuoteResources.Read("cue-verbs.txt"), "cue-verbs.txt");

    internal IReadOnlyList<CueEntry> Entries { get; }

    /// <summary>Every surface form known (lower case), e.g. "said", "according to", "called for".</summary>
    public IReadOnlyCollection<string> Forms => Entries.Select(e => string.Join(' ', e.Words)).ToArray();

    /// <summary>Reads a cue file (see the shipped cue-verbs.txt for the format).</summary>
    public static CueLexicon Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"cue verb file not found: {path}", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses cue lines: "base [irregular forms...]", "multi word" or "= fixed phrase".</summary>
    public static CueLexicon Parse(string content, string source = "cues")
    {
        var entries = new List<CueEntry>();
        foreach (var (lineNumber, line) in DataLines.Read(content))
        {
            if (line[0] == '=')
            {
                var phrase = Words(line[1..]);
                if (phrase.Length == 0)
                    throw new FormatException($"{source}:{lineNumber}: empty fixed phrase");
                entries.Add(new CueEntry(phrase, phrase[0], SpeakerFollows: true));
                continue;
            }

            var words = Words(line);
            var lemma = words[0];
            // "call for": inflect the verb, keep the particle; "say said says saying": extra forms of one verb.
            var particle = words.Length == 2 && IsParticle(words[1]) ? words[1] : null;
            var forms = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { lemma };
            foreach (var form in Inflect(lemma))
                forms.Add(form);
            if (particle is null)
            {
                foreach (var form in words.Skip(1))
                    forms.Add(form);
            }

            foreach (var form in forms.Order(StringComparer.Ordinal))
                entries.Add(new CueEntry(particle is null ? [form] : [form, particle], lemma, SpeakerFollows: false));
        }

        return new CueLexicon(entries);
    }

    /// <summary>This lexicon plus the entries of <paramref name="other"/>.</summary>
    public CueLexicon Merge(CueLexicon other) => new(Entries.Concat(other.Entries));

    /// <summary>Whether some cue starts with this word (a cheap test before matching).</summary>
    internal bool StartsCue(string word) => _byFirstWord.ContainsKey(word);

    /// <summary>The longest cue starting at <paramref name="index"/> of a word sequence, or null.</summary>
    internal CueEntry? Match(ReadOnlySpan<string> words, int index)
    {
        if (!_byFirstWord.TryGetValue(words[index], out var candidates))
            return null;
        foreach (var entry in candidates)
        {
            if (index + entry.Words.Length > words.Length)
                continue;
            var ok = true;
            for (var k = 1; k < entry.Words.Length && ok; k++)
                ok = string.Equals(words[index + k], entry.Words[k], StringComparison.OrdinalIgnoreCase);
            if (ok)
                return entry;
        }

        return null;
    }

    private static string[] Words(string line) =>
        line.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsParticle(string word) => word is "for" or "out" or "on" or "up" or "back" or "off";

    internal static IEnumerable<string> Inflect(string verb)
    {
        if (verb.Length < 2)
            yield break;
        var last = verb[^1];
        var consonantY = last == 'y' && !IsVowel(verb[^2]);
        yield return verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith('z') || verb.EndsWith("ch") || verb.EndsWith("sh")
            ? verb + "es"
            : consonantY ? verb[..^1] + "ies" : verb + "s";
        yield return last == 'e' ? verb + "d" : consonantY ? verb[..^1] + "ied" : verb + "ed";
        yield return last == 'e' && !verb.EndsWith("ee") ? verb[..^1] + "ing" : verb + "ing";
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}

/// <summary>One cue surface form: its words, its lemma, and whether the speaker comes after it ("according to X").</summary>
internal sealed record CueEntry(string[] Words, string Lemma, bool SpeakerFollows)
{
    public bool IsParticiple => Words[0].EndsWith("ing", StringComparison.Ordinal) && !SpeakerFollows;
}
