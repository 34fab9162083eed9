using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace NewsLens;

/// <summary>
/// VADER sentiment (Hutto &amp; Gilbert 2014), giving the reference implementation's numbers (cjhutto/vaderSentiment):
/// lexicon valences adjusted for boosters and dampeners, ALL-CAPS emphasis, negation within three words, "never
/// so/this", "without doubt", "least", contrastive "but", idioms, and exclamation/question-mark emphasis.
/// </summary>
/// <remarks>
/// Thread-safe and allocation-free per call (tokens live in stack or pooled buffers), so one instance serves a whole
/// corpus. VADER is meant for single sentences; <see cref="SentimentExtensions.Sentiment(IEnumerable{Article}, Vader?)"/>
/// scores an article sentence by sentence.
/// </remarks>
public sealed class Vader
{
    private const int StackTokens = 96;
    private const int StackChars = 384;

    private static readonly Lazy<Vader> DefaultVader = new(() => new Vader());

    private readonly FrozenDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _specialCases;
    private readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _phraseBoosters;
    private readonly EmojiLexicon? _emoji;

    public Vader(VaderOptions? options = null)
    {
        options ??= new VaderOptions();
        var lexicon = options.Lexicon ?? VaderLexicon.Default;
        if (options.Overrides is { Count: > 0 } overrides)
            lexicon = lexicon.With(overrides);
        Lexicon = lexicon;
        _emoji = options.Emoji;
        _words = BuildWordTable(lexicon).GetAlternateLookup<ReadOnlySpan<char>>();
        _specialCases = VaderRules.SpecialCases.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _phraseBoosters = VaderRules.Boosters.Where(entry => entry.Key.Contains(' ')).ToFrozenDictionary(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A shared instance with the reference lexicon.</summary>
    public static Vader Default => DefaultVader.Value;

    /// <summary>The lexicon in use (overrides applied).</summary>
    public VaderLexicon Lexicon { get; }

    public SentimentScore Score(string text) => Score(text.AsSpan());

    /// <summary>Scores one text as a whole (no sentence splitting), like the reference's <c>polarity_scores</c>.</summary>
    public SentimentScore Score(ReadOnlySpan<char> text)
    {
        if (_emoji?.Replace(text) is { } described)
            text = described;

        // At most one token per two characters (a token and the space after it).
        var maxTokens = text.Length / 2 + 1;
        var maxChars = text.Length * 2; // lower-casing "İ" gives two characters
        Token[]? rentedTokens = null;
        double[]? rentedValences = null;
        char[]? rentedChars = null;
        Span<Token> tokens = maxTokens <= StackTokens ? stackalloc Token[StackTokens] : (rentedTokens = ArrayPool<Token>.Shared.Rent(maxTokens));
        Span<double> valences = maxTokens <= StackTokens ? stackalloc double[StackTokens] : (rentedValences = ArrayPool<double>.Shared.Rent(maxTokens));
        Span<char> lower = maxChars <= StackChars ? stackalloc char[StackChars] : (rentedChars = ArrayPool<char>.Shared.Rent(maxChars));
        try
        {
            var count = Tokenize(text, tokens, lower, out var capsDifferential);
            return ScoreTokens(text, tokens[..count], lower, valences[..count], capsDifferential);
        }
        finally
        {
            if (rentedTokens is not null)
                ArrayPool<Token>.Shared.Return(rentedTokens);
            if (rentedValences is not null)
                ArrayPool<double>.Shared.Return(rentedValences);
            if (rentedChars is not null)
                ArrayPool<char>.Shared.Return(rentedChars);
        }
    }

    // ---- tokens -------------------------------------------------------------------------------------------------

    /// <summary>Splits on whitespace, strips surrounding punctuation from words (not from emoticons), lower-cases.</summary>
    private int Tokenize(ReadOnlySpan<char> text, Span<Token> tokens, Span<char> lower, out bool capsDifferential)
    {
        var count = 0;
        var upper = 0;
        var used = 0;
        var position = 0;
        while (true)
        {
            while (position < text.Length && PythonText.IsWhiteSpace(text[position]))
                position++;
            if (position == text.Length)
                break;
            var start = position;
            while (position < text.Length && !PythonText.IsWhiteSpace(text[position]))
                position++;
            var word = PythonText.StripPunctuationIfWord(text[start..position]);
            var length = PythonText.ToLower(word, lower[used..], out var isUpper);
            ref var token = ref tokens[count++];
            token.LowerStart = used;
            token.LowerLength = length;
            token.IsUpper = isUpper;
            token.Info = _words.TryGetValue(lower.Slice(used, length), out var info) ? info : default;
            used += length;
            if (isUpper)
                upper++;
        }

        // Capitals emphasise only when some, not all, words are in capitals.
        capsDifferential = upper > 0 && upper < count;
        return count;
    }

    private SentimentScore ScoreTokens(ReadOnlySpan<char> text, ReadOnlySpan<Token> words, ReadOnlySpan<char> lower, Span<double> valences, bool capsDifferential)
    {
        if (words.IsEmpty)
            return default;
        for (var i = 0; i < words.Length; i++)
        {
            ref readonly var info = ref words[i].Info;
            // Boosters and "kind of" modify their neighbours and carry no valence of their own.
            if (info.IsBooster || (info.Keyword == Keyword.Kind && i < words.Length - 1 && words[i + 1].Info.Keyword == Keyword.Of))
                valences[i] = 0;
            else
                valences[i] = info.InLexicon ? Valence(words, lower, i, capsDifferential) : 0;
        }

        ButCheck(words, valences);
        return Summarize(text, valences);
    }

    private double Valence(ReadOnlySpan<Token> words, ReadOnlySpan<char> lower, int i, bool capsDifferential)
    {
        ref readonly var word = ref words[i];
        var lexiconValence = word.Info.Valence;
        var valence = lexiconValence;

        // "no" before another lexicon word negates it rather than counting on its own.
        if (word.Info.Keyword == Keyword.No && i != words.Length - 1 && words[i + 1].Info.InLexicon)
            valence = 0.0;
        if ((i > 0 && words[i - 1].Info.Keyword == Keyword.No)
            || (i > 1 && words[i - 2].Info.Keyword == Keyword.No)
            || (i > 2 && words[i - 3].Info.Keyword == Keyword.No && words[i - 1].Info.Keyword is Keyword.Or or Keyword.Nor))
            valence = lexiconValence * VaderRules.NegationScalar;

        if (word.IsUpper && capsDifferential)
            valence = valence > 0 ? valence + VaderRules.CapsIncrement : valence - VaderRules.CapsIncrement;

        // Up to three preceding non-lexicon words: boosters (fading with distance), negations, idioms.
        for (var distance = 0; distance < 3; distance++)
        {
            if (i <= distance || words[i - distance - 1].Info.InLexicon)
                continue;
            var scalar = BoosterScalar(words[i - distance - 1], valence, capsDifferential);
            if (distance == 1 && scalar != 0)
                scalar *= 0.95;
            if (distance == 2 && scalar != 0)
                scalar *= 0.9;
            valence += scalar;
            valence = NegationCheck(valence, words, lower, distance, i);
            if (distance == 2)
                valence = IdiomCheck(valence, words, lower, i);
        }

        return LeastCheck(valence, words, i);
    }

    private static double BoosterScalar(in Token word, double valence, bool capsDifferential)
    {
        if (!word.Info.IsBooster)
            return 0.0;
        var scalar = word.Info.Booster;
        if (valence < 0)
            scalar *= -1;
        if (word.IsUpper && capsDifferential)
            scalar = valence > 0 ? scalar + VaderRules.CapsIncrement : scalar - VaderRules.CapsIncrement;
        return scalar;
    }

    private static double NegationCheck(double valence, ReadOnlySpan<Token> words, ReadOnlySpan<char> lower, int distance, int i)
    {
        switch (distance)
        {
            case 0:
                if (IsNegated(words[i - 1], lower))
                    valence *= VaderRules.NegationScalar;
                break;
            case 1:
                if (words[i - 2].Info.Keyword == Keyword.Never && words[i - 1].Info.Keyword is Keyword.So or Keyword.This)
                    valence *= 1.25;
                else if (!(words[i - 2].Info.Keyword == Keyword.Without && words[i - 1].Info.Keyword == Keyword.Doubt) // "without doubt" affirms
                    && IsNegated(words[i - 2], lower))
                    valence *= VaderRules.NegationScalar;
                break;
            case 2:
                // The reference's precedence: (never and so/this two back) or so/this right before.
                if ((words[i - 3].Info.Keyword == Keyword.Never && words[i - 2].Info.Keyword is Keyword.So or Keyword.This)
                    || words[i - 1].Info.Keyword is Keyword.So or Keyword.This)
                    valence *= 1.25;
                else if (!(words[i - 3].Info.Keyword == Keyword.Without
                        && (words[i - 2].Info.Keyword == Keyword.Doubt || words[i - 1].Info.Keyword == Keyword.Doubt))
                    && IsNegated(words[i - 3], lower))
                    valence *= VaderRules.NegationScalar;
                break;
        }

        return valence;
    }

    private static bool IsNegated(in Token word, ReadOnlySpan<char> lower) =>
        word.Info.IsNegation || lower.Slice(word.LowerStart, word.LowerLength).Contains("n't", StringComparison.Ordinal);

    private double IdiomCheck(double valence, ReadOnlySpan<Token> words, ReadOnlySpan<char> lower, int i)
    {
        // Phrases ending at or just before the word, in the reference's order; the first found replaces the valence.
        if (TryPhrase(_specialCases, words, lower, i - 1, 2, out var special)
            || TryPhrase(_specialCases, words, lower, i - 2, 3, out special)
            || TryPhrase(_specialCases, words, lower, i - 2, 2, out special)
            || TryPhrase(_specialCases, words, lower, i - 3, 3, out special)
            || TryPhrase(_specialCases, words, lower, i - 3, 2, out special))
            valence = special;

        // Phrases starting at the word override that.
        if (words.Length - 1 > i && TryPhrase(_specialCases, words, lower, i, 2, out special))
            valence = special;
        if (words.Length - 1 > i + 1 && TryPhrase(_specialCases, words, lower, i, 3, out special))
            valence = special;

        // Multi-word dampeners before the word ("kind of", "sort of", "just enough").
        if (TryPhrase(_phraseBoosters, words, lower, i - 3, 3, out var booster))
            valence += booster;
        if (TryPhrase(_phraseBoosters, words, lower, i - 3, 2, out booster))
            valence += booster;
        if (TryPhrase(_phraseBoosters, words, lower, i - 2, 2, out booster))
            valence += booster;
        return valence;
    }

    private static bool TryPhrase(
        FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> phrases,
        ReadOnlySpan<Token> words,
        ReadOnlySpan<char> lower,
        int start,
        int length,
        out double value)
    {
        value = 0;
        var keyLength = length - 1;
        for (var k = start; k < start + length; k++)
        {
            if (!words[k].Info.IsPhraseWord)
                return false; // cheap reject: every phrase word is in the word table
            keyLength += words[k].LowerLength;
        }

        Span<char> key = stackalloc char[keyLength];
        var at = 0;
        for (var k = start; k < start + length; k++)
        {
            if (k > start)
                key[at++] = ' ';
            lower.Slice(words[k].LowerStart, words[k].LowerLength).CopyTo(key[at..]);
            at += words[k].LowerLength;
        }

        return phrases.TryGetValue(key, out value);
    }

    private static double LeastCheck(double valence, ReadOnlySpan<Token> words, int i)
    {
        // "least" negates ("the least compelling"), except in "at least" and "very least".
        if (i > 1 && !words[i - 1].Info.InLexicon && words[i - 1].Info.Keyword == Keyword.Least)
        {
            if (words[i - 2].Info.Keyword is not (Keyword.At or Keyword.Very))
                valence *= VaderRules.NegationScalar;
        }
        else if (i > 0 && !words[i - 1].Info.InLexicon && words[i - 1].Info.Keyword == Keyword.Least)
        {
            valence *= VaderRules.NegationScalar;
        }

        return valence;
    }

    /// <summary>Halves the words before the first "but" and weights those after it by 1.5.</summary>
    /// <remarks>
    /// Replicates the reference exactly, including its quirk: it locates each value by its first occurrence in the
    /// list, so with repeated valences the first occurrence is scaled again and later ones are left alone.
    /// </remarks>
    private static void ButCheck(ReadOnlySpan<Token> words, Span<double> valences)
    {
        var but = -1;
        for (var k = 0; k < words.Length; k++)
        {
            if (words[k].Info.Keyword == Keyword.But)
            {
                but = k;
                break;
            }
        }

        if (but < 0)
            return;
        for (var p = 0; p < valences.Length; p++)
        {
            var value = valences[p];
            if (value == 0)
                continue; // scaling a zero changes nothing
            var first = 0;
            while (valences[first] != value)
                first++;
            if (first < but)
                valences[first] = value * 0.5;
            else if (first > but)
                valences[first] = value * 1.5;
        }
    }

    private static SentimentScore Summarize(ReadOnlySpan<char> text, ReadOnlySpan<double> valences)
    {
        var sum = PythonText.Sum(valences);
        var emphasis = PunctuationEmphasis(text);
        if (sum > 0)
            sum += emphasis;
        else if (sum < 0)
            sum -= emphasis;
        var compound = Normalize(sum);

        // Proportions: every non-neutral word also counts one neutral unit, compensated here.
        var positive = 0.0;
        var negative = 0.0;
        var neutral = 0;
        foreach (var value in valences)
        {
            if (value > 0)
                positive += value + 1;
            if (value < 0)
                negative += value - 1;
            if (value == 0)
                neutral++;
        }

        if (positive > Math.Abs(negative))
            positive += emphasis;
        else if (positive < Math.Abs(negative))
            negative -= emphasis;
        var total = positive + Math.Abs(negative) + neutral;
        return new SentimentScore(
            PythonText.Round(Math.Abs(negative / total), 3),
            PythonText.Round(Math.Abs(neutral / total), 3),
            PythonText.Round(Math.Abs(positive / total), 3),
            PythonText.Round(compound, 4));
    }

    private static double PunctuationEmphasis(ReadOnlySpan<char> text)
    {
        var exclamations = Math.Min(text.Count('!'), 4);
        var questions = text.Count('?');
        var questionEmphasis = questions <= 1 ? 0.0 : questions <= 3 ? questions * VaderRules.QuestionIncrement : VaderRules.QuestionCap;
        return exclamations * VaderRules.ExclamationIncrement + questionEmphasis;
    }

    private static double Normalize(double score)
    {
        var normalized = score / Math.Sqrt(score * score + VaderRules.Alpha);
        return Math.Clamp(normalized, -1.0, 1.0);
    }

    // ---- word table ---------------------------------------------------------------------------------------------

    private static FrozenDictionary<string, WordInfo> BuildWordTable(VaderLexicon lexicon)
    {
        var table = new Dictionary<string, WordInfo>(StringComparer.Ordinal);

        void Update(string word, Func<WordInfo, WordInfo> change) =>
            table[word] = change(table.TryGetValue(word, out var info) ? info : default);

        foreach (var (word, valence) in lexicon.Valences)
            Update(word, info => info with { InLexicon = true, Valence = valence });
        foreach (var (phrase, booster) in VaderRules.Boosters)
        {
            if (!phrase.Contains(' '))
                Update(phrase, info => info with { IsBooster = true, Booster = booster });
        }

        foreach (var word in VaderRules.Negations)
            Update(word, info => info with { IsNegation = true });
        foreach (var phrase in VaderRules.SpecialCases.Keys.Concat(VaderRules.Boosters.Keys.Where(key => key.Contains(' '))))
        {
            foreach (var word in phrase.Split(' '))
                Update(word, info => info with { IsPhraseWord = true });
        }

        foreach (var keyword in Enum.GetValues<Keyword>())
        {
            if (keyword != Keyword.None)
                Update(keyword.ToString().ToLowerInvariant(), info => info with { Keyword = keyword });
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Function words the rules test for.</summary>
    private enum Keyword : byte
    {
        None,
        No,
        Never,
        So,
        This,
        Without,
        Doubt,
        Least,
        At,
        Very,
        Kind,
        Of,
        But,
        Or,
        Nor,
    }

    /// <summary>Everything the rules need to know about a lower-cased word, found with one lookup.</summary>
    private readonly record struct WordInfo(
        bool InLexicon,
        double Valence,
        bool IsBooster,
        double Booster,
        bool IsNegation,
        bool IsPhraseWord,
        Keyword Keyword);

    [StructLayout(LayoutKind.Auto)]
    private struct Token
    {
        public int LowerStart;
        public int LowerLength;
        public bool IsUpper;
        public WordInfo Info;
    }
}
