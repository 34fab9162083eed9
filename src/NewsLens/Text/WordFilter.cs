namespace NewsLens;

/// <summary>
/// A quick "certainly not in the set" test for words: one bit per word in 2^16, from a hash of its length and its first,
/// second and last characters. A word of the set always passes; most other words fail, without hashing the whole word
/// or touching the set's table.
/// </summary>
/// <remarks>Put in front of look-ups made for every token of a text, where nearly every token misses.</remarks>
internal sealed class WordFilter
{
    private readonly ulong[] bits = new ulong[1 << 10];

    public WordFilter(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var bit = Bit(word);
            bits[bit >> 6] |= 1UL << (bit & 63);
        }
    }

    /// <summary>False when the word is certainly not in the set.</summary>
    public bool MayContain(ReadOnlySpan<char> word)
    {
        var bit = Bit(word);
        return (bits[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    private static int Bit(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
            return 0;
        var key = ((ulong)word.Length << 48) | ((ulong)word[0] << 32) | ((ulong)word[Math.Min(1, word.Length - 1)] << 16) | word[^1];
        return (int)((key * 0x9E3779B97F4A7C15UL) >> 48);
    }
}
