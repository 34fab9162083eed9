using System.Globalization;
using System.Runtime.InteropServices;

namespace NewsLens;

/// <summary>A token of a text: a run of word characters, or one punctuation character. Whitespace is never a token.</summary>
internal readonly record struct Token(int Start, int End, bool IsWord)
{
    public int Length => End - Start;
}

/// <summary>
/// The library's one tokenizer. <see cref="Tokenize(string, List{Token})"/> gives the fine tokens actor matching works
/// on ("O'Brien" → O ' Brien); <see cref="WordEnd"/> gives the compound words quote attribution works on ("O'Brien",
/// "U.S.", "Mr.", "Jean-Noel"). Both share one definition of a word character and one abbreviation list.
/// </summary>
internal static class Tokenizer
{
    /// <summary>Letters, digits and combining marks ("é" written as e + U+0301 stays one word).</summary>
    /// <remarks>Combining marks start at U+0300: below it (nearly every character of English text) the Latin-1 table answers alone.</remarks>
    public static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || (c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Tokenizes into <paramref name="tokens"/> (cleared first), so a caller can reuse one list for many texts.</summary>
    public static void Tokenize(string text, List<Token> tokens)
    {
        // Written straight into the list's storage, sized for a typical text (a token per 4 characters) and grown on demand.
        CollectionsMarshal.SetCount(tokens, text.Length / 4 + 16);
        var written = CollectionsMarshal.AsSpan(tokens);
        var n = 0;
        var kinds = AsciiKinds;
        var i = 0;
        while (i < text.Length)
        {
            var kind = KindOf(text[i], kinds);
            if (kind == CharKind.Space)
            {
                i++;
                continue;
            }

            var start = i;
            if (kind == CharKind.Word)
            {
                for (i++; i < text.Length && KindOf(text[i], kinds) == CharKind.Word; i++)
                {
                }
            }
            else
            {
                i++;
            }

            if (n == written.Length)
            {
                CollectionsMarshal.SetCount(tokens, n + n / 2 + (text.Length - i) / 4 + 16);
                written = CollectionsMarshal.AsSpan(tokens);
            }

            written[n++] = new Token(start, i, kind == CharKind.Word);
        }

        CollectionsMarshal.SetCount(tokens, n);
    }

    private enum CharKind : byte
    {
        Space,
        Word,
        Punctuation,
    }

    // The kinds of the ASCII characters, looked up rather than classified: the tokenizer sees every character.
    private static readonly CharKind[] AsciiKinds = Enumerable.Range(0, 128).Select(c => Classify((char)c)).ToArray();

    private static CharKind KindOf(char c, CharKind[] ascii) => c < ascii.Length ? ascii[c] : Classify(c);

    private static CharKind Classify(char c) =>
        char.IsWhiteSpace(c) ? CharKind.Space : IsWordChar(c) ? CharKind.Word : CharKind.Punctuation;

    /// <summary>
    /// The end of the compound word starting at <paramref name="start"/> (a word character), before <paramref name="limit"/>:
    /// word characters joined by single inner apostrophes, hyphens, periods, ampersands or slashes ("Kyiv's", "U.S",
    /// "AT&amp;T"), then the period of a dotted acronym, an initial, a title or a name part ("U.S.", "J.", "Amb.", "Jr.").
    /// </summary>
    public static int WordEnd(string text, int start, int limit)
    {
        var i = start + 1;
        var dotted = false;
        while (i < limit)
        {
            var d = text[i];
            if (IsWordChar(d))
            {
                i++;
                continue;
            }

            if (d is '\'' or '’' or '-' or '.' or '&' or '/' or '‑' && i + 1 < limit && IsWordChar(text[i + 1]))
            {
                dotted |= d == '.';
                i += 2;
                continue;
            }

            break;
        }

        // A title's period stays with it; other abbreviations ("Inc.", "etc.") may end a sentence, which the
        // segmenter decides from what follows.
        if (i < limit && text[i] == '.' &&
            (dotted || (i - start == 1 && char.IsUpper(text[start])) || Abbreviations.KeepsPeriod(text.AsSpan(start, i - start))))
            i++;
        return i;
    }
}
