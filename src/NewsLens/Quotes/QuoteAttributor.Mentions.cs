namespace NewsLens;

/// <summary>Named actors of the article outside quotations: name runs, titles trimmed, surnames and roles registered.</summary>
internal sealed partial class QuoteAttributor
{
    // Reused on this thread: an article's name runs are needed only while its mentions are collected.
    [ThreadStatic]
    internal static List<(int TokenFrame, int First, int Last, int TrimmedFirst, string? Name)>? t_runs;

    internal void CollectMentions()
    {
        // First pass: full names and the titles written before them; second pass: canonical forms.
        var runs = t_runs ??= [];
        runs.Clear();
        for (var f = 0; f < _frames.Count; f++)
        {
            var frame = _frames[f];
            var tokens = _tokens[frame.Paragraph];
            var k = frame.First;
            while (k < frame.End)
            {
                if (!StartsName(tokens, k))
                {
                    k++;
                    continue;
                }

                var last = ExtendRight(tokens, k, frame.End);
                var trimmed = TrimName(tokens, k, last);
                string? name = null;
                if (trimmed <= last && last - trimmed >= 1 && !HasOrganizationWord(tokens, trimmed, last))
                {
                    name = NameText(tokens, trimmed, last);
                    var surname = StripPossessive(tokens[last].Text);
                    // A name opening its sentence is its subject: "Homeland Security Secretary Jeh Johnson says …".
                    var subject = k == frame.First || (k - 1 == frame.First && tokens[k - 1].IsWord && Determiners.Contains(tokens[k - 1].Text));
                    _fullNames.Add((surname, name, tokens[trimmed].Start, f, subject));
                    if (!_surnames.TryGetValue(surname, out var seen) || !seen.EndsWith(name, StringComparison.OrdinalIgnoreCase))
                        _surnames[surname] = name;
                    if (RoleWordsBefore(tokens, frame.First, k, trimmed) is { } roleWords)
                        _roles.Add((roleWords, name, tokens[k].Start));
                }

                runs.Add((f, k, last, trimmed, name));
                k = last + 1;
            }
        }

        _mentions.EnsureCapacity(runs.Count + _known.Count); // at most one per run plus the catalog's extras
        foreach (var (f, first, last, trimmedFirst, name) in runs)
        {
            var tokens = _tokens[_frames[f].Paragraph];
            var phraseFirst = trimmedFirst <= last ? trimmedFirst : first;
            var start = tokens[phraseFirst].Start;
            var end = tokens[last].End;
            var surface = name ?? NameText(tokens, phraseFirst, last); // the first pass's name is this same text
            var before = first - 1 >= 0 && tokens[first - 1].IsWord && Determiners.Contains(tokens[first - 1].Text) ? first - 2 : first - 1;
            var oblique = before >= 0 && tokens[before].IsWord && Prepositions.Contains(tokens[before].Text);

            // "U.S. intelligence agencies", "NATO countries": a group named by its owner.
            if (GroupAfter(tokens, first, last, _frames[f].End) is { } g)
            {
                var owner = KnownAt(start, end);
                var canonical = !MemberNouns.Contains(g.Head) ? g.Surface
                    : owner is { Kind: SpeakerKind.Organization } ? owner.Canonical
                    : surface;
                _mentions.Add(new NamedActor(g.Start, g.End, g.Surface, canonical, SpeakerKind.Group, f, null, oblique));
                continue;
            }

            if (KnownAt(start, end) is { } known && !HonorificContradicts(start, known)
                && (known.Kind != SpeakerKind.Person || string.Equals(surface, known.Canonical, StringComparison.Ordinal)
                    || !PrintedNameDiffers(new SpeakerPhrase(SpeakerPhraseKind.Name, 0, first, last, start, end, surface, ""), CanonicalName(surface, tokens[last].Text, start), known)))
            {
                _mentions.Add(new NamedActor(start, end, surface, known.Canonical, known.Kind, f, known.Gender, oblique));
                continue;
            }

            var kind = HasOrganizationWord(tokens, first, last) ? SpeakerKind.Organization
                : trimmedFirst > last ? SpeakerKind.Unknown
                : last > trimmedFirst || trimmedFirst > first || _surnames.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(PossessiveStem(tokens[last].Text)) ? SpeakerKind.Person
                : SpeakerKind.Unknown;
            if (kind == SpeakerKind.Unknown && first == _frames[f].First && last == first && LooksLikeVerbOrAdverb(tokens[first].Text)
                && first + 1 < tokens.Count && (tokens[first + 1].Text == "," || (tokens[first + 1].IsLower && !Skippable.Contains(tokens[first + 1].Text) && MatchCue(tokens, first + 1, tokens.Count) is null)))
                continue; // "Addressing reporters", "Separately," at a sentence start

            // Titles alone ("The Republican presidential nominee") are nobody's surname, whatever name ends in them.
            var canonicalName = trimmedFirst > last ? surface : CanonicalName(surface, tokens[last].Text, start);
            _mentions.Add(new NamedActor(start, end, surface, canonicalName, kind, f,
                kind is SpeakerKind.Person or SpeakerKind.Unknown ? GenderOfName(canonicalName, tokens, first) : null, oblique));
        }

        // Catalog actors the name runs missed (lower-case role phrases, metonyms inside longer runs).
        SortByStart(_mentions);
        var extra = new List<NamedActor>();
        foreach (var known in _known)
        {
            var at = MentionBefore(known.Start + 1);
            var covered = false;
            for (var i = at; i >= 0 && i > at - 4 && !covered; i--)
                covered = _mentions[i].Start <= known.Start && known.End <= _mentions[i].End;
            if (covered || InsideQuote(known.Start))
                continue;
            var f = FrameAt(known.Start);
            if (f >= 0)
                extra.Add(new NamedActor(known.Start, known.End, _text[known.Start..known.End], known.Canonical, known.Kind, f, known.Gender));
        }

        _mentions.AddRange(extra);
        SortByStart(_mentions);
        _frameMentionStart = new int[_frames.Count + 1];
        var m = 0;
        for (var f = 0; f <= _frames.Count; f++)
        {
            while (m < _mentions.Count && _mentions[m].TokenFrame < f)
                m++;
            _frameMentionStart[f] = m;
        }
    }

