using System.Globalization;

namespace NewsLens;

/// <summary>
/// The word knowledge statement linking uses: function words (never evidence of a shared utterance) and synonym
/// groups (equivalent renderings translations use, "U.S." / "United States" / "America"). Both are data files,
/// shipped as defaults and replaceable.
/// </summary>
public sealed class StatementWords
{
    // Synonym phrases by the hash of their first word as printed; each with its canonical form's word and term hashes.
    private readonly Dictionary<ulong, (ulong[] Words, (ulong Word, ulong Term) Canonical)[]> phrasesByFirstWord;
    private readonly HashSet<ulong> functionWordHashes;

    private StatementWords(HashSet<string> functionWords, Dictionary<ulong, (ulong[] Words, (ulong Word, ulong Term) Canonical)[]> phrases)
    {
        FunctionWords = functionWords;
        functionWordHashes = functionWords.Select(w => StatementText.Hash(w, lowerCase: true)).ToHashSet();
        phrasesByFirstWord = phrases;
    }

    /// <summary>The shipped lists (<c>Statements/statement-words.txt</c>, <c>Statements/statement-synonyms.txt</c>).</summary>
    public static StatementWords Default { get; } = Parse(QuoteResources.Read("statement-words.txt"), QuoteResources.Read("statement-synonyms.txt"));

    /// <summary>Lower-case words that carry no content.</summary>
    public IReadOnlySet<string> FunctionWords { get; }

    /// <summary>Loads both lists from files of the shipped format.</summary>
    public static StatementWords Load(string functionWordsFile, string synonymsFile)
    {
        try
        {
            return Parse(File.ReadAllText(functionWordsFile), File.ReadAllText(synonymsFile));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{synonymsFile}: {e.Message}", e);
        }
    }

    internal static StatementWords Parse(string functionWords, string synonyms)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Lines(functionWords))
            words.Add(line.ToLowerInvariant());
        var phrases = new Dictionary<ulong, List<(ulong[] Words, (ulong Word, ulong Term) Canonical)>>();
        var number = 0;
        foreach (var raw in synonyms.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var entries = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (entries.Length < 2)
                throw new FormatException($"line {number}: a synonym group needs at least two entries separated by '|'");
            var canonical = (StatementText.PhraseHash(entries[0].ToLowerInvariant()), StatementText.TermHash(entries[0].ToLowerInvariant()));
            foreach (var entry in entries.Skip(1))
            {
                // Capitals mark an acronym as printed; the tokenizer gives acronyms as upper-case tokens.
                var isAcronym = entry.Any(char.IsUpper) && entry.All(c => !char.IsLetter(c) || char.IsUpper(c));
                var tokens = StatementText.Words(isAcronym ? entry : entry.ToLowerInvariant()).Select(w => StatementText.Hash(w, lowerCase: false)).ToArray();
                if (tokens.Length == 0)
                    continue;
                if (!phrases.TryGetValue(tokens[0], out var list))
                    phrases[tokens[0]] = list = [];
                list.Add((tokens, canonical));
            }
        }

        return new StatementWords(words, phrases.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(v => v.Words.Length).ToArray()));
    }

    /// <summary>Whether a word (its lower-case hash) is a function word.</summary>
    internal bool IsFunctionWord(ulong lowerCaseHash) => functionWordHashes.Contains(lowerCaseHash);

    /// <summary>The longest synonym phrase starting at <paramref name="index"/> of words hashed as printed: its canonical form and length in words.</summary>
    internal bool TryMatch(List<ulong> printed, int index, out (ulong Word, ulong Term) canonical, out int length)
    {
        if (phrasesByFirstWord.TryGetValue(printed[index], out var candidates))
        {
            foreach (var (phrase, form) in candidates)
            {
                if (index + phrase.Length > printed.Count)
                    continue;
                var all = true;
                for (var k = 1; k < phrase.Length && all; k++)
                    all = printed[index + k] == phrase[k];
                if (all)
                {
                    canonical = form;
                    length = phrase.Length;
                    return true;
                }
            }
        }

        canonical = default;
        length = 0;
        return false;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
}

