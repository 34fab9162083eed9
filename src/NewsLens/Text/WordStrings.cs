namespace NewsLens;

/// <summary>One string per distinct word on this thread, so the many repeats of a word ("the", "said") share it.</summary>
/// <remarks>Quote attribution compares token texts as strings (a fresh string per token was most of what it allocated); actor discovery keeps the words an article writes in lower case.</remarks>
internal sealed class WordStrings
{
    // Cleared when full, so a long run over varied text keeps memory bounded.
    private const int MaxWords = 1 << 16;

    [ThreadStatic]
    private static WordStrings? current;

    private readonly HashSet<string> words = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private WordStrings() => lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static WordStrings ForThisThread => current ??= new WordStrings();

    public string Get(ReadOnlySpan<char> word)
    {
        if (lookup.TryGetValue(word, out var known))
            return known;
        if (words.Count >= MaxWords)
            words.Clear();
        var text = word.ToString();
        words.Add(text);
        return text;
    }
}