    // Name runs come in text order: sorted only when they are not. Equal starts are left to List.Sort as before, as it
    // is not stable and may order them otherwise.
    private static void SortByStart(List<NamedActor> mentions)
    {
        for (var i = 1; i < mentions.Count; i++)
        {
            if (mentions[i - 1].Start >= mentions[i].Start)
            {
                mentions.Sort(static (a, b) => a.Start.CompareTo(b.Start));
                return;
            }
        }
    }

    internal IEnumerable<NamedActor> MentionsOf(int frame, int limit = 40)
    {
        var end = Math.Min(_frameMentionStart[frame + 1], _frameMentionStart[frame] + limit);
        for (var i = _frameMentionStart[frame]; i < end; i++)
            yield return _mentions[i];
    }

    // Index of the last mention starting before offset (binary search), or -1.
    internal int MentionBefore(int offset) => SortedOffsets.LastIndexBefore(_mentions, static m => m.Start, offset);

    internal bool StartsName(List<SpanToken> tokens, int k)
    {
        var t = tokens[k];
        return IsNameWord(t);
    }

    // "It’s", "That's" at a sentence start are not names either.
    internal bool IsNameWord(SpanToken t) =>
        t.IsCapitalized && !Words.NonNameWords.Contains(ContractionStem(t.Text)) && !IsAllCapsNoise(t.Text) && !HasDigit(t.Text);

    // A loop, not Any(char.IsDigit): this runs for every capitalised token, several times over.
    internal static bool HasDigit(string word)
    {
        foreach (var c in word)
        {
            if (char.IsDigit(c))
                return true;
        }

        return false;
    }

    // The word before its apostrophe ("It" of "It’s"), as a span: it is only looked up.
    internal static ReadOnlySpan<char> ContractionStem(string word)
    {
        var apostrophe = word.AsSpan().IndexOfAny('\'', '’');
        return apostrophe > 0 ? word.AsSpan(0, apostrophe) : word;
    }

    // Long shouting ("BREAKINGNEWSTODAY"), and a heading's capitals glued to the text after it ("THE BORROWING Back when
    // he wrote"): a common English word in capitals is no name ("TRUMP", "WALLACE" are names to the word list too).
    internal static bool IsAllCapsNoise(string word) =>
        word.Length >= 4 && char.IsUpper(word[^1]) && word.All(char.IsUpper) && (word.Length > 12 || IsCommonWord(word));

