using System.Globalization;
using System.Text;

namespace NewsLens;

/// <summary>
/// The word knowledge statement linking uses: function words (never evidence of a shared utterance) and synonym
/// groups (equivalent renderings translations use, "U.S." / "United States" / "America"). Both are data files,
/// shipped as defaults and replaceable.
/// </summary>
public sealed class StatementWords
{
    private readonly Dictionary<string, (string[] Words, string Canonical)[]> phrasesByFirstWord;

    private StatementWords(HashSet<string> functionWords, Dictionary<string, (string[] Words, string Canonical)[]> phrases)
    {
        FunctionWords = functionWords;
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
        var phrases = new Dictionary<string, List<(string[] Words, string Canonical)>>(StringComparer.Ordinal);
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
            var canonical = entries[0].ToLowerInvariant();
            foreach (var entry in entries.Skip(1))
            {
                // Capitals mark an acronym as printed; the tokenizer gives acronyms as upper-case tokens.
                var isAcronym = entry.Any(char.IsUpper) && entry.All(c => !char.IsLetter(c) || char.IsUpper(c));
                var tokens = StatementText.Words(isAcronym ? entry : entry.ToLowerInvariant()).ToArray();
                if (tokens.Length == 0)
                    continue;
                if (!phrases.TryGetValue(tokens[0], out var list))
                    phrases[tokens[0]] = list = [];
                list.Add((tokens, canonical));
            }
        }

        return new StatementWords(words, phrases.ToDictionary(
            p => p.Key, p => p.Value.OrderByDescending(v => v.Words.Length).ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The longest synonym phrase starting at <paramref name="index"/>: its canonical form and length in words.</summary>
    internal bool TryMatch(IReadOnlyList<string> words, int index, out string canonical, out int length)
    {
        if (phrasesByFirstWord.TryGetValue(words[index], out var candidates))
        {
            foreach (var (phrase, form) in candidates)
            {
                if (index + phrase.Length > words.Count)
                    continue;
                var all = true;
                for (var k = 1; k < phrase.Length && all; k++)
                    all = string.Equals(words[index + k], phrase[k], StringComparison.Ordinal);
                if (all)
                {
                    canonical = form;
                    length = phrase.Length;
                    return true;
                }
            }
        }

        canonical = "";
        length = 0;
        return false;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
}

/// <summary>A quotation's words as statement linking compares them: normalised word sequence plus content terms.</summary>
internal static class StatementText
{
    /// <summary>
    /// Words of a text: lower case, diacritics and punctuation dropped, contractions expanded ("don't" → "do not",
    /// "I'll" → "I will"), a number split from its unit ("2.6million" → "2.6 million"), editorial brackets removed.
    /// Acronyms printed in capitals ("US", "U.S.") come out in capitals so "US" is not the pronoun "us".
    /// </summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>(text.Length / 5 + 1);
        var buffer = new StringBuilder(16);
        var depth = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '[')
            {
                depth++;
                i++;
                continue;
            }

            if (c == ']')
            {
                depth = Math.Max(0, depth - 1);
                i++;
                continue;
            }

            if (depth > 0 || !char.IsLetterOrDigit(c))
            {
                if (c == '%' && depth == 0)
                    words.Add("%");
                i++;
                continue;
            }

            // A dotted acronym: U.S., U.K., E.U.
            if (char.IsUpper(c) && i + 3 < text.Length + 1 && IsDottedAcronym(text, i, out var acronymEnd, out var letters))
            {
                words.Add(letters);
                i = acronymEnd;
                continue;
            }

            var start = i;
            var digits = char.IsDigit(c);
            while (i < text.Length)
            {
                var d = text[i];
                if (char.IsLetterOrDigit(d) && char.IsDigit(d) == digits)
                {
                    i++;
                    continue;
                }

                // Decimal and thousands separators stay inside a number.
                if (digits && (d == '.' || d == ',') && i + 1 < text.Length && char.IsDigit(text[i + 1]))
                {
                    i++;
                    continue;
                }

                break;
            }

            var word = text.AsSpan(start, i - start);
            var upper = !digits && word.Length >= 2 && word.Length <= 5 && IsAllUpper(word);
            AddWord(words, word, upper, buffer);

            // Contractions: an apostrophe followed by a clitic.
            if (i + 1 < text.Length && IsApostrophe(text[i]) && char.IsLetter(text[i + 1]))
            {
                var end = i + 1;
                while (end < text.Length && char.IsLetter(text[end]))
                    end++;
                var clitic = text.AsSpan(i + 1, end - i - 1).ToString().ToLowerInvariant();
                string? expanded = clitic switch
                {
                    "ll" => "will",
                    "re" => "are",
                    "ve" => "have",
                    "m" => "am",
                    "d" => "would",
                    "s" => "",
                    "t" when words.Count > 0 && words[^1].EndsWith('n') => "not",
                    _ => null,
                };
                if (expanded is not null)
                {
                    if (clitic == "t")
                    {
                        // don't -> do not, can't -> can not, won't -> will not
                        var stem = words[^1][..^1];
                        words[^1] = stem switch { "wo" => "will", "ca" => "can", "sha" => "shall", _ => stem };
                    }

                    if (expanded.Length > 0)
                        words.Add(expanded);
                    i = end;
                }
            }
        }

        return words;
    }

