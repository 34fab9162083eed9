namespace NewsLens;

/// <summary>
/// One notion of a person: a speaker found by the attribution's own name runs is given the actor recognizer's name for
/// the same person ("Mr Howard" → "Michael Howard"), so quotes and the mentions table name people alike. A quote's
/// speaker is typed a person only when the article's mentions hold that person; a name the recognizer did not take
/// for a person stays the speaker, untyped.
/// </summary>
internal sealed partial class QuoteAttributor
{
    // The article's person mentions by the last word of their name, made once per article (quotes x mentions was quadratic).
    private Dictionary<string, List<(string Name, string[] Words)>>? _peopleBySurname;

    internal (SpeakerAttribution Attribution, bool IsMention) JoinToMentions(SpeakerAttribution attribution)
    {
        if (attribution.Speaker is not { } speaker || attribution.Kind is not (SpeakerKind.Person or SpeakerKind.Unknown) || _keptBare?.Contains(speaker) == true)
            return (attribution, false);
        var words = NameWords(speaker);
        if (words.Length == 0 || !PeopleBySurname().TryGetValue(words[^1], out var candidates))
            return (attribution, false);
        string? found = null;
        foreach (var (name, nameWords) in candidates)
        {
            if (string.Equals(name, speaker, StringComparison.Ordinal))
                return (attribution with { Kind = SpeakerKind.Person }, true);
            if (!CompatibleGivenNames(words, nameWords))
                continue;
            if (found is not null && !string.Equals(found, name, StringComparison.Ordinal))
                return (attribution, false); // two people fit: leave it as printed
            found = name;
        }

        return found is null ? (attribution, false) : (attribution with { Speaker = found, Kind = SpeakerKind.Person }, true);
    }

    private Dictionary<string, List<(string Name, string[] Words)>> PeopleBySurname()
    {
        if (_peopleBySurname is not null)
            return _peopleBySurname;
        _peopleBySurname = new Dictionary<string, List<(string, string[])>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var known in _known)
        {
            if (known.Kind != SpeakerKind.Person || !seen.Add(known.Canonical))
                continue;
            var words = NameWords(known.Canonical);
            if (words.Length == 0)
                continue;
            if (!_peopleBySurname.TryGetValue(words[^1], out var list))
                _peopleBySurname[words[^1]] = list = [];
            list.Add((known.Canonical, words));
        }

        return _peopleBySurname;
    }

    private static string[] NameWords(string name) => ActorText.FoldedWords(name).Where(w => char.IsLetter(w[0])).ToArray();

    // No conflicting given name: "Howard" or "Michael Howard" for "Michael Howard", "M. Howard" too.
    private static bool CompatibleGivenNames(string[] a, string[] b) =>
        a.Length == 1 || b.Length == 1 || a[0] == b[0] || ((a[0].Length == 1 || b[0].Length == 1) && a[0][0] == b[0][0]);
}