/// <summary>
/// A quotation's words as statement linking compares them. Words come from the library's one tokenizer
/// (<see cref="Tokenizer"/>), folded (case, diacritics: <see cref="ActorText.Fold(char)"/>) into a reused buffer, and
/// are compared as 64-bit hashes, so linking a million quotes makes no string per word.
/// </summary>
internal static class StatementText
{
    /// <summary>
    /// Words of a text: lower case, diacritics and punctuation dropped, contractions expanded ("don't" → "do not",
    /// "I'll" → "I will"), a number split from its unit ("2.6million" → "2.6 million"), editorial brackets removed.
    /// Acronyms printed in capitals ("US", "U.S.") come out in capitals so "US" is not the pronoun "us".
    /// </summary>
    public static List<string> Words(string text)
    {
        var words = Normalise(text);
        var list = new List<string>(words.Count);
        for (var k = 0; k < words.Count; k++)
            list.Add(words.Text(k).ToString());
        return list;
    }

    /// <summary>How many words <see cref="Words"/> gives, without making them.</summary>
    public static int Count(string text) => Normalise(text).Count;

    /// <summary>
    /// Words and content terms of a text, as hashes: <paramref name="words"/> gets each word's hash (lower case,
    /// synonym phrases replaced by their canonical form), <paramref name="terms"/> the word's content term (function
    /// words dropped, a light stem, so "wanted"/"want" meet), or 0 for a function word. Both lists are cleared first.
    /// </summary>
    public static void Analyse(string text, StatementWords lexicon, List<ulong> words, List<ulong> terms)
    {
        words.Clear();
        terms.Clear();
        var normal = Normalise(text);
        var printed = normal.PrintedHashes;
        for (var i = 0; i < normal.Count;)
        {
            if (lexicon.TryMatch(printed, i, out var canonical, out var length))
            {
                words.Add(canonical.Word);
                terms.Add(canonical.Term);
                i += length;
                continue;
            }

            var word = normal.Text(i);
            var lower = Hash(word, lowerCase: true);
            words.Add(lower);
            terms.Add(!lexicon.IsFunctionWord(lower) && (word.Length > 1 || char.IsDigit(word[0])) ? StemHash(word) : 0);
            i++;
        }
    }

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    // Terms hash from another start than words, so a term never equals a word.
    private const ulong TermOffset = FnvOffset ^ 0x5bd1e9955bd1e995UL;

    /// <summary>FNV-1a over the characters of a word (lower-cased when asked: acronyms are stored as printed).</summary>
    internal static ulong Hash(ReadOnlySpan<char> word, bool lowerCase, ulong hash = FnvOffset)
    {
        foreach (var c in word)
        {
            hash ^= lowerCase ? char.ToLowerInvariant(c) : c;
            hash *= FnvPrime;
        }

        return hash == 0 ? 1 : hash; // 0 marks "no term"
    }

    /// <summary>The hash of a text's words joined by spaces, as a canonical synonym form is written.</summary>
    internal static ulong PhraseHash(string canonical) => Hash(canonical, lowerCase: true);

    internal static ulong TermHash(ReadOnlySpan<char> text) => Hash(text, lowerCase: true, TermOffset);

    private static readonly string[] Suffixes = ["ations", "ation", "ements", "ement", "ings", "ing", "edly", "ies", "ied", "ed", "es", "ly", "s", "e"];

    /// <summary>A light suffix stripper: enough to meet inflections, never so strong it merges unrelated words.</summary>
    internal static string Stem(string word)
    {
        var (length, y) = StemOf(word);
        return y ? string.Concat(word.AsSpan(0, length), "y") : word[..length];
    }

    // The stem as a prefix length of the word, and whether a "y" follows it ("studies" → "stud" + "y").
    private static (int Length, bool Y) StemOf(ReadOnlySpan<char> word)
    {
        if (word.Length < 5 || char.IsDigit(word[0]))
            return (word.Length, false);
        foreach (var suffix in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && word.Length - suffix.Length >= 3)
                return (word.Length - suffix.Length, suffix is "ies" or "ied");
        }

