using System.Collections.Frozen;

namespace NewsLens;

/// <summary>Word lists the attribution grammar relies on: titles, role and organisation nouns, label markers.</summary>
/// <remarks>Shipped as the embedded data file <c>Quotes/quote-words.txt</c> (sections in brackets); users merge their own.</remarks>
public sealed class QuoteWords
{
    private readonly Dictionary<string, FrozenSet<string>> _sections;

    private QuoteWords(Dictionary<string, HashSet<string>> sections)
    {
        _sections = sections.ToDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
        Titles = Section("titles");
        RoleNouns = Section("role-nouns");
        OrganizationNouns = Section("organization-nouns");
        DocumentNouns = Section("document-nouns");
        LabelMarkers = Section("label-markers");
        NonNames = Section("non-names");
        // Span look-ups made once: asking a set for one costs a type check on every call.
        TitleWords = Titles.GetAlternateLookup<ReadOnlySpan<char>>();
        RoleNounWords = RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        OrganizationNounWords = OrganizationNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        NonNameWords = NonNames.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The shipped lists.</summary>
    public static QuoteWords Default { get; } = Parse(QuoteResources.Read("quote-words.txt"), "quote-words.txt");

    internal FrozenSet<string> Titles { get; }

    internal FrozenSet<string> RoleNouns { get; }

    internal FrozenSet<string> OrganizationNouns { get; }

    internal FrozenSet<string> DocumentNouns { get; }

    internal FrozenSet<string> LabelMarkers { get; }

    internal FrozenSet<string> NonNames { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleWords { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleNounWords { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationNounWords { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NonNameWords { get; }

    /// <summary>Reads a word-list file with [section] headers.</summary>
    public static QuoteWords Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"quote word file not found: {path}", path);
        return Parse(File.ReadAllText(path), path);
    }

    public static QuoteWords Parse(string content, string source = "words")
    {
        var sections = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        HashSet<string>? current = null;
        foreach (var (lineNumber, line) in DataLines.Read(content))
        {
            if (line[0] == '[' && line[^1] == ']')
            {
                var name = line[1..^1].Trim();
                if (!sections.TryGetValue(name, out current))
                    sections[name] = current = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                continue;
            }

            if (current is null)
                throw new FormatException($"{source}:{lineNumber}: entry before any [section] header");
            current.Add(line.ToLowerInvariant());
        }

        return new QuoteWords(sections);
    }

    /// <summary>These lists plus the entries of <paramref name="other"/>, section by section.</summary>
    public QuoteWords Merge(QuoteWords other)
    {
        var merged = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in new[] { this, other })
        {
            foreach (var (name, words) in source._sections)
            {
                if (!merged.TryGetValue(name, out var set))
                    merged[name] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                set.UnionWith(words);
            }
        }

        return new QuoteWords(merged);
    }

    private FrozenSet<string> Section(string name) =>
        _sections.TryGetValue(name, out var set) ? set : FrozenSet<string>.Empty;
}
