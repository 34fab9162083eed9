using System.Numerics;
using System.Runtime.InteropServices;

namespace NewsLens;

/// <summary>
/// What one article does with each of its words, asked again and again by name discovery: whether it ever writes the
/// word in lower case ("bonds" beside "Alan Bond"), and how often it writes it capitalised with no capitalised word
/// before it ("Petrov" after "Stilian Petrov"). Gathered once per article, on the first question.
/// </summary>
/// <remarks>
/// Asked of nearly every article, so the index costs little more than a pass over the tokens: only the capitalised
/// words are hashed (64-bit keys in an open-addressing table reused on the thread); a lower-case word is hashed only when
/// a small per-article filter says the article may also capitalise it. Questions are asked about tokens: a token written
/// in lower case answers for itself.
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
    private readonly WordFilter capitalised = new(bitCount: 1 << 12); // the capitalised words of the article
    private string text = "";
    private char[] folded = [];
    private List<Token> tokens = [];

    /// <summary>The words of one article (valid until the next call on this thread).</summary>
    public static ArticleWords Of(string text, char[] folded, List<Token> tokens)
    {
        var words = current ??= new ArticleWords();
        words.Index(text, folded, tokens);
        return words;
    }

    /// <summary>Whether the article writes token <paramref name="k"/>'s word in lower case at least once (there or elsewhere).</summary>
    public bool WritesLowerCase(int k)
    {
        var t = tokens[k];
        if (!t.IsCapitalised)
            return true;
        return Find(folded.AsSpan(t.Start, t.Length)) is var slot and >= 0 && lower[slot];
    }

    /// <summary>How often the article writes this folded word capitalised after no capitalised word (never counting the first token).</summary>
    public int TimesAlone(ReadOnlySpan<char> word) => Find(word) is var slot and >= 0 ? alone[slot] : 0;

    /// <summary>Whether token <paramref name="k"/> is a capitalised word with no capitalised word right before it.</summary>
    public static bool StandsAlone(string text, List<Token> tokens, int k) =>
        k > 0 && tokens[k].IsWord && tokens[k].IsCapitalised
        && !(tokens[k - 1].IsWord && tokens[k - 1].IsCapitalised);

    private void Index(string text, char[] folded, List<Token> tokens)
    {
        (this.text, this.folded, this.tokens) = (text, folded, tokens);
        var all = CollectionsMarshal.AsSpan(tokens);
        var words = 0;
        foreach (ref readonly var t in all)
            words += t.IsWord && t.IsCapitalised ? 1 : 0;
        // At most half full: every capitalised token a distinct word still leaves short probe runs.
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, words * 2));
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
        capitalised.Clear();

        // The capitalised words, and how often each stands alone (the first token never counts).
        var previousUpper = true;
        foreach (ref readonly var t in all)
        {
            var upper = t.IsWord && t.IsCapitalised;
            if (upper)
            {
                var word = folded.AsSpan(t.Start, t.Length);
                if (!previousUpper)
                    alone[Slot(Hash(word))]++;
                else
                    Slot(Hash(word));
                capitalised.Add(word);
            }

            previousUpper = upper;
        }

        // The lower-case uses of those words.
        foreach (ref readonly var t in all)
        {
            if (!t.IsWord || t.IsCapitalised)
                continue;
            var word = folded.AsSpan(t.Start, t.Length);
            if (capitalised.MayContain(word) && Find(word) is var slot and >= 0)
                lower[slot] = true;
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

    // The characters four at a time, mixed by multiplication (a word's hash is asked for once or twice per token); never 0 (the empty slot).
    private static ulong Hash(ReadOnlySpan<char> word)
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