    private static void AddWord(List<string> words, ReadOnlySpan<char> word, bool keepCase, StringBuilder buffer)
    {
        buffer.Clear();
        var source = word.ToString().Normalize(NormalizationForm.FormD);
        foreach (var ch in source)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
                continue;
            buffer.Append(keepCase ? ch : char.ToLowerInvariant(ch));
        }

        words.Add(buffer.ToString());
    }

    private static bool IsDottedAcronym(string text, int i, out int end, out string letters)
    {
        var sb = new StringBuilder(4);
        var k = i;
        while (k + 1 < text.Length && char.IsUpper(text[k]) && text[k + 1] == '.')
        {
            sb.Append(text[k]);
            k += 2;
        }

        end = k;
        letters = sb.ToString();
        return sb.Length >= 2 && (k >= text.Length || !char.IsLetter(text[k]));
    }

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (var ch in word)
        {
            if (!char.IsUpper(ch))
                return false;
        }

        return true;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>
    /// Content terms of a word sequence: synonym phrases replaced by their canonical form, function words dropped,
    /// the rest reduced to a crude stem so "wanted"/"want", "representatives"/"representative" meet.
    /// Returns the words (lower case, synonyms applied) and, for each word, its content term (null for function words).
    /// </summary>
    public static (List<string> Words, List<string?> Terms) Analyse(string text, StatementWords lexicon)
    {
        var raw = Words(text);
        var words = new List<string>(raw.Count);
        var terms = new List<string?>(raw.Count);
        for (var i = 0; i < raw.Count;)
        {
            if (lexicon.TryMatch(raw, i, out var canonical, out var length))
            {
                words.Add(canonical);
                terms.Add(canonical);
                i += length;
                continue;
            }

            var word = raw[i].ToLowerInvariant();
            words.Add(word);
            terms.Add(!lexicon.FunctionWords.Contains(word) && (word.Length > 1 || char.IsDigit(word[0])) ? Stem(word) : null);
            i++;
        }

        return (words, terms);
    }

    private static readonly string[] Suffixes = ["ations", "ation", "ements", "ement", "ings", "ing", "edly", "ies", "ied", "ed", "es", "ly", "s", "e"];

    /// <summary>A light suffix stripper: enough to meet inflections, never so strong it merges unrelated words.</summary>
    internal static string Stem(string word)
    {
        if (word.Length < 5 || char.IsDigit(word[0]))
            return word;
        foreach (var suffix in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3)
                return suffix is "ies" or "ied" ? word[..^suffix.Length] + "y" : word[..^suffix.Length];
        }

        return word;
    }
}
