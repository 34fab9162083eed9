using System.Collections.Frozen;

namespace NewsLens;

/// <summary>
/// English words that are never proper nouns (<c>Text/lowercase-words.txt</c>, from SCOWL): "filmed", "camera",
/// "policy", but not "price" or "page", which are also surnames. A capitalised one after a name is a word that runs
/// on (a caption credit, a heading, a title case phrase), not the name's next part.
/// </summary>
internal static class LowercaseWords
{
    private static readonly FrozenSet<string> Words = Load();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the folded (lower-case, diacritics removed) word is only ever a common word.</summary>
    public static bool Contains(ReadOnlySpan<char> folded) => Lookup.Contains(folded);

    private static FrozenSet<string> Load()
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

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
