using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace NewsLens;

/// <summary>
/// The few Python string and number semantics VADER's results depend on (<c>str.split</c>, <c>str.strip</c>,
/// <c>str.lower</c>, <c>str.isupper</c>, <c>sum</c>, <c>round</c>), so scores match the reference to the last digit.
/// </summary>
internal static class PythonText
{
    private static readonly SearchValues<char> AsciiPunctuation = SearchValues.Create("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

    private static readonly double[] PowersOfTen = [1, 10, 100, 1000, 10000, 100000, 1000000];

    /// <summary>Python's whitespace (<c>str.isspace</c>), which includes the ASCII separators U+001C–U+001F.</summary>
    public static bool IsWhiteSpace(char c) => c <= ' '
        ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f')
        : c >= '\x85' && (c == '\x85' || c == '\xa0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
            || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000');

    /// <summary>
    /// Strips leading and trailing ASCII punctuation, unless two code points or fewer would remain: then the token
    /// was probably an emoticon (":)", ":-D") and stays whole.
    /// </summary>
    public static ReadOnlySpan<char> StripPunctuationIfWord(ReadOnlySpan<char> token)
    {
        var start = token.IndexOfAnyExcept(AsciiPunctuation);
        if (start < 0)
            return token;
        var end = token.LastIndexOfAnyExcept(AsciiPunctuation) + 1;
        var stripped = token[start..end];
        return CodePoints(stripped) <= 2 ? token : stripped;
    }

    private static int CodePoints(ReadOnlySpan<char> text)
    {
        if (text.Length <= 2 || text.Length > 4)
            return text.Length; // enough to tell "≤ 2" apart: a code point takes at most two chars
        var count = text.Length;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
                count--;
        }

        return count;
    }

    /// <summary>Python's <c>str.lower()</c> into <paramref name="destination"/>; also reports <c>str.isupper()</c>.</summary>
    public static int ToLower(ReadOnlySpan<char> word, Span<char> destination, out bool isUpper)
    {
        var cased = false;
        var lowerSeen = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c >= 0x80)
                return ToLowerUnicode(word, destination, out isUpper);
            if ((uint)(c - 'A') <= 'Z' - 'A')
            {
                cased = true;
                destination[i] = (char)(c | 0x20);
            }
            else
            {
                lowerSeen |= (uint)(c - 'a') <= 'z' - 'a';
                destination[i] = c;
            }
        }

        isUpper = cased && !lowerSeen;
        return word.Length;
    }

    private static int ToLowerUnicode(ReadOnlySpan<char> word, Span<char> destination, out bool isUpper)
    {
        var cased = false;
        var lowerSeen = false;
        var written = 0;
        for (var i = 0; i < word.Length;)
        {
            if (Rune.DecodeFromUtf16(word[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                destination[written++] = word[i++]; // a lone surrogate stays as it is
                continue;
            }

            i += consumed;
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter || IsOtherLowercase(rune.Value))
                lowerSeen = true;
            else if (category == UnicodeCategory.UppercaseLetter || IsOtherUppercase(rune.Value))
                cased = true;

            if (rune.Value == 0x130)
            {
                // The one unconditional one-to-many lower-case mapping: "İ" → "i̇".
                destination[written++] = 'i';
                destination[written++] = '\u0307';
                continue;
            }

            written += Rune.ToLowerInvariant(rune).EncodeToUtf16(destination[written..]);
        }

        isUpper = cased && !lowerSeen;
        return written;
    }

    // Unicode's Other_Uppercase / Other_Lowercase: cased for Python although not letters (Ⓐ, Ⅻ, ª, ʰ).
    private static bool IsOtherUppercase(int c) =>
        c is (>= 0x2160 and <= 0x216F) or (>= 0x24B6 and <= 0x24CF) or (>= 0x1F130 and <= 0x1F149) or (>= 0x1F150 and <= 0x1F169)
            or (>= 0x1F170 and <= 0x1F189);

    private static bool IsOtherLowercase(int c) =>
        c is 0xAA or 0xBA or (>= 0x2B0 and <= 0x2B8) or 0x2C0 or 0x2C1 or (>= 0x2E0 and <= 0x2E4) or 0x345 or 0x37A
            or (>= 0x1D2C and <= 0x1D6A) or 0x1D78 or (>= 0x1D9B and <= 0x1DBF) or 0x2071 or 0x207F
            or (>= 0x2090 and <= 0x209C) or (>= 0x2170 and <= 0x217F) or (>= 0x24D0 and <= 0x24E9) or 0x2C7C or 0x2C7D
            or 0xA69C or 0xA69D or 0xA770 or 0xA7F8 or 0xA7F9 or (>= 0xAB5C and <= 0xAB5F);

    /// <summary>Python's built-in <c>sum</c> over floats (plain left-to-right addition up to Python 3.11).</summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
            sum += value;
        return sum;
    }

    /// <summary>
    /// Python's <c>round(x, digits)</c>: rounds the exact binary value half-to-even, so 0.12345 (stored as
    /// 0.12345000000000000417…) gives 0.1235 where scaling by 10⁴ first would give 0.1234.
    /// </summary>
    public static double Round(double value, int digits)
    {
        if (!double.IsFinite(value))
            return value;
        var scale = PowersOfTen[digits];
        var scaled = Math.Abs(value) * scale;
        var floor = Math.Floor(scaled);
        var fraction = scaled - floor;
        double rounded;
        if (Math.Abs(fraction - 0.5) > 1e-6)
            rounded = fraction > 0.5 ? floor + 1 : floor;
        else
        {
            // Near a tie the scaled product may have been rounded across it: decide on exact integers.
            var comparison = CompareToMidpoint(Math.Abs(value), (long)floor, digits);
            rounded = comparison > 0 || (comparison == 0 && floor % 2 == 1) ? floor + 1 : floor;
        }

        var result = rounded / scale;
        return value < 0 ? -result : result;
    }

    /// <summary>Compares <paramref name="value"/> (≥ 0) with (k + ½) / 10^digits exactly.</summary>
    private static int CompareToMidpoint(double value, long k, int digits)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
            exponent = 1;
        else
            mantissa |= 1L << 52;
        exponent -= 1075; // value = mantissa · 2^exponent

        // value ⋛ (2k + 1) / (2 · 10^digits)  ⇔  mantissa · 2^exponent · 2 · 10^digits ⋛ 2k + 1
        var left = new BigInteger(mantissa) * 2 * BigInteger.Pow(10, digits);
        var right = new BigInteger(k) * 2 + 1;
        if (exponent >= 0)
            left <<= exponent;
        else
            right <<= -exponent;
        return left.CompareTo(right);
    }
}
