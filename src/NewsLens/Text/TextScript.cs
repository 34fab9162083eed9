namespace NewsLens;

/// <summary>Scripts written without spaces between words (Chinese, Japanese, Thai...): there a character, not a space-separated run, is the unit of length.</summary>
internal static class TextScript
{
    /// <summary>True for a character of a script without word spaces: Han, Hiragana, Katakana, Hangul syllables count
    /// one each (a Korean syllable block is about a short word), Thai, Lao, Khmer, Myanmar, Tibetan.</summary>
    public static bool IsUnspaced(char c) => c >= '\u0E00' && (
        c <= '\u0FFF' // Thai, Lao, Tibetan
        || c is >= '\u1000' and <= '\u109F' // Myanmar
        || c is >= '\u1780' and <= '\u17FF' // Khmer
        || c is >= '\u3040' and <= '\u30FF' // Hiragana, Katakana
        || c is >= '\u3400' and <= '\u4DBF' // CJK extension A
        || c is >= '\u4E00' and <= '\u9FFF' // CJK unified ideographs
        || c is >= '\uAC00' and <= '\uD7AF' // Hangul syllables
        || c is >= '\uF900' and <= '\uFAFF'); // CJK compatibility ideographs

    /// <summary>
    /// Length of a text in "Latin characters": letters and digits count one, a character of an unspaced script counts
    /// three (about what a Latin word's letters weigh per character of meaning), so thresholds written for Latin text
    /// hold for Chinese and Japanese too.
    /// </summary>
    public static int Weight(ReadOnlySpan<char> text)
    {
        var weight = 0;
        foreach (var c in text)
        {
            if (IsUnspaced(c))
                weight += 3;
            else if (!char.IsWhiteSpace(c))
                weight++;
        }

        return weight;
    }

    /// <inheritdoc cref="Weight(ReadOnlySpan{char})"/>
    public static int Weight(string? text) => text is null ? 0 : Weight(text.AsSpan());
}
