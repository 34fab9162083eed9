namespace NewsLens;

/// <summary>
/// English words that are never proper nouns (<c>Text/lowercase-words.txt</c>, from SCOWL): "filmed", "camera",
/// "policy", but not "price" or "page", which are also surnames. A capitalised one after a name is a word that runs
/// on (a caption credit, a heading, a title case phrase), not the name's next part.
/// </summary>
internal static class LowercaseWords
{
    // 70,000 words, asked about the capitalised words of every article: one probe into a flat table of hashes.
    private static readonly HashedWordSet Words = new(Load());

    /// <summary>Whether the folded (lower-case, diacritics removed) word is only ever a common word.</summary>
    public static bool Contains(ReadOnlySpan<char> folded) => Words.Contains(folded);

    private static List<string> Load()
    {
        const string resource = "NewsLens.Text.lowercase-words.txt";
        using var stream = typeof(LowercaseWords).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        var words = new List<string>(70_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
                words.Add(line.Trim());
        }

        return words;
    }
}
