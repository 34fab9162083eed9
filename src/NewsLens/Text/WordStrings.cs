namespace NewsLens;

/// <summary>One string per frequent word on this thread, so the many repeats of a word ("the", "said") share it.</summary>
/// <remarks>
/// Quote attribution compares token texts as strings (a fresh string per token was most of what it allocated); actor
/// discovery keeps the words an article writes in lower case.
/// A small direct-mapped cache rather than a set of every word seen: the set grew to tens of thousands of words spread
/// over megabytes, and a look-up there cost more (cache misses) than the allocation it saved. Here a word's slot is
/// computed from its letters; a rare word that meets another in its slot replaces it and costs one short string.
/// </remarks>
internal sealed class WordStrings
{
    // 16,384 references (128 KB) stay in the processor's cache and hold the words that make up most of a text.
    private const int Slots = 1 << 14;

    [ThreadStatic]
    private static WordStrings? current;

    private readonly string?[] slots = new string?[Slots];

    public static WordStrings ForThisThread => current ??= new WordStrings();

    // Punctuation marks and one-letter words, made once: a third of all tokens.
    private static readonly string[] Ascii = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    public string Get(ReadOnlySpan<char> word)
    {
        if (word.Length == 1 && word[0] < Ascii.Length)
            return Ascii[word[0]];
        ref var slot = ref slots[SlotOf(word)];
        if (slot is { } known && word.SequenceEqual(known))
            return known;
        return slot = word.ToString();
    }

    // FNV-1a over the characters: words are short, and this spreads them well enough over the slots.
    private static int SlotOf(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
            hash = (hash ^ c) * 16777619u;
        return (int)((hash ^ (hash >> 15)) & (Slots - 1));
    }
}