        return (word.Length, false);
    }

    private static ulong StemHash(ReadOnlySpan<char> word)
    {
        var (length, y) = StemOf(word);
        var hash = Hash(word[..length], lowerCase: true, TermOffset);
        return y ? Hash("y", lowerCase: true, hash) : hash;
    }

    [ThreadStatic]
    private static NormalWords? current;

    /// <summary>Normalises into this thread's buffer (valid until the next call on the thread).</summary>
    internal static NormalWords Normalise(string text)
    {
        var words = current ??= new NormalWords();
        words.Fill(text);
        return words;
    }

    /// <summary>A text's normalised words: spans of one folded character buffer, reused for every text.</summary>
    internal sealed class NormalWords
    {
        private readonly List<Token> tokens = [];
        private readonly List<(int Start, int Length)> spans = [];
        private readonly List<ulong> printed = [];
        private char[] chars = new char[256];
        private int used;

        public int Count => spans.Count;

        /// <summary>Word <paramref name="k"/> (acronyms in capitals, everything else folded to lower case).</summary>
        public ReadOnlySpan<char> Text(int k) => chars.AsSpan(spans[k].Start, spans[k].Length);

        /// <summary>Each word's hash as printed (case kept), for synonym phrases that match acronyms only.</summary>
        public List<ulong> PrintedHashes
        {
            get
            {
                if (printed.Count != spans.Count)
                {
                    printed.Clear();
                    for (var k = 0; k < spans.Count; k++)
                        printed.Add(Hash(Text(k), lowerCase: false));
                }

                return printed;
            }
        }

        public void Fill(string text)
        {
            Tokenizer.Tokenize(text, tokens);
            spans.Clear();
            printed.Clear();
            used = 0;
            if (chars.Length < text.Length + 16)
                chars = new char[Math.Max(text.Length + 16, 2 * chars.Length)];
            var depth = 0;
            for (var k = 0; k < tokens.Count; k++)
            {
                var token = tokens[k];
                if (!token.IsWord)
                {
                    var c = text[token.Start];
                    if (c == '[')
                        depth++;
                    else if (c == ']')
                        depth = Math.Max(0, depth - 1);
                    else if (c == '%' && depth == 0)
                        Add("%", fold: false);
                    continue;
                }

                if (depth > 0)
                    continue;

                // A dotted acronym: U.S., U.K., E.U. (single capitals each followed by a period).
                if (DottedAcronym(text, k, out var last))
                {
                    var start = used;
                    for (var a = k; a < last; a += 2)
                        chars[used++] = text[tokens[a].Start];
                    spans.Add((start, used - start));
                    k = last - 1;
                    continue;
                }

                k = WordRuns(text, k);
                k = Contraction(text, k);
            }
        }

        // Tokens k, k+1, ... alternate capital letter and adjacent period, at least two pairs, not followed by a letter.
        private bool DottedAcronym(string text, int k, out int end)
        {
            end = k;
            while (end + 1 < tokens.Count && tokens[end] is { IsWord: true, Length: 1 } letter && char.IsUpper(text[letter.Start])
                   && text[tokens[end + 1].Start] == '.' && tokens[end + 1].Start == letter.End)
            {
                end += 2;
                if (end < tokens.Count && tokens[end].Start != tokens[end - 1].End)
                    break;
            }

            var pairs = (end - k) / 2;
            if (pairs < 2)
                return false;
            // "U.S.A" would continue with a letter: then it is not an acronym ending here.
            return end >= tokens.Count || tokens[end].Start != tokens[end - 1].End || !char.IsLetter(text[tokens[end].Start]);
        }

        // A word token split into letter and digit runs; a number keeps its decimal and thousands separators
        // ("2.6million" is the tokens 2 . 6million: "2.6", "million"). Returns the last token consumed.
        private int WordRuns(string text, int k)
        {
            var token = tokens[k];
            var i = token.Start;
            var end = token.End;
            while (i < end)
            {
                var start = i;
                var digits = char.IsDigit(text[i]);
                while (i < end && char.IsDigit(text[i]) == digits)
                    i++;
                if (digits && i == end)
                {
                    // The number may go on past a separator: "2" "." "6million".
                    var numberStart = start;
                    while (k + 2 < tokens.Count && tokens[k + 1] is { IsWord: false } sep && sep.Start == end
                           && text[sep.Start] is '.' or ',' && tokens[k + 2].Start == sep.End && char.IsDigit(text[tokens[k + 2].Start]))
                    {
                        k += 2;
                        token = tokens[k];
                        i = token.Start;
                        end = token.End;
                        while (i < end && char.IsDigit(text[i]))
                            i++;
                        if (i < end)
                            break;
                    }

                    Add(text.AsSpan(numberStart, i - numberStart), fold: false);
                    continue;
                }

                var run = text.AsSpan(start, i - start);
                Add(run, fold: digits || run.Length < 2 || run.Length > 5 || !AllUpper(run));
            }

            return k;
        }

        // An apostrophe and a clitic after word token k: "'ll" → "will", "n't" → "not" (the stem before it fixed:
        // "won't" → "will not"), "'s" dropped. Returns the last token consumed.
        private int Contraction(string text, int k)
        {
            if (k + 2 >= tokens.Count || spans.Count == 0)
                return k;
            var apostrophe = tokens[k + 1];
            var clitic = tokens[k + 2];
            if (apostrophe.IsWord || apostrophe.Start != tokens[k].End || text[apostrophe.Start] is not ('\'' or '\u2019' or '\u02BC')
                || !clitic.IsWord || clitic.Start != apostrophe.End || !char.IsLetter(text[clitic.Start]))
                return k;
            var letters = 0;
            while (letters < clitic.Length && char.IsLetter(text[clitic.Start + letters]))
                letters++;
            Span<char> lower = stackalloc char[Math.Min(letters, 4)];
            if (letters > 3)
                return k;
            ActorText.Fold(text.AsSpan(clitic.Start, letters), lower);
            var last = spans[^1];
            string? expanded = lower switch
            {
                "ll" => "will",
                "re" => "are",
                "ve" => "have",
                "m" => "am",
                "d" => "would",
                "s" => "",
                "t" when chars[last.Start + last.Length - 1] is 'n' or 'N' => "not",
                _ => null,
            };
            if (expanded is null)
                return k;
            if (lower is "t")
            {
                // don't -> do not, can't -> can not, won't -> will not
                var stem = chars.AsSpan(last.Start, last.Length - 1);
                spans.RemoveAt(spans.Count - 1);
                used = last.Start;
                Add(stem.SequenceEqual("wo") ? "will" : stem.SequenceEqual("ca") ? "can" : stem.SequenceEqual("sha") ? "shall" : stem, fold: true);
            }

            if (expanded.Length > 0)
                Add(expanded, fold: false);
            if (letters < clitic.Length)
            {
                // Digits glued to the clitic ("n't2") are words of their own.
                tokens[k + 2] = clitic with { Start = clitic.Start + letters };
                return WordRuns(text, k + 2);
            }

            return k + 2;
        }

        private void Add(ReadOnlySpan<char> word, bool fold)
        {
            if (used + word.Length > chars.Length)
                Array.Resize(ref chars, Math.Max(chars.Length * 2, used + word.Length));
            var start = used;
            foreach (var c in word)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                    continue; // combining accents: "é" written as e + U+0301 is "e"
                chars[used++] = fold ? ActorText.Fold(c) : c;
            }

            if (used > start)
                spans.Add((start, used - start));
        }

        private static bool AllUpper(ReadOnlySpan<char> word)
        {
            foreach (var c in word)
            {
                if (!char.IsUpper(c))
                    return false;
            }

            return true;
        }
    }
}