    // Whether the word, folded to lower case, is only ever a common English word (Text/lowercase-words.txt).
    internal static bool IsCommonWord(string word)
    {
        if (word.Length > 40)
            return false;
        Span<char> folded = stackalloc char[word.Length];
        word.AsSpan().ToLowerInvariant(folded);
        return LowercaseWords.Contains(folded);
    }

    internal int ExtendRight(List<SpanToken> tokens, int k, int end)
    {
        var last = k;
        var sawOf = false;
        for (var j = k + 1; j < end; j++)
        {
            var t = tokens[j];
            if (IsNameWord(t) && !EndsWithPossessive(tokens[last].Text))
            {
                last = j;
                continue;
            }

            if (j + 1 < end && IsNicknameAt(tokens, j))
                continue; // Marcia "Cia" Price

            // "Bank of England", "Secretary of State": "of" joins only after an organisation word or a title,
            // so "Doug Madison of Commerzbank" stays a person.
            var ofJoins = t.Text == "of" && (Words.OrganizationNouns.Contains(tokens[j - 1].Text) || IsTitle(tokens[j - 1].Text));
            var connector = t.IsWord && (Particles.Contains(t.Text) || ofJoins || (sawOf && t.Text == "and"));
            if (connector && j + 1 < end && tokens[j + 1].IsCapitalized && !Words.NonNames.Contains(tokens[j + 1].Text))
            {
                sawOf |= t.Text == "of";
                continue;
            }

            break;
        }

        return last;
    }

    internal int ExtendLeft(List<SpanToken> tokens, int k, int start)
    {
        var first = k;
        for (var j = k - 1; j >= start; j--)
        {
            var t = tokens[j];
            if (IsNameWord(t) && !EndsWithPossessive(t.Text))
            {
                first = j;
                continue;
            }

            if (j - 1 >= start && IsNicknameAt(tokens, j))
                continue; // Marcia "Cia" Price

            var connector = t.IsWord && (Particles.Contains(t.Text) || t.Text is "of" or "and");
            if (t.Text == "of" && j - 1 >= start && !Words.OrganizationNouns.Contains(tokens[j - 1].Text) && !IsTitle(tokens[j - 1].Text))
                break;
            if (connector && j - 1 >= start && tokens[j - 1].IsCapitalized && !Words.NonNames.Contains(tokens[j - 1].Text))
            {
                if (t.Text == "and" && !RunHasOf(tokens, start, j))
                    break;
                continue;
            }

            break;
        }

        // A leading particle ("de Danne") belongs to the name.
        if (first - 1 >= start && tokens[first - 1].IsWord && Particles.Contains(tokens[first - 1].Text) && (first - 2 < start || !tokens[first - 2].IsCapitalized))
            first--;
        return first;
    }

    internal static bool RunHasOf(List<SpanToken> tokens, int start, int j)
    {
        for (var m = j - 1; m >= start && (tokens[m].IsCapitalized || tokens[m].Text == "of"); m--)
        {
            if (tokens[m].Text == "of")
                return true;
        }

        return false;
    }

    // Index of the name's first token: after the titles, and after a word that is only ever a common English word
    // capitalised before a given name and a surname, by a sentence start ("Rival Hillary Clinton") or a title ("Miss
    // Universe Alicia Machado"), unless a longer actor starts with it ("New York Times", "Homeland Security Investigations").
    internal int TrimName(List<SpanToken> tokens, int first, int last)
    {
        var trimmed = TrimTitles(tokens, first, last);
        Span<char> buffer = stackalloc char[KeyBuffer];
        while (trimmed < last - 1 && IsCommonWord(tokens[trimmed].Text) && !KnownRunsOn(tokens[trimmed])
               && PersonCues.Default.IsFirstName(WordKey(tokens[trimmed + 1].Text, buffer)))
            trimmed++;
        return trimmed;
    }

