using System.Runtime.InteropServices;

namespace NewsLens;

/// <summary>A 64-bit hash of a word, the same on every run (never 0, which tables use for an empty slot).</summary>
internal static class WordHash
{
    /// <summary>The characters four at a time, mixed by multiplication: cheap for the short words of a text.</summary>
    public static ulong Of(ReadOnlySpan<char> word)
    {
        var hash = (ulong)word.Length * 0x9E3779B97F4A7C15UL;
        var chunks = MemoryMarshal.Cast<char, ulong>(word);
        foreach (var chunk in chunks)
            hash = Mix(hash ^ chunk);
        var tail = 0UL;
        foreach (var c in word[(chunks.Length * 4)..])
            tail = (tail << 16) | c;
        hash = Mix(hash ^ tail);
        return hash == 0 ? 1 : hash;
    }

    private static ulong Mix(ulong x)
    {
        x *= 0xFF51AFD7ED558CCDUL;
        return x ^ (x >> 29);
    }
}

/// <summary>
/// A fixed set of words, tested by the word's <see cref="WordHash"/> alone: one probe into one array of hashes, where a
/// string set reads a bucket, a hash code and the key's characters from scattered memory (which a long pipeline has
/// mostly evicted by the next article).
/// </summary>
/// <remarks>
/// Building fails if two words of the set share a hash, so the set's own words are told apart exactly; a word outside the
/// set passes for one of them only if its 64-bit hash equals that word's (about one chance in 10^15 per look-up for a set
/// of 20,000 words).
/// </remarks>
internal sealed class HashedWordSet
{
    private readonly ulong[] keys;
    private readonly int mask;

    public HashedWordSet(IEnumerable<string> words)
    {
        var list = words.Distinct(StringComparer.Ordinal).ToList();
        // At most half full: a stranger's probe stops at an empty slot after one or two steps.
        keys = new ulong[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, list.Count * 2))];
        mask = keys.Length - 1;
        foreach (var word in list)
        {
            var key = WordHash.Of(word);
            var at = (int)(key >> 40) & mask;
            while (keys[at] != 0)
            {
                if (keys[at] == key)
                    throw new InvalidOperationException($"word list: '{word}' has the hash of another word; change WordHash");
                at = (at + 1) & mask;
            }

            keys[at] = key;
        }
    }

    /// <summary>Slots in the table (a value table beside it has as many).</summary>
    public int Slots => keys.Length;

    public bool Contains(ReadOnlySpan<char> word) => SlotOf(WordHash.Of(word)) >= 0;

    /// <summary>The slot of the word whose <see cref="WordHash"/> this is, or -1 when it is not in the set.</summary>
    public int SlotOf(ulong key)
    {
        for (var at = (int)(key >> 40) & mask; keys[at] != 0; at = (at + 1) & mask)
        {
            if (keys[at] == key)
                return at;
        }

        return -1;
    }
}

/// <summary>A fixed set of words with a value each: a <see cref="HashedWordSet"/> and, slot for slot, the values.</summary>
internal sealed class HashedWords<T>
{
    private readonly HashedWordSet words;
    private readonly T[] values;

    public HashedWords(IEnumerable<KeyValuePair<string, T>> entries)
    {
        var list = entries.ToList();
        words = new HashedWordSet(list.Select(e => e.Key));
        values = new T[words.Slots];
        foreach (var (word, value) in list)
            values[words.SlotOf(WordHash.Of(word))] = value;
    }

    public bool TryGetValue(ReadOnlySpan<char> word, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value) =>
        TryGetValue(WordHash.Of(word), out value);

    /// <summary>The value of the word whose <see cref="WordHash"/> this is (for a caller that has the hash already).</summary>
    public bool TryGetValue(ulong key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value)
    {
        var at = words.SlotOf(key);
        value = at >= 0 ? values[at] : default;
        return at >= 0;
    }
}
