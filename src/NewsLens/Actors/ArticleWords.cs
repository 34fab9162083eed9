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
    private char[] folded = [];
    private List<Token> tokens = [];

    /// <summary>The words of one article (valid until the next call on this thread).</summary>
    public static ArticleWords Of(char[] folded, List<Token> tokens)
    {
        var words = Begin(folded, tokens);
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].IsCapitalised)
                words.AddCapitalised(k, WordHash.Of(folded.AsSpan(tokens[k].Start, tokens[k].Length)));
        }

        return words.Finish();
    }

    /// <summary>
    /// Starts the words of one article for a caller that meets its tokens anyway (name discovery's first pass): it
    /// gives each capitalised token with its <see cref="WordHash"/> to <see cref="AddCapitalised"/>, in text order,
    /// then calls <see cref="Finish"/>.
    /// </summary>
    public static ArticleWords Begin(char[] folded, List<Token> tokens)
    {
        var words = current ??= new ArticleWords();
        words.Clear(folded, tokens);
        return words;
    }

    /// <summary>Adds capitalised token <paramref name="k"/>, whose folded word hashes to <paramref name="hash"/>.</summary>
    public void AddCapitalised(int k, ulong hash)
    {
        var slot = Slot(hash);
        // Alone: no capitalised word right before it (the first token never counts).
        if (k > 0 && !tokens[k - 1].IsCapitalised)
            alone[slot]++;
        capitalised.Add(folded.AsSpan(tokens[k].Start, tokens[k].Length));
    }

    /// <summary>Notes the lower-case uses of the capitalised words: the article is then ready for questions.</summary>
    public ArticleWords Finish()
    {
        foreach (ref readonly var t in CollectionsMarshal.AsSpan(tokens))
        {
            if (!t.IsWord || t.IsCapitalised)
                continue;
            var word = folded.AsSpan(t.Start, t.Length);
            if (capitalised.MayContain(word) && Find(word) is var slot and >= 0)
                lower[slot] = true;
        }

        return this;
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
    public static bool StandsAlone(List<Token> tokens, int k) =>
        k > 0 && tokens[k].IsWord && tokens[k].IsCapitalised
        && !(tokens[k - 1].IsWord && tokens[k - 1].IsCapitalised);

    private void Clear(char[] folded, List<Token> tokens)
    {
        (this.folded, this.tokens) = (folded, tokens);
        // At most half full even if every token were a distinct capitalised word: probe runs stay short.
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
        capitalised.Clear();
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
        var key = WordHash.Of(word);
        for (var slot = (int)(key >> 32) & mask; keys[slot] != 0; slot = (slot + 1) & mask)
        {
            if (keys[slot] == key)
                return slot;
        }

        return -1;
    }
}