    // Index of the first token after leading titles ("Russian Foreign Minister"); last + 1 when all are titles.
    // A run with an organisation word and no title after it is an organisation's name and is kept whole
    // ("Russia's Foreign Ministry"); otherwise the name starts after the last title word
    // ("Russia Today Russian Foreign Minister Sergey Lavrov" -> "Sergey Lavrov").
    internal int TrimTitles(List<SpanToken> tokens, int first, int last)
    {
        // "Mr. King", "Dr. Chancellor": after an honorific comes a name, whatever its words mean.
        for (var k = last - 1; k >= first; k--)
        {
            if (IsHonorific(tokens[k].Text))
                return k + 1;
        }

        var lastTitle = -1;
        var lastOrganization = -1;
        for (var k = first; k <= last; k++)
        {
            // A word that is both ("State" in "Secretary of State John Kerry") counts as a title.
            if (IsTitle(tokens[k].Text))
                lastTitle = k;
            else if (Words.OrganizationNounWords.Contains(PossessiveStem(tokens[k].Text)))
                lastOrganization = k;
        }

        if (lastOrganization >= 0 && lastTitle <= lastOrganization)
            return first;
        if (lastTitle < 0)
            return first;
        if (lastTitle < last)
            return tokens[lastTitle + 1].Text == "of" ? lastTitle + 2 : lastTitle + 1; // "Democrat of California": a place, not a name
        var j = first;
        while (j <= last && (IsTitle(tokens[j].Text) || (tokens[j].Text == "of" && j > first)))
            j++;
        return j;
    }

    // The word as written, else without its period ("Gen." as "gen"): one look-up when there is no period.
    internal bool IsTitle(string word)
    {
        var stem = word.AsSpan().TrimEnd('.');
        return (stem.Length < word.Length && Words.Titles.Contains(word)) || Words.TitleWords.Contains(stem) || Abbreviations.IsNameTitle(stem);
    }

    internal bool HasOrganizationWord(List<SpanToken> tokens, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (Words.OrganizationNounWords.Contains(PossessiveStem(tokens[k].Text)))
                return true;
        }

