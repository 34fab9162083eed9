namespace NewsLens;

/// <summary>
/// One notion of a person: a speaker found by the attribution's own name runs is given the actor recognizer's name for
/// the same person ("Mr Howard" → "Michael Howard"), so quotes and the mentions table name people alike. A quote's
/// speaker is typed a person only when the article's mentions hold that person; a name the recognizer did not take
/// for a person stays the speaker, untyped.
/// </summary>
internal sealed partial class QuoteAttributor
{
    // The article's person mentions by the last word of their name (folded), made once per article (quotes x mentions was quadratic).
    private Dictionary<string, List<NameWords>>? _peopleBySurname;

    // Reused by NameWordsOf: every attributed speaker's name is split into words.
    private List<Token>? _nameTokens;

    /// <summary>A name's letter words, compared folded: only the given name, the surname and how many words there are matter.</summary>
    private readonly record struct NameWords(string Name, Token Given, Token Surname, int Count)
    {
        public ReadOnlySpan<char> Of(Token word) => Name.AsSpan(word.Start, word.Length);
    }

    internal (SpeakerAttribution Attribution, bool IsMention) JoinToMentions(SpeakerAttribution attribution)
    {
        if (attribution.Speaker is not { } speaker || attribution.Kind is not (SpeakerKind.Person or SpeakerKind.Unknown) || _keptBare?.Contains(speaker) == true)
            return (attribution, false);
        var words = NameWordsOf(speaker);
        if (words.Count == 0)
            return (attribution, false);
        var surname = words.Surname.Length <= 64 ? stackalloc char[words.Surname.Length] : new char[words.Surname.Length];
        ActorText.Fold(words.Of(words.Surname), surname);
        if (!PeopleBySurname().GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(surname, out var candidates))
            return (attribution, false);
        string? found = null;
        foreach (var person in candidates)
        {
            if (string.Equals(person.Name, speaker, StringComparison.Ordinal))
                return (attribution with { Kind = SpeakerKind.Person }, true);
            if (!CompatibleGivenNames(words, person))
                continue;
            if (found is not null && !string.Equals(found, person.Name, StringComparison.Ordinal))
                return (attribution, false); // two people fit: leave it as printed
            found = person.Name;
        }

        return found is null ? (attribution, false) : (attribution with { Speaker = found, Kind = SpeakerKind.Person }, true);
    }

    private Dictionary<string, List<NameWords>> PeopleBySurname()
    {
        if (_peopleBySurname is not null)
            return _peopleBySurname;
        _peopleBySurname = new Dictionary<string, List<NameWords>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var known in _known)
        {
            if (known.Kind != SpeakerKind.Person || !seen.Add(known.Canonical))
                continue;
            var words = NameWordsOf(known.Canonical);
            if (words.Count == 0)
                continue;
            var surname = string.Create(words.Surname.Length, words, static (span, w) => ActorText.Fold(w.Of(w.Surname), span));
            if (!_peopleBySurname.TryGetValue(surname, out var list))
                _peopleBySurname[surname] = list = [];
            list.Add(words);
        }

        return _peopleBySurname;
    }

    // The name's tokens that start with a letter (folded), as ActorText.FoldedWords would give them, without making strings.
    private NameWords NameWordsOf(string name)
    {
        var tokens = _nameTokens ??= [];
        Tokenizer.Tokenize(name, tokens);
        Token given = default, surname = default;
        var count = 0;
        foreach (var token in tokens)
        {
            if (!char.IsLetter(ActorText.Fold(name[token.Start])))
                continue;
            if (count++ == 0)
                given = token;
            surname = token;
        }

        return new NameWords(name, given, surname, count);
    }

    // No conflicting given name: "Howard" or "Michael Howard" for "Michael Howard", "M. Howard" too.
    private static bool CompatibleGivenNames(NameWords a, NameWords b) =>
        a.Count == 1 || b.Count == 1 || FoldedEquals(a.Of(a.Given), b.Of(b.Given))
        || ((a.Given.Length == 1 || b.Given.Length == 1) && ActorText.Fold(a.Name[a.Given.Start]) == ActorText.Fold(b.Name[b.Given.Start]));

    private static bool FoldedEquals(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
            return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (ActorText.Fold(a[i]) != ActorText.Fold(b[i]))
                return false;
        }

        return true;
    }
}
