namespace NewsLens;

/// <summary>
/// A quick "certainly not in the set" test for words: one bit per word, from a hash of its length and its first, second,
/// middle and last characters, in a table of about 32 bits per word (so about one word in 30 outside the set passes).
/// A word of the set always passes; most other words fail without hashing the whole word or touching the set's table.
/// </summary>
/// <remarks>Put in front of look-ups made for every token of a text, where nearly every token misses.</remarks>
internal sealed class WordFilter
{
    private readonly ulong[] bits;
    private readonly int shift;

    public WordFilter(IEnumerable<string> words)
        : this(CountOf(ref words) * 32)
    {
        foreach (var word in words)
            Add(word);
    }

    /// <summary>An empty filter of at least <paramref name="bitCount"/> bits (4,096 at least), filled with <see cref="Add"/>.</summary>
    public WordFilter(int bitCount)
    {
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1 << 12, bitCount));
        bits = new ulong[size >> 6];
        shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
    }

    public void Add(ReadOnlySpan<char> word)
    {
        var bit = Bit(word);
        bits[bit >> 6] |= 1UL << (bit & 63);
    }

    /// <summary>Empties the filter for reuse.</summary>
    public void Clear() => Array.Clear(bits);

    /// <summary>False when the word is certainly not in the set.</summary>
    public bool MayContain(ReadOnlySpan<char> word)
    {
        var bit = Bit(word);
        return (bits[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    private static int CountOf(ref IEnumerable<string> words)
    {
        var list = words as IReadOnlyCollection<string> ?? words.ToList();
        words = list;
        return list.Count;
    }

    private int Bit(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
            return 0;
        var key = ((ulong)word.Length << 56) ^ ((ulong)word[0] << 40) ^ ((ulong)word[Math.Min(1, word.Length - 1)] << 24)
                  ^ ((ulong)word[word.Length / 2] << 12) ^ word[^1];
        return (int)((key * 0x9E3779B97F4A7C15UL) >> shift);
    }
}