        return false;
    }

    // Titles and role nouns written right before a name: "Kremlin spokesman Dmitry Peskov", "co-author Michael Rataj"; null when none.
    internal HashSet<string>? RoleWordsBefore(List<SpanToken> tokens, int frameFirst, int runFirst, int trimmedFirst)
    {
        HashSet<string>? words = null; // most names have none: no set for them
        for (var k = runFirst; k < trimmedFirst; k++)
            (words ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(tokens[k].Text.TrimEnd('.'));
        for (var k = runFirst - 1; k >= frameFirst && k >= runFirst - 4; k--)
        {
            var t = tokens[k];
            if (!t.IsWord || Determiners.Contains(t.Text) || Prepositions.Contains(t.Text))
                break;
            if (t.IsLower && !Words.RoleNouns.Contains(t.Text) && !Words.Titles.Contains(t.Text) && !t.Text.Contains('-'))
                break;
            (words ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(t.Text);
        }

        return words;
    }

    internal static bool LooksLikeVerbOrAdverb(string word) =>
        word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ly", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal);

    internal string NameText(List<SpanToken> tokens, int first, int last)
    {
        // A nickname inside the name: a one-word one is the given name the person goes by (Robert C. "Bobby" Scott is
        // Bobby Scott, as the article goes on to call him); a longer one is left out (Dwayne "The Rock" Johnson).
        for (var k = first + 1; k < last; k++)
        {
            if (tokens[k].Kind != SpanTokenKind.Span)
                continue;
            var rest = NameText(tokens, k + 1, last);
            return tokens[k].Text.Contains(' ')
                ? StripPossessive(_text[tokens[first].Start..tokens[k - 1].End] + " " + rest)
                : tokens[k].Text + " " + rest;
        }

        // A one-word name is its token's text, a string already; otherwise one string: the possessive cut off the span.
        if (first == last && !EndsWithPossessive(tokens[first].Text))
            return tokens[first].Text;
        var name = _text.AsSpan(tokens[first].Start, tokens[last].End - tokens[first].Start);
        return (EndsWithPossessive(name) ? name[..^2] : name).ToString();
    }

    internal static bool EndsWithPossessive(string word) => EndsWithPossessive(word.AsSpan());

    internal static bool EndsWithPossessive(ReadOnlySpan<char> word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal);

    internal static string StripPossessive(string word) => EndsWithPossessive(word) ? word[..^2] : word;

    // The word without a possessive ending, as a span: for look-ups that need no string.
    internal static ReadOnlySpan<char> PossessiveStem(string word) => EndsWithPossessive(word) ? word.AsSpan(0, word.Length - 2) : word;

    // A surname alone resolves to the full name written elsewhere in the article.
    internal string CanonicalName(string surface, string lastWord, int offset = -1)
    {
        if (!surface.Contains(' ') && offset >= 0 && PersonBySurname(StripPossessive(lastWord), offset) is { } salient)
            return salient;
        if (!surface.Contains(' ') && (offset >= 0 ? FullNameBefore(StripPossessive(lastWord), offset) : null) is { } nearest)
            return nearest;
        if (!surface.Contains(' ') && _surnames.TryGetValue(StripPossessive(lastWord), out var full))
            return full;
        if (surface.Contains(' ') && _surnames.TryGetValue(StripPossessive(lastWord), out var longer)
            && longer.Length > surface.Length && longer.EndsWith(surface, StringComparison.OrdinalIgnoreCase))
            return longer; // "Le Pen" -> "Marine Le Pen"
        return surface;
    }

    /// <summary>
    /// The person a bare surname at <paramref name="offset"/> stands for when the article has named several people of
    /// that surname before it ("Ted Cruz", "Heidi Cruz"): the one an honorific before it allows ("Mr. Obama" is not
    /// Michelle Obama), the one just introduced as the subject of one of the last sentences, else the first named, the
    /// article's main figure of that name: reporters name the others in full. Null when nobody of that name was named before.
    /// </summary>
    internal string? PersonBySurname(string surname, int offset)
    {
        if (!_surnames.ContainsKey(surname) && !KnownSurname(surname))
            return null; // most words are nobody's surname
        // Scratch reused from call to call: this runs for every bare surname.
        var named = _named ??= [];
        named.Clear();
        string? recentSubject = null;
        var frame = FrameAt(offset);
        foreach (var (s, full, start, f, subject) in _fullNames)
        {
            if (start >= offset || !string.Equals(s, surname, StringComparison.OrdinalIgnoreCase))
                continue;
            named.Add((start, full));
            if (subject && frame >= 0 && f >= frame - 6)
                recentSubject = full;
        }

        // The catalog's person of that surname named with a title before ("President Obama" is Barack Obama).
        var catalogPerson = CatalogPersonBySurname(_options.Actors.Catalog, surname);
        if (catalogPerson is not null)
        {
            foreach (var k in _known)
            {
                if (k.Start >= offset)
                    break;
                if (k.Kind == SpeakerKind.Person && EndsWithWord(k.Canonical, surname) && !_text.AsSpan(k.Start, k.End - k.Start).Contains(' ') && TitledBefore(k.Start))
                    named.Add((k.Start, catalogPerson.Name));
            }
        }

        if (named.Count == 0)
            return null;
        var gender = HonorificGenderBefore(offset);
        named.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var distinct = DistinctNames(named, _distinct ??= []);
        if (gender is not null && NoneOfGender(distinct, gender))
        {
            // "Mr. Obama" when the article has named only Michelle Obama: the catalog's man of that name, else the surname.
            if (catalogPerson is not null && catalogPerson.Gender == (gender == "male" ? Gender.Male : Gender.Female))
                return catalogPerson.Name;
            (_keptBare ??= new(StringComparer.Ordinal)).Add(surname);
            return surname;
        }

        if (distinct.Count == 1)
            return distinct[0];
        // Just introduced as a sentence's subject, the newcomer is who the surname means ("Jeh Johnson says …. Johnson said").
        if (recentSubject is not null && (gender is null || GenderByName(recentSubject) is not { } rg || rg == gender))
            return recentSubject;
        foreach (var (_, name) in named)
        {
            if (distinct.Contains(name) && (gender is null || GenderByName(name) is not { } g || g == gender))
                return name;
        }

        return null;
    }

    // The names, each once (case aside), in order, without those a longer one ends with ("Cruz" beside "Ted Cruz").
    // Loops, not LINQ: this runs for every bare surname, and a lambda here made a closure on every call.
    private static List<string> DistinctNames(List<(int Start, string Name)> named, List<string> distinct)
    {
        distinct.Clear();
        foreach (var (_, name) in named)
        {
            if (!ContainsIgnoreCase(distinct, name) && !EndOfLongerName(named, name))
                distinct.Add(name);
        }

        return distinct;
    }

    private static bool ContainsIgnoreCase(List<string> names, string name)
    {
        foreach (var n in names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    // Whether another name ends with this one as its last words: " " + name, without making that string.
    private static bool EndOfLongerName(List<(int Start, string Name)> named, string name)
    {
        foreach (var (_, other) in named)
        {
            if (other.Length > name.Length && other[other.Length - name.Length - 1] == ' ' && other.EndsWith(name, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    // Whether every name has a known gender other than this one.
    private bool NoneOfGender(List<string> names, string gender)
    {
        foreach (var n in names)
        {
            if (GenderByName(n) is not { } g || g == gender)
                return false;
        }

        return true;
    }

    private List<(int Start, string Name)>? _named;
    private List<string>? _distinct;

    // Each catalog's people by surname, where one person alone has it: built once per catalog.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ActorCatalog, Dictionary<string, Actor>> CatalogSurnames = new();

    internal static Actor? CatalogPersonBySurname(ActorCatalog catalog, string surname)
    {
        var bySurname = CatalogSurnames.GetValue(catalog, static c =>
        {
            var map = new Dictionary<string, Actor>(StringComparer.OrdinalIgnoreCase);
            var shared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var actor in c.Actors)
            {
                var space = actor.Name.LastIndexOf(' ');
                if (actor.Kind != ActorKind.Person || space <= 0)
                    continue;
                var key = actor.Name[(space + 1)..];
                if (!map.TryAdd(key, actor))
                    shared.Add(key);
            }

            foreach (var key in shared)
                map.Remove(key);
            return map;
        });
        return bySurname.GetValueOrDefault(surname);
    }

    // Surnames left bare because an honorific ruled out everyone of that name in the article ("Mr. Roan" after only
    // Michelle Roan): joining speakers to mentions must not undo that.
    internal HashSet<string>? _keptBare;

    // Surnames of the catalog's people recognised in the article, built on first use.
    private HashSet<string>? _knownSurnames;

    private bool KnownSurname(string surname)
    {
        if (_knownSurnames is null)
        {
            // Looked up by span: a surname string is made only for a surname not yet in the set.
            _knownSurnames = new(StringComparer.OrdinalIgnoreCase);
            var lookup = _knownSurnames.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var k in _known)
            {
                var space = k.Canonical.LastIndexOf(' ');
                if (k.Kind == SpeakerKind.Person && space > 0)
                    lookup.Add(k.Canonical.AsSpan(space + 1));
            }
        }

        return _knownSurnames.Contains(surname);
    }

    private static bool EndsWithWord(string name, string word) =>
        name.Length > word.Length && name.EndsWith(word, StringComparison.OrdinalIgnoreCase) && name[name.Length - word.Length - 1] == ' ';

    // A named person's gender for checking an honorific against: the given name's first ("Michelle Roan" is a woman even
    // where a recognizer linked "Mr. Roan" to her), else what the article and catalog say.
    internal string? GenderByName(string name) => GenderOfName(name) ?? GenderOfSpeaker(name);

    // The word right before an offset, when it is a title or honorific ("President Obama", "Sen. Cruz").
    private bool TitledBefore(int offset) => WordBefore(offset) is { } word && (IsTitle(word) || IsHonorific(word));

    // "male" or "female" when an honorific stands right before the offset ("Mr. Obama", "Mrs. Clinton").
    internal string? HonorificGenderBefore(int offset) =>
        WordSpanBefore(offset) is { Length: > 0 } word && TryGetHonorific(word, out var g) && g != Gender.Unknown
            ? g == Gender.Male ? "male" : "female"
            : null;

    private string? WordBefore(int offset) => WordSpanBefore(offset) is { Length: > 0 } word ? word.ToString() : null;

    // The word right before an offset (empty when there is none, or it is long): a span, as most callers only look it up.
    private ReadOnlySpan<char> WordSpanBefore(int offset)
    {
        var end = offset;
        while (end > 0 && char.IsWhiteSpace(_text[end - 1]))
            end--;
        var start = end;
        while (start > 0 && (Tokenizer.IsWordChar(_text[start - 1]) || _text[start - 1] == '.'))
            start--;
        return start < end && end - start <= 12 ? _text.AsSpan(start, end - start) : default;
    }

    /// <summary>The full name printed for this surname nearest before the offset (else the first one after), or null.</summary>
    internal string? FullNameBefore(string surname, int offset)
    {
        if (!_surnames.ContainsKey(surname))
            return null; // most words are nobody's surname: skip the scan
        string? before = null, after = null;
        foreach (var (s, full, start, _, _) in _fullNames)
        {
            if (!string.Equals(s, surname, StringComparison.OrdinalIgnoreCase))
                continue;
            if (start < offset)
                before = full;
            else
                after ??= full;
        }

        return before ?? after;
    }

    internal static bool IsHonorific(string word) => TryGetHonorific(word, out _);

    // An honorific's gender, the word looked up without its period ("Mr." as "mr").
    private static bool TryGetHonorific(ReadOnlySpan<char> word, out Gender gender)
    {
        Span<char> buffer = stackalloc char[KeyBuffer];
        return PersonCues.Default.TryGetHonorific(WordKey(word.TrimEnd('.'), buffer), out gender);
    }

    private const int KeyBuffer = 32;

    // ActorText.Key of one word, folded into the buffer when the word is plain letters and digits (its key is then
    // the word folded): these look-ups run for every name and title, and Key makes two strings each time.
    private static ReadOnlySpan<char> WordKey(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length)
            return ActorText.Key(word.ToString());
        foreach (var c in word)
        {
            if (!Tokenizer.IsWordChar(c))
                return ActorText.Key(word.ToString());
        }

        ActorText.Fold(word, buffer);
        return buffer[..word.Length];
    }

    // Gender of a person outside the catalog: an honorific before the name ("Mrs."), else the first name's.
    internal string? GenderOfName(string name, List<SpanToken>? tokens = null, int first = -1)
    {
        if (tokens is not null && first > 0 && TryGetHonorific(tokens[first - 1].Text, out var honorific) && honorific != Gender.Unknown)
            return honorific == Gender.Male ? "male" : "female";
        if (tokens is not null && first >= 0 && TryGetHonorific(tokens[first].Text, out honorific) && honorific != Gender.Unknown)
            return honorific == Gender.Male ? "male" : "female";
        var space = name.IndexOf(' ');
        if (space <= 0)
            return null;
        Span<char> buffer = stackalloc char[KeyBuffer];
        return PersonCues.Default.GenderOfFirstName(WordKey(name.AsSpan(0, space), buffer)) switch
        {
            Gender.Male => "male",
            Gender.Female => "female",
            _ => null,
        };
    }

    internal KnownActor? KnownAt(int start, int end)
    {
        KnownActor? best = null;
        // Actors starting before the phrase's end; a name is short, so a few steps back suffice.
        var last = SortedOffsets.LastIndexBefore(_known, static k => k.Start, end);

        for (var i = last; i >= 0 && i > last - 8; i--)
        {
            var known = _known[i];
            if (known.End <= start || known.Start >= end)
                continue;
            // Prefer the actor that ends where the phrase ends: the head of "Putin's spokesman Dmitry Peskov" is Peskov.
            if (best is null || Math.Abs(known.End - end) < Math.Abs(best.End - end)
                || (Math.Abs(known.End - end) == Math.Abs(best.End - end) && known.End - known.Start > best.End - best.Start))
                best = known;
        }

        return best;
    }

    // Whether a recognised actor covers the word and goes on after it ("New" in "New York Times").
    internal bool KnownRunsOn(SpanToken word)
    {
        var last = SortedOffsets.LastIndexBefore(_known, static k => k.Start, word.Start, inclusive: true);
        for (var i = last; i >= 0 && i > last - 8; i--)
        {
            if (_known[i].Start <= word.Start && _known[i].End > word.End)
                return true;
        }

        return false;
    }

    internal bool InsideQuote(int offset)
    {
        int lo = 0, hi = _spans.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_spans[mid].OuterEnd <= offset)
                lo = mid + 1;
            else if (_spans[mid].Open > offset)
                hi = mid - 1;
            else
                return true;
        }

        return false;
    }

    internal int FrameAt(int offset)
    {
        int lo = 0, hi = _frames.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var frame = _frames[mid];
            var tokens = _tokens[frame.Paragraph];
            if (frame.First >= frame.End || tokens[frame.End - 1].End <= offset)
                lo = mid + 1;
            else if (tokens[frame.First].Start > offset)
                hi = mid - 1;
            else
                return mid;
        }

        return -1;
    }
}
