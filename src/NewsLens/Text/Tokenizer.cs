using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NewsLens;

/// <summary>A token of a text: a run of word characters, or one punctuation character. Whitespace is never a token.</summary>
internal readonly record struct Token(int Start, int End, bool IsWord)
{
    public int Length => End - Start;

    /// <summary>Whether the token starts with an upper-case letter: asked of most tokens by several passes, so the tokenizer answers it once.</summary>
    public bool IsCapitalised { get; init; }
}

/// <summary>
/// The library's one tokenizer. <see cref="Tokenize(string, List{Token})"/> gives the fine tokens actor matching works
/// on ("O'Brien" → O ' Brien); <see cref="WordEnd"/> gives the compound words quote attribution works on ("O'Brien",
/// "U.S.", "Mr.", "Jean-Noel"). Both share one definition of a word character and one abbreviation list.
/// </summary>
internal static class Tokenizer
{
    /// <summary>Letters, digits and combining marks ("é" written as e + U+0301 stays one word).</summary>
    /// <remarks>
    /// ASCII is answered inline (quote attribution's compound words ask this of every character); combining marks start
    /// at U+0300: below it the Latin-1 table answers alone.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) : IsNonAsciiWordChar(c);

    private static bool IsNonAsciiWordChar(char c) =>
        char.IsLetterOrDigit(c) || (c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Tokenizes into <paramref name="tokens"/> (cleared first), so a caller can reuse one list for many texts.</summary>
    /// <remarks>
    /// Sixty-four characters at a time where the hardware allows: vector compares mark the ASCII word characters and
    /// spaces of a block as bits (other characters are classified one by one), and tokens are read off where the bits
    /// change; a character loop takes the rest. Both give the same tokens.
    /// </remarks>
    public static void Tokenize(string text, List<Token> tokens)
    {
        var writer = new TokenWriter(tokens, text);
        var open = -1; // the start of a word still running at the end of the last block
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var previousWord = 0UL; // 1 when the character before the block is a word character
            for (; i + 64 <= text.Length; i += 64)
            {
                var (word, space) = Classify64(text.AsSpan(i, 64));
                var punctuation = ~(word | space);
                var starts = word & ~((word << 1) | previousWord);
                var ends = word & ~(word >> 1) & ~(1UL << 63); // a word's last character, unless it may run on
                if (open >= 0 && (word & 1) == 0)
                {
                    writer.Add(open, i, true);
                    open = -1;
                }

                for (var events = starts | ends | punctuation; events != 0; events &= events - 1)
                {
                    var bit = BitOperations.TrailingZeroCount(events);
                    var at = i + bit;
                    if ((punctuation >> bit & 1) != 0)
                    {
                        writer.Add(at, at + 1, false);
                        continue;
                    }

                    if ((starts >> bit & 1) != 0)
                        open = at;
                    if ((ends >> bit & 1) != 0)
                    {
                        writer.Add(open, at + 1, true);
                        open = -1;
                    }
                }

                previousWord = word >> 63;
            }
        }

        var kinds = AsciiKinds;
        if (open >= 0)
        {
            // A word running on from the last block.
            for (; i < text.Length && KindOf(text[i], kinds) == CharKind.Word; i++)
            {
            }

            writer.Add(open, i, true);
        }

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

            writer.Add(start, i, kind == CharKind.Word);
        }

        writer.Finish();
    }

    // Bits (character k of the block is bit k) of the word characters and of the spaces among 64 characters.
    private static (ulong Word, ulong Space) Classify64(ReadOnlySpan<char> block)
    {
        ulong word = 0, space = 0, other = 0;
        var chars = MemoryMarshal.Cast<char, ushort>(block);
        for (var v = 0; v < 8; v++)
        {
            var c = Vector128.Create(chars.Slice(v * 8, 8));
            var letter = Vector128.LessThan((c | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
            var digit = Vector128.LessThan(c - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
            var blank = Vector128.Equals(c, Vector128.Create((ushort)' ')) | Vector128.LessThan(c - Vector128.Create((ushort)9), Vector128.Create((ushort)5));
            var nonAscii = Vector128.GreaterThan(c, Vector128.Create((ushort)127));
            var shift = v * 8;
            word |= (ulong)(letter | digit).ExtractMostSignificantBits() << shift;
            space |= (ulong)blank.ExtractMostSignificantBits() << shift;
            other |= (ulong)nonAscii.ExtractMostSignificantBits() << shift;
        }

        // Beyond ASCII, one by one.
        word &= ~other;
        space &= ~other;
        for (; other != 0; other &= other - 1)
        {
            var bit = BitOperations.TrailingZeroCount(other);
            var kind = Classify(block[bit]);
            word |= kind == CharKind.Word ? 1UL << bit : 0;
            space |= kind == CharKind.Space ? 1UL << bit : 0;
        }

        return (word, space);
    }

    // Writes tokens straight into the list's storage, sized for a typical text (a token per 4 characters) and grown on demand.
    private ref struct TokenWriter
    {
        private readonly List<Token> tokens;
        private readonly string text;
        private Span<Token> written;
        private int n;

        public TokenWriter(List<Token> tokens, string text)
        {
            (this.tokens, this.text) = (tokens, text);
            CollectionsMarshal.SetCount(tokens, text.Length / 4 + 16);
            written = CollectionsMarshal.AsSpan(tokens);
        }

        public void Add(int start, int end, bool isWord)
        {
            if (n == written.Length)
            {
                CollectionsMarshal.SetCount(tokens, n + n / 2 + (text.Length - end) / 4 + 16);
                written = CollectionsMarshal.AsSpan(tokens);
            }

            written[n++] = new Token(start, end, isWord) { IsCapitalised = isWord && char.IsUpper(text[start]) };
        }

        public void Finish() => CollectionsMarshal.SetCount(tokens, n);
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
