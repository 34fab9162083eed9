using System.Globalization;
using System.Runtime.CompilerServices;

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
    /// <remarks>ASCII answered inline, without the Unicode tables: most of any text, and its spaces and punctuation.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) : IsNonAsciiWordChar(c);

    private static bool IsNonAsciiWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Tokenizes into <paramref name="tokens"/> (cleared first), so a caller can reuse one list for many texts.</summary>
    public static void Tokenize(string text, List<Token> tokens)
    {
        tokens.Clear();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                    i++;
                tokens.Add(new Token(start, i, true));
                continue;
            }

            tokens.Add(new Token(i, i + 1, false));
            i++;
        }
    }

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
