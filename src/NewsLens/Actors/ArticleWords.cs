using System.Numerics;

namespace NewsLens;

/// <summary>
/// What one article does with each of its words, asked again and again by name discovery: whether it ever writes the
/// word in lower case ("bonds" beside "Alan Bond"), and how often it writes it capitalised with no capitalised word
/// before it ("Petrov" after "Stilian Petrov"). Gathered in one pass over the tokens.
/// </summary>
/// <remarks>
/// Asked of nearly every article, so the index is built for the cost of a tokenizer pass: words are keyed by a 64-bit
/// hash of their folded text in an open-addressing table reused on the thread (a dictionary of strings, with a string
/// per word and an ordinal comparison per look-up, cost several times more than the questions it answered).
/// </remarks>
internal sealed class ArticleWords
{
    // A table grown for a longer article is given up at the next shorter one.
    private const int KeepSlots = 1 << 17;

    [ThreadStatic]
    private static ArticleWords? current;

    private ulong[] keys = [];
    private bool[] lower = [];
    private int[] alone = [];
    private int mask;

    /// <summary>The words of one article (valid until the next call on this thread).</summary>
    public static ArticleWords Of(string text, ReadOnlySpan<char> folded, List<Token> tokens)
    {
        var words = current ??= new ArticleWords();
        words.Index(text, folded, tokens);
        return words;
    }

    /// <summary>Whether the article writes this folded word in lower case at least once.</summary>
    public bool WritesLowerCase(ReadOnlySpan<char> folded) => Find(folded) is var slot and >= 0 && lower[slot];

    /// <summary>How often the article writes this folded word capitalised after no capitalised word (never counting the first token).</summary>
    public int TimesAlone(ReadOnlySpan<char> folded) => Find(folded) is var slot and >= 0 ? alone[slot] : 0;

    /// <summary>Whether token <paramref name="k"/> is a capitalised word with no capitalised word right before it.</summary>
    public static bool StandsAlone(string text, List<Token> tokens, int k) =>
        k > 0 && tokens[k].IsWord && ActorText.StartsUpper(text.AsSpan(tokens[k].Start, tokens[k].Length))
        && !(tokens[k - 1].IsWord && ActorText.StartsUpper(text.AsSpan(tokens[k - 1].Start, tokens[k - 1].Length)));

    private void Index(string text, ReadOnlySpan<char> folded, List<Token> tokens)
    {
        // At most half full: every token a distinct word still leaves short probe runs.
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, tokens.Count * 2));
        if (keys.Length < slots || (keys.Length > KeepSlots && slots <= KeepSlots))
        {
            keys = new ulong[slots];
            lower = new bool[slots];
            alone = new int[slots];
        }
        else
        {
            Array.Clear(keys, 0, slots);
            Array.Clear(lower, 0, slots);
            Array.Clear(alone, 0, slots);
        }

        mask = slots - 1;
        var previousUpper = false;
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (!t.IsWord)
            {
                previousUpper = false;
                continue;
            }

            var upper = ActorText.StartsUpper(text.AsSpan(t.Start, t.Length));
            var isAlone = upper && k > 0 && !previousUpper;
            previousUpper = upper;
            if (upper && !isAlone)
                continue;
            var slot = Slot(Hash(folded.Slice(t.Start, t.Length)));
            lower[slot] |= !upper;
            alone[slot] += isAlone ? 1 : 0;
        }
    }

    // The slot holding this key, claimed for it when absent.
    private int Slot(ulong key)
    {
        var slot = (int)(key >> 32) & mask;
        while (keys[slot] != key && keys[slot] != 0)
            slot = (slot + 1) & mask;
        keys[slot] = key;
        return slot;
    }

    private int Find(ReadOnlySpan<char> word)
    {
        var key = Hash(word);
        for (var slot = (int)(key >> 32) & mask; keys[slot] != 0; slot = (slot + 1) & mask)
        {
            if (keys[slot] == key)
                return slot;
        }

        return -1;
    }

    // FNV-1a over the characters, never 0 (the empty slot).
    private static ulong Hash(ReadOnlySpan<char> word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
            hash = (hash ^ c) * 1099511628211UL;
        return hash == 0 ? 1 : hash;
    }
}
