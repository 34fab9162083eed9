using System.Text;

namespace NewsLens;

/// <summary>Diacritics- and case-folding with a 1:1 character mapping, so offsets in folded text are offsets in the original.</summary>
internal static class ActorText
{
    private static readonly char[] FoldTable = BuildFoldTable();

    public static char Fold(char c) => c < FoldTable.Length ? FoldTable[c] : char.ToLowerInvariant(c);

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) => Fold(source, span));

    /// <summary>Folds <paramref name="source"/> into the first <c>source.Length</c> characters of <paramref name="destination"/>.</summary>
    public static void Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        // ASCII runs (most of an English text) fold as lower case, many characters at a time; the table takes the rest.
        var i = 0;
        while (i < source.Length)
        {
            Ascii.ToLower(source[i..], destination[i..], out var written);
            i += written;
            for (; i < source.Length && !char.IsAscii(source[i]); i++)
                destination[i] = Fold(source[i]);
        }

        destination[..source.Length].Replace('`', '\''); // the one ASCII character the table folds otherwise
    }

    // Reused on this thread by Key and FoldedWords: keys are made for every catalog look-up.
    [ThreadStatic]
    private static List<Token>? phraseTokens;

    /// <summary>The folded key of a phrase: its tokens joined by single spaces ("Russia’s  Foreign" → "russia ' s foreign").</summary>
    public static string Key(string phrase)
    {
        var tokens = phraseTokens ??= [];
        Tokenizer.Tokenize(phrase, tokens);
        if (tokens.Count == 0)
            return "";
        var folded = phrase.Length <= 256 ? stackalloc char[phrase.Length] : new char[phrase.Length];
        Fold(phrase, folded);
        return Join(folded, tokens, 0, tokens.Count);
    }

    /// <summary>Tokens [first, first + count) of <paramref name="source"/> joined by single spaces.</summary>
    public static string Join(ReadOnlySpan<char> source, List<Token> tokens, int first, int count)
    {
        if (count == 0)
            return "";
        var length = count - 1;
        for (var k = first; k < first + count; k++)
            length += tokens[k].Length;
        var joined = length <= 256 ? stackalloc char[length] : new char[length];
        var at = 0;
        for (var k = first; k < first + count; k++)
        {
            if (k > first)
                joined[at++] = ' ';
            source.Slice(tokens[k].Start, tokens[k].Length).CopyTo(joined[at..]);
            at += tokens[k].Length;
        }

        return new string(joined);
    }

    /// <summary>The folded words (tokens) of a phrase: "Le Pen" → ["le", "pen"].</summary>
    public static string[] FoldedWords(string phrase)
    {
        var tokens = phraseTokens ??= [];
        Tokenizer.Tokenize(phrase, tokens);
        var words = new string[tokens.Count];
        for (var k = 0; k < words.Length; k++)
            words[k] = string.Create(tokens[k].Length, (phrase, tokens[k].Start), static (span, s) => Fold(s.phrase.AsSpan(s.Start, span.Length), span));

        return words;
    }

    public static bool StartsUpper(ReadOnlySpan<char> token) => token.Length > 0 && char.IsUpper(token[0]);

    public static bool IsAllUpper(ReadOnlySpan<char> token)
    {
        var letters = 0;
        foreach (var c in token)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                    return false;
                letters++;
            }
        }

        return letters > 0;
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x2100];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            table[i] = char.ToLowerInvariant(c);
            if (c < 0x80 || char.IsSurrogate(c))
                continue;
            if (char.IsLetter(c))
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                if (decomposed.Length > 0 && decomposed[0] < 0x80 && char.IsLetter(decomposed[0]))
                    table[i] = char.ToLowerInvariant(decomposed[0]);
            }
        }

        // Letters without a canonical decomposition, and typographic punctuation folded to ASCII.
        foreach (var (from, to) in new[]
                 {
                     ('ł', 'l'), ('Ł', 'l'), ('đ', 'd'), ('Đ', 'd'), ('ø', 'o'), ('Ø', 'o'), ('ı', 'i'), ('ħ', 'h'),
                     ('’', '\''), ('‘', '\''), ('ʼ', '\''), ('`', '\''), ('´', '\''), ('′', '\''),
                     ('“', '"'), ('”', '"'), ('„', '"'), ('«', '"'), ('»', '"'),
                     ('–', '-'), ('—', '-'), ('‐', '-'), ('‑', '-'), ('\u00A0', ' '),
                 })
            table[from] = to;
        return table;
    }
}
