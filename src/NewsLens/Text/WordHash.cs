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
/// A fixed set of words with a small value each, looked up by the word's <see cref="WordHash"/> alone: one probe into one
/// array, where a string dictionary reads a bucket, a hash code and the key's characters from scattered memory (which a
/// long pipeline has mostly evicted by the next article).
/// </summary>
/// <remarks>
/// Building fails if two words of the set share a hash, so the set's own words are told apart exactly; a word outside the
/// set passes for one of them only if its 64-bit hash equals that word's (about one chance in 10^15 per look-up for a set
/// of 20,000 words).
/// </remarks>
internal sealed class HashedWords<T>
{
    private readonly Slot[] slots;
    private readonly int mask;

    public HashedWords(IEnumerable<KeyValuePair<string, T>> entries)
    {
        var list = entries.ToList();
        // At most half full: a stranger's probe stops at an empty slot after one or two steps.
        slots = new Slot[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, list.Count * 2))];
        mask = slots.Length - 1;
        foreach (var (word, value) in list)
        {
            var key = WordHash.Of(word);
            var at = (int)(key >> 40) & mask;
            while (slots[at].Key != 0)
            {
                if (slots[at].Key == key)
                    throw new InvalidOperationException($"word list: '{word}' has the hash of another word; change WordHash");
                at = (at + 1) & mask;
            }

            slots[at] = new Slot(key, value);
        }
    }

    public bool TryGetValue(ReadOnlySpan<char> word, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value) =>
        TryGetValue(WordHash.Of(word), out value);

    /// <summary>The value of the word whose <see cref="WordHash"/> this is (for a caller that has the hash already).</summary>
    public bool TryGetValue(ulong key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value)
    {
        for (var at = (int)(key >> 40) & mask; slots[at].Key != 0; at = (at + 1) & mask)
        {
            if (slots[at].Key == key)
            {
                value = slots[at].Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private readonly record struct Slot(ulong Key, T Value);
}

/// <summary>A fixed set of words, tested by <see cref="WordHash"/> alone, as <see cref="HashedWords{T}"/> (keys only: 8 bytes a slot).</summary>
internal sealed class HashedWordSet
{
    private readonly ulong[] keys;
    private readonly int mask;

    public HashedWordSet(IEnumerable<string> words)
    {
        var list = words.Distinct(StringComparer.Ordinal).ToList();
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

    public bool Contains(ReadOnlySpan<char> word)
    {
        var key = WordHash.Of(word);
        for (var at = (int)(key >> 40) & mask; keys[at] != 0; at = (at + 1) & mask)
        {
            if (keys[at] == key)
                return true;
        }

        return false;
    }
}
