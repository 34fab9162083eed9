using System.Collections.Frozen;

namespace NewsLens;

/// <summary>
/// The library's one list of abbreviations (<c>Text/abbreviations.txt</c>): words whose period does not end a sentence,
/// and the subset that are titles before a name ("Amb.", "Sen."). Segmenter, tokens, quotes and actors all read it.
/// </summary>
internal static class Abbreviations
{
    private static readonly (FrozenSet<string> All, FrozenSet<string> NameTitles, FrozenSet<string> NameParts) Lists = Load();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AllLookup = Lists.All.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup = Lists.NameTitles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NamePartLookup = Lists.NameParts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The folded name titles ("mr", "amb", "sen").</summary>
    public static IReadOnlyCollection<string> NameTitles => Lists.NameTitles;

    /// <summary>Whether the word (without its period, any case) is an abbreviation: "Mr", "etc", "Amb", "e.g".</summary>
    public static bool Contains(ReadOnlySpan<char> word) => AllLookup.Contains(word);

    /// <summary>Whether the word (without its period, any case) is a title written before a name: "Mr", "Amb", "Sen".</summary>
    public static bool IsNameTitle(ReadOnlySpan<char> word) => TitleLookup.Contains(word);

    /// <summary>Whether the word's period belongs to it in a name: a title ("Amb.") or a name part ("St.", "Jr.").</summary>
    public static bool KeepsPeriod(ReadOnlySpan<char> word) => TitleLookup.Contains(word) || NamePartLookup.Contains(word);

    private static (FrozenSet<string>, FrozenSet<string>, FrozenSet<string>) Load()
    {
        var all = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var parts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? section = null;
        const string resource = "NewsLens.Text.abbreviations.txt";
        using var stream = typeof(Abbreviations).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        foreach (var (lineNumber, line) in DataLines.Read(reader.ReadToEnd()))
        {
            if (line[0] == '[' && line[^1] == ']')
            {
                section = line[1..^1];
                continue;
            }

            if (section is null)
                throw new InvalidDataException($"abbreviations.txt:{lineNumber}: entry before any [section] header");
            var word = line.TrimEnd('.').ToLowerInvariant();
            all.Add(word);
            if (section == "name-titles")
                titles.Add(word);
            else if (section == "name-parts")
                parts.Add(word);
        }

        return (all.ToFrozenSet(StringComparer.OrdinalIgnoreCase), titles.ToFrozenSet(StringComparer.OrdinalIgnoreCase), parts.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
    }
}
