using System.Collections.Frozen;

namespace NewsLens;

/// <summary>
/// Organisations the catalog does not know, from the grammar of their names: a capitalised name holding a head word
/// (<c>organisation-heads.txt</c>: "National Council for Adoption", "Acme Holdings plc", "Bank of England"), and an
/// acronym the text defines ("the Information Commissioner's Office (ICO)"), whose later uses name the same body.
/// </summary>
/// <remarks>
/// Runs after people and catalog actors are found and never overrides them: a name that overlaps a mention is left to
/// it. Names run over capitalised words joined by "of", "for", "on", "de", "&amp;" and possessives; they never cross a
/// line or a sentence end. Title-case paragraphs (headlines) are skipped, where every word is capitalised anyway.
/// </remarks>
internal static class OrganisationDiscovery
{
    private static readonly FrozenSet<string> Heads = Load();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadLookup = Heads.GetAlternateLookup<ReadOnlySpan<char>>();

    // Joiners inside a name; "the" only after one of them ("Council of the European Union").
    private static readonly FrozenSet<string> Joiners = FrozenSet.ToFrozenSet(["of", "for", "on", "de", "du", "des", "la", "le", "the"], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> JoinerLookup = Joiners.GetAlternateLookup<ReadOnlySpan<char>>();

    // Capitalised only because they open a sentence or a clause: never the first word of a name.
    private static readonly FrozenSet<string> Openers = FrozenSet.ToFrozenSet(
        ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "but", "and", "or",
         "if", "as", "when", "while", "after", "before", "since", "meanwhile", "however", "yesterday", "today", "tomorrow",
         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "next", "both", "new", "former",
         "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup = Openers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A discovered name (token range and the name as printed) or a later use of its acronym.</summary>
    public readonly record struct Found(int First, int End, string Name, bool Acronym);

    /// <summary>
    /// The organisations of one article, in text order; <paramref name="taken"/> marks characters already in a mention,
    /// <paramref name="headline"/> the tokens of title-case paragraphs (the recognizer's mask, shared with person discovery).
    /// </summary>
    public static List<Found> Find(string text, char[] folded, List<Token> tokens, bool[] taken, bool[] headline)
    {
        var found = new List<Found>();
        Dictionary<string, string>? acronyms = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsCapitalisedWord(text, tokens, taken, i) || headline[i])
                continue;
            var end = RunEnd(text, folded, tokens, taken, i);
            var first = i;
            while (first < end && IsIn(OpenerLookup, folded, tokens[first]))
                first++;
            // "Shares of Acme Holdings", "Members of the Vennard Council": a common word and its joiner lead into the name.
            if (first + 2 < end && LowercaseWords.Contains(folded.AsSpan(tokens[first].Start, tokens[first].Length))
                && !IsIn(HeadLookup, folded, tokens[first]) && IsIn(JoinerLookup, folded, tokens[first + 1]))
            {
                first += 2;
                if (first < end && folded.AsSpan(tokens[first].Start, tokens[first].Length) is "the")
                    first++;
            }
            var acronym = DefinedAcronym(text, tokens, end);
            if (first < end && (HasHead(folded, tokens, first, end) || acronym is not null && InitialsMatch(text, folded, tokens, first, end, acronym))
                && CapitalisedWords(folded, tokens, first, end) is var (words, nonHeads) && words >= 2 && nonHeads >= 1)
            {
                var name = Name(text, tokens, first, end);
                found.Add(new Found(first, end, name, false));
                if (acronym is not null)
                    (acronyms ??= new(StringComparer.Ordinal))[acronym] = name;
            }

            i = end - 1;
        }

        if (acronyms is null)
            return found;
        // Later uses of a defined acronym, as a whole token that no other mention took (not its definition in brackets).
        var lookup = acronyms.GetAlternateLookup<ReadOnlySpan<char>>();
        var definitions = found.Count;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.IsWord && t.Length <= 8 && !taken[t.Start] && lookup.TryGetValue(text.AsSpan(t.Start, t.Length), out var full)
                && !(i > 0 && text[tokens[i - 1].Start] == '(' && Defines(found, definitions, i - 1, full)))
                found.Add(new Found(i, i + 1, full, true));
        }

        found.Sort((a, b) => a.First.CompareTo(b.First));
        return found;
    }

    private static bool Defines(List<Found> found, int count, int end, string name)
    {
        for (var f = 0; f < count; f++)
        {
            if (found[f].End == end && found[f].Name == name)
                return true;
        }

        return false;
    }

    private static bool IsCapitalisedWord(string text, List<Token> tokens, bool[] taken, int i) =>
        tokens[i].IsWord && !taken[tokens[i].Start] && tokens[i].IsCapitalised;

    // Every word of the three lists, to turn away at a glance the words in none of them (most capitalised words).
    private static readonly WordFilter ListedWords = new(Heads.Concat(Joiners).Concat(Openers));

    private static bool IsIn(FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set, char[] folded, Token t) =>
        ListedWords.MayContain(folded.AsSpan(t.Start, t.Length)) && set.Contains(folded.AsSpan(t.Start, t.Length));

    // The capitalised run from i: capitalised words, joiners followed by one, "&", and possessive "'s", on one line.
    private static int RunEnd(string text, char[] folded, List<Token> tokens, bool[] taken, int i)
    {
        var end = i + 1;
        while (end < tokens.Count && !text.AsSpan(tokens[end - 1].End, tokens[end].Start - tokens[end - 1].End).Contains('\n'))
        {
            var t = tokens[end];
            if (IsCapitalisedWord(text, tokens, taken, end))
            {
                end++;
                continue;
            }

            // Possessive: Commissioner 's Office
            if (!t.IsWord && text[t.Start] is '\'' or '’' && t.Start == tokens[end - 1].End && end + 2 < tokens.Count
                && folded.AsSpan(tokens[end + 1].Start, tokens[end + 1].Length) is "s" && IsCapitalisedWord(text, tokens, taken, end + 2))
            {
                end += 3;
                continue;
            }

            // A company suffix written in lower case ends the name: "Acme Holdings plc".
            if (t.IsWord && !taken[t.Start] && folded.AsSpan(t.Start, t.Length) is "plc" or "ltd" or "inc" or "llc" or "llp" or "gmbh")
                return end + 1;

            // Plural possessive: Farmers ' Union
            if (!t.IsWord && text[t.Start] is '\'' or '’' && t.Start == tokens[end - 1].End && text[t.Start - 1] == 's'
                && end + 1 < tokens.Count && IsCapitalisedWord(text, tokens, taken, end + 1))
            {
                end += 2;
                continue;
            }

            var joiner = t.IsWord && IsIn(JoinerLookup, folded, t) && !taken[t.Start];
            var ampersand = !t.IsWord && t.Length == 1 && text[t.Start] == '&';
            if (!joiner && !ampersand)
                break;
            // "the" joins only after another joiner; a joiner must lead to a capitalised word.
            var next = end + 1;
            if (next < tokens.Count && tokens[next].IsWord && folded.AsSpan(tokens[next].Start, tokens[next].Length) is "the")
                next++;
            if (joiner && folded.AsSpan(t.Start, t.Length) is "the")
                break;
            // "… Studies on Friday": a date after a joiner is not part of the name.
            if (next >= tokens.Count || !IsCapitalisedWord(text, tokens, taken, next) || IsIn(OpenerLookup, folded, tokens[next]))
                break;
            end = next + 1;
        }

        return end;
    }

    private static bool HasHead(char[] folded, List<Token> tokens, int first, int end)
    {
        for (var k = first; k < end; k++)
        {
            if (tokens[k].IsWord && IsIn(HeadLookup, folded, tokens[k]))
                return true;
        }

        return false;
    }

    // Capitalised words, and those that are not heads ("Party Council" alone is not a name).
    private static (int Words, int NonHeads) CapitalisedWords(char[] folded, List<Token> tokens, int first, int end)
    {
        int words = 0, nonHeads = 0;
        for (var k = first; k < end; k++)
        {
            var t = tokens[k];
            if (!t.IsWord || IsIn(JoinerLookup, folded, t) || folded.AsSpan(t.Start, t.Length) is "s")
                continue;
            words++;
            if (!IsIn(HeadLookup, folded, t))
                nonHeads++;
        }

        return (words, nonHeads);
    }

    // "… Office (ICO)": an all-capital word of 2–8 letters in brackets right after the run.
    private static string? DefinedAcronym(string text, List<Token> tokens, int end)
    {
        if (end + 2 >= tokens.Count || text[tokens[end].Start] != '(' || text[tokens[end + 2].Start] != ')' || !tokens[end + 1].IsWord)
            return null;
        var word = text.AsSpan(tokens[end + 1].Start, tokens[end + 1].Length);
        if (word.Length is < 2 or > 8)
            return null;
        foreach (var c in word)
        {
            if (!char.IsUpper(c))
                return null;
        }

        return word.ToString();
    }

    // ICO for Information Commissioner's Office: the acronym's letters are the initials of the name's last words.
    private static bool InitialsMatch(string text, char[] folded, List<Token> tokens, int first, int end, string acronym)
    {
        var initials = new List<char>();
        for (var k = first; k < end; k++)
        {
            var t = tokens[k];
            if (t.IsWord && t.IsCapitalised && !IsIn(JoinerLookup, folded, t))
                initials.Add(text[t.Start]);
        }

        return initials.Count >= acronym.Length && initials.Skip(initials.Count - acronym.Length).SequenceEqual(acronym);
    }

    private static string Name(string text, List<Token> tokens, int first, int end) =>
        string.Join(' ', text[tokens[first].Start..tokens[end - 1].End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static FrozenSet<string> Load()
    {
        const string resource = "NewsLens.Actors.organisation-heads.txt";
        using var stream = typeof(OrganisationDiscovery).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        return DataLines.Read(reader.ReadToEnd()).Select(l => l.Text).ToFrozenSet(StringComparer.Ordinal);
    }
}
