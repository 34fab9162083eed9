using System.Collections.Frozen;

namespace NewsLens;

/// <summary>
/// Finds actor mentions in an article: catalog names and aliases (one pass, longest match, case-aware,
/// diacritics-insensitive), role phrases resolved by the article's date and context, surnames resolved to the full
/// name seen earlier, and people outside the catalog introduced by a title ("journalist Pavel Zarubin").
/// </summary>
public sealed class ActorRecognizer
{
    private static readonly FrozenSet<string> NotNameWords = FrozenSet.ToFrozenSet(
    [
        "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "and", "but", "or", "of", "to", "by",
        "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "as", "if", "when", "while",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNameWordLookup = NotNameWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // "Kuala Lumpur-based", "Kremlin-backed": a hyphenated adjective, not the second half of a name like "Ka-shing".
    private static readonly FrozenSet<string> CompoundSuffixes = FrozenSet.ToFrozenSet(
    [
        "based", "led", "born", "run", "owned", "made", "style", "era", "backed", "held", "area", "wide", "type",
    ], StringComparer.Ordinal);

    // Speech verbs that come before their subject after a quote: '"...," said Jane Doe'.
    private static readonly FrozenSet<string> InvertingVerbs = FrozenSet.ToFrozenSet(
    [
        "said", "says", "added", "adds", "wrote", "writes", "explained", "noted", "argued", "warned", "continued", "commented", "stated", "insisted",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InvertingVerbLookup = InvertingVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> AppositiveLinks = FrozenSet.ToFrozenSet(["to", "of", "for", "at", "with", "in"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Prepositions = FrozenSet.ToFrozenSet(
    [
        "in", "at", "from", "for", "to", "of", "with", "on", "by", "into", "near", "across", "throughout", "via",
    ], StringComparer.Ordinal);

    // Span look-ups into the folded text: a token is checked without cutting a substring out of it.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CompoundSuffixLookup = CompoundSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AppositiveLinkLookup = AppositiveLinks.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PrepositionLookup = Prepositions.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly PersonCues cues = PersonCues.Default;

    public ActorRecognizer(ActorCatalog? catalog = null, bool discoverUntitledNames = true, bool discoverOrganisations = true)
    {
        Catalog = catalog ?? ActorCatalog.Default;
        DiscoverUntitledNames = discoverUntitledNames;
        DiscoverOrganisations = discoverOrganisations;
    }

    /// <summary>
    /// Whether organisations outside the catalog are looked for (the default): capitalised names with a head word
    /// ("National Council for Adoption", "Acme Holdings plc") and acronyms defined in the text ("… Office (ICO)"),
    /// <see cref="MentionSource.Discovered"/>, and later uses of such an acronym, <see cref="MentionSource.Alias"/>.
    /// </summary>
    public bool DiscoverOrganisations { get; }

    /// <summary>
    /// Whether people named without a title are looked for too (the default): names opening with a given name, ages in
    /// apposition, "Mr X", inverted-cue subjects, coordinated names, team sheets. People-dev (BBC, ukraine-media) recall
    /// 0.92 with it, 0.41 without; firm- or word-like discovered names stay under 2 % on Reuters and ukraine-media.
    /// </summary>
    public bool DiscoverUntitledNames { get; }

    public ActorCatalog Catalog { get; }

    private sealed class Candidate
    {
        public int First;
        public int Length;
        public IReadOnlyList<TrieEntry>? Entries;
        public string? Discovered;
        public Gender Gender;
        public bool Titled; // a role phrase directly followed by the name it introduces

        public int End => First + Length;
    }

    // A written form of a person found outside the catalog (the full name or the surname), as folded words, and the
    // offset from which later mentions may use it; Order keeps text order among forms.
    private readonly record struct LocalForm(string Name, string[] Keys, Gender Gender, int After, int Order);

    // Buffers one thread reuses from article to article: a token list, a folded copy of the text and flag arrays
    // per article were most of what recognition allocated. The pipeline recognises on several threads at once,
    // so each thread has its own.
    private sealed class Scratch
    {
        // Larger buffers (a book-length article) serve their article and are not kept.
        private const int KeepCharacters = 1 << 20;

        [ThreadStatic]
        private static Scratch? current;

        private readonly List<Token> tokens = [];
        private char[] folded = [];
        private bool[] strong = [];
        private bool[] covered = [];
        private bool[] roleEnds = [];
        private bool[] taken = [];
        private bool[] inCatalog = [];
        private bool[] headline = [];
        private WordClass[] classes = [];
        private readonly Dictionary<string, string> seenSurnames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Name, Gender Gender)> localSurnames = new(StringComparer.Ordinal);
        private readonly HashSet<(string Name, Gender Gender)> namesWithForms = [];
        private readonly List<LocalForm> localForms = [];
        private readonly List<LocalForm> forms = [];
        private readonly HashSet<(string Name, int Words, Gender Gender)> keptForms = [];
        private readonly WordFilter formFirstWords = new(bitCount: 1 << 12);
        private readonly List<Candidate> candidates = [];
        private readonly List<int> firmStarts = [];
        private readonly Dictionary<string, string?> byLast = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> byFirst = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> variants = new(StringComparer.Ordinal);
        private readonly List<(string Name, string[] Words, bool Catalog, string Surname)> people = [];
        private readonly HashSet<string> seenPeople = new(StringComparer.Ordinal);

        public static Scratch ForThisThread => current ??= new Scratch();

        /// <summary>The text tokenized, in a list valid until the next article on this thread.</summary>
        public List<Token> Tokenize(string text)
        {
            var list = text.Length <= KeepCharacters ? tokens : [];
            Tokenizer.Tokenize(text, list);
            return list;
        }

        /// <summary>The folded text in the first <c>text.Length</c> characters of a buffer (offsets are the text's).</summary>
        public char[] Fold(string text)
        {
            var buffer = Rent(ref folded, text.Length, clear: false);
            ActorText.Fold(text, buffer);
            return buffer;
        }

        public bool[] Strong(int count) => Rent(ref strong, count, clear: true);

        public bool[] Covered(int count) => Rent(ref covered, count, clear: true);

        public bool[] RoleEnds(int count) => Rent(ref roleEnds, count, clear: true);

        public bool[] Taken(int count) => Rent(ref taken, count, clear: true);

        public bool[] InCatalog(int count) => Rent(ref inCatalog, count, clear: true);

        public bool[] Headline(int count) => Rent(ref headline, count, clear: true);

        public WordClass[] Classes(int count) => Rent(ref classes, count, clear: false);

        public List<Candidate> Candidates()
        {
            candidates.Clear();
            return candidates;
        }

        public Dictionary<string, string> SeenSurnames()
        {
            seenSurnames.Clear();
            return seenSurnames;
        }

        public Dictionary<string, (string Name, Gender Gender)> LocalSurnames()
        {
            localSurnames.Clear();
            return localSurnames;
        }

        public HashSet<(string Name, Gender Gender)> NamesWithForms()
        {
            namesWithForms.Clear();
            return namesWithForms;
        }

        public List<LocalForm> LocalForms()
        {
            localForms.Clear();
            return localForms;
        }

        public List<LocalForm> Forms()
        {
            forms.Clear();
            return forms;
        }

        /// <summary>A filter of the first words of the local forms, emptied.</summary>
        public WordFilter FormFirstWords()
        {
            formFirstWords.Clear();
            return formFirstWords;
        }

        public HashSet<(string Name, int Words, Gender Gender)> KeptForms()
        {
            keptForms.Clear();
            return keptForms;
        }

        /// <summary>The tables that link one article's names to its full names (see FullNames), emptied.</summary>
        public (Dictionary<string, string?> ByLast, Dictionary<string, string?> ByFirst, Dictionary<string, string> Variants,
            List<(string Name, string[] Words, bool Catalog, string Surname)> People, HashSet<string> Seen) FullNames()
        {
            byLast.Clear();
            byFirst.Clear();
            variants.Clear();
            people.Clear();
            seenPeople.Clear();
            return (byLast, byFirst, variants, people, seenPeople);
        }

        public List<int> FirmStarts()
        {
            firmStarts.Clear();
            return firmStarts;
        }

        private static T[] Rent<T>(ref T[] kept, int count, bool clear)
        {
            if (count > KeepCharacters)
                return new T[count];
            if (kept.Length < count)
                kept = new T[Math.Max(count, Math.Min(KeepCharacters, kept.Length * 2))];
            else if (clear)
                Array.Clear(kept, 0, count);
            return kept;
        }
    }

    /// <summary>All mentions in the article, in text order.</summary>
    public IReadOnlyList<Mention> Recognize(Article article)
    {
        var text = article.Text;
        var scratch = Scratch.ForThisThread;
        var folded = scratch.Fold(text);
        var tokens = scratch.Tokenize(text);
        var trie = Catalog.Trie;

        // 1. Catalog phrases: leftmost-longest over tokens.
        var candidates = scratch.Candidates();
        for (var i = 0; i < tokens.Count;)
        {
            var (length, entries) = IsWordTail(text, tokens, i) ? (0, null) : trie.Match(text, folded, tokens, i);
            if (length == 0)
            {
                i++;
                continue;
            }

            candidates.Add(new Candidate { First = i, Length = length, Entries = entries });
            i += length;
        }

        // 2. People outside the catalog, introduced by a title or role.
        var strong = scratch.Strong(tokens.Count);
        foreach (var c in candidates)
        {
            if (c.Entries!.Any(e => e.Type != EntryType.Short))
            {
                for (var k = c.First; k < c.End; k++)
                    strong[k] = true;
            }
        }

        bool[]? headline = null; // tokens of a paragraph in headline case, marked on first use
        bool[] Headlines() => headline ??= HeadlineMask(article, text, tokens, scratch.Headline(tokens.Count));
        var discovered = Discover(article, text, folded, tokens, strong, candidates, scratch, Headlines);
        if (discovered.Count > 0)
        {
            RemoveOverlapped(candidates, discovered, scratch.Covered(tokens.Count));
            candidates.AddRange(discovered);
            candidates.Sort((a, b) => a.First.CompareTo(b.First));
        }

        MarkTitledRoles(candidates, tokens, text);

        // 3. Resolve in text order: shorts and roles look back at what the article already named.
        var mentions = new List<Mention>();
        var recent = new List<string>();
        var local = scratch.LocalForms(); // the forms of discovered names, in text order
        var seenSurnames = scratch.SeenSurnames(); // surname key → person named in full earlier
        var localSurnames = scratch.LocalSurnames(); // the same for people outside the catalog
        var localBySpan = localSurnames.GetAlternateLookup<ReadOnlySpan<char>>();
        var localForms = scratch.NamesWithForms(); // names whose forms are in `local` already
        HashSet<string>? support = null; // the actors and homes the article's catalog phrases name (see IsSupported)
        Candidate? previous = null;
        foreach (var c in candidates)
        {
            var before = previous; // the phrase before this one, for a title ("President Obama")
            previous = c;
            if (c.Discovered is { } name)
            {
                Add(c.First, c.End, name, ActorKind.Person, MentionSource.Discovered, c.Gender);
                localBySpan[folded.AsSpan(tokens[c.End - 1].Start, tokens[c.End - 1].Length)] = (name, c.Gender);
                // "Pavel Durov spoke. Pavel signed": his given name alone is his, not a catalog surname's.
                if (c.Length > 1 && cues.IsFirstName(folded.AsSpan(tokens[c.First].Start, tokens[c.First].Length)))
                    localBySpan.TryAdd(folded.AsSpan(tokens[c.First].Start, tokens[c.First].Length), (name, c.Gender));
                // Later mentions may use the surname or the full name again (from the first mention on: a later
                // mention's forms would match nowhere the first one's do not).
                if (localForms.Add((name, c.Gender)))
                {
                    if (ActorCatalog.ShortFormOf(name) is { } surname)
                        local.Add(new LocalForm(name, ActorText.FoldedWords(surname), c.Gender, tokens[c.First].Start, local.Count));
                    local.Add(new LocalForm(name, ActorText.FoldedWords(name), c.Gender, tokens[c.First].Start, local.Count));
                }

                continue;
            }

            var entries = c.Entries!;
            if (entries.FirstOrDefault(e => e.Type == EntryType.Name) is { } nameEntry)
            {
                var actor = nameEntry.Actor!;
                Add(c.First, c.End, actor.Name, actor.Kind, MentionSource.Catalog, actor.Gender);
                foreach (var surname in Catalog.SurnameKeys(actor.Name))
                    seenSurnames[surname] = actor.Name;
                continue;
            }

            if (entries.Any(e => e.Type == EntryType.Short))
            {
                var options = ShortFormActors(entries);
                var key = KeyOf(folded, tokens, c.First, c.Length);
                if (IsCalendarUse(key, c, tokens, folded) || IsSomeoneElsesGivenName(key, c))
                    continue;
                // "Clinton" after "Bill Clinton": the surname of someone this article named, not the catalog's namesake.
                if (localSurnames.TryGetValue(key, out var localPerson) && !seenSurnames.ContainsKey(key))
                {
                    Add(c.First, c.End, localPerson.Name, ActorKind.Person, MentionSource.Alias, localPerson.Gender);
                    continue;
                }

                var actor = (seenSurnames.TryGetValue(key, out var seen) ? Catalog.Find(seen) : null)
                    ?? MostRecent(options, recent)
                    ?? (options.Count == 1 && (IsTitled(before, c, options[0]) || IsSupported(options[0])) ? options[0] : null);
                if (actor is not null)
                {
                    var source = recent.Contains(actor.Name) ? MentionSource.Alias : MentionSource.Catalog;
                    Add(c.First, c.End, actor.Name, actor.Kind, source, actor.Gender);
                }

                continue;
            }

            // A role phrase: emit the scope when the phrase names it ("Putin's spokesman", "president of France").
            var roles = Roles(entries);
            var named = roles.FirstOrDefault(e => e.ScopeStart >= 0);
            if (named is not null)
            {
                var scope = named.Scope!;
                Add(c.First + named.ScopeStart, c.First + named.ScopeEnd, scope.Name, scope.Kind, MentionSource.Catalog, scope.Gender);
            }

            if (c.Titled)
                continue;
            var first = c.First;
            var hasDeterminer = first > 0 && tokens[first - 1].IsWord && folded.AsSpan(tokens[first - 1].Start, tokens[first - 1].Length) is "the";
            if (!hasDeterminer && roles.All(r => r.Scope is null))
                continue; // "President" or "foreign minister" alone, not introducing anyone: too vague
            var holder = Catalog.ResolveRole(roles, article.Published, recent, hasDeterminer);
            if (holder is null)
                continue;
            var start = hasDeterminer ? first - 1 : first;
            Add(start, c.End, holder.Name, holder.Kind, MentionSource.Role, holder.Gender, roles[0].Offices[0]);
        }

        // A surname alone, with no full name before it, names the catalog's person only when they already held an
        // office of theirs on the article's date (public figures are the ones a surname alone names: "Putin" in 2022),
        // or where the article is about their world: it names them in full (later), their country or body, its people
        // ("British"), or another catalogued actor of it. "Wallace" in a 2016 Washington transcript is not Britain's
        // later defence secretary; "Cooper" after "Christopher Cooper, U.S. District Court Judge" is not a British minister.
        bool IsSupported(Actor actor)
        {
            if (article.Published is not { } date || actor.Roles.Any(r => r.From is null || r.From <= date))
                return true;
            support ??= ActorCatalog.SupportIn(candidates.Where(c => c.Entries is not null).Select(c => c.Entries!));
            return support.Contains(actor.Name)
                   || (actor.Affiliation is { } home && (support.Contains(home) || Catalog.Find(home) is { } state && WritesDemonymOf(state)));
        }

        // "British troops", "a Russian drone": the state's people named by their adjective.
        bool WritesDemonymOf(Actor state)
        {
            foreach (var demonym in state.Demonyms)
            {
                var key = ActorText.Key(demonym);
                foreach (var t in tokens)
                {
                    if (t.IsCapitalised && t.Length == key.Length && folded.AsSpan(t.Start, t.Length).SequenceEqual(key))
                        return true;
                }
            }

            return false;
        }

        // "President Obama", "Chancellor Scholz": a title right before the surname that is one of the person's offices.
        static bool IsTitled(Candidate? title, Candidate name, Actor actor)
        {
            if (title is null || title.End != name.First || title.Entries is not { } entries)
                return false;
            foreach (var e in entries)
            {
                if (e.Type == EntryType.Role && (e.Scope is null || e.Scope.Name == actor.Affiliation)
                    && actor.Roles.Any(r => e.Offices.Contains(r.Office, StringComparer.Ordinal)))
                    return true;
            }

            return false;
        }

        // "Michel Rocard", "Pavel Durov": a catalog surname that is also a given name, followed by an unknown capitalised word.
        bool IsSomeoneElsesGivenName(string key, Candidate c)
        {
            if (c.Length != 1 || !cues.FirstNames.ContainsKey(key) || c.End >= tokens.Count || strong[c.End])
                return false;
            var next = tokens[c.End];
            return next.IsWord && next.Start - tokens[c.First].End == 1 && next.IsCapitalised
                   && !NotNameWordLookup.Contains(folded.AsSpan(next.Start, next.Length));
        }

        // 4. Short forms of discovered people after their first full mention.
        if (local.Count > 0)
        {
            foreach (var (first, end, name, gender) in LocalShortForms(text, folded, tokens, mentions, local, scratch.Taken(text.Length + 1), scratch))
                Add(first, end, name, ActorKind.Person, MentionSource.Alias, gender);
        }

        LinkSurnamesToFullNames(mentions, scratch);

        // 5. Organisations outside the catalog, by their head words and defined acronyms; never over another mention.
        if (DiscoverOrganisations)
        {
            var taken = scratch.Taken(text.Length + 1);
            foreach (var m in mentions)
                Array.Fill(taken, true, m.Start, m.End - m.Start);
            foreach (var (first, end, name, acronym) in OrganisationDiscovery.Find(text, folded, tokens, taken, Headlines()))
                Add(first, end, name, ActorKind.Organization, acronym ? MentionSource.Alias : MentionSource.Discovered, Gender.Unknown);
        }

        mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return mentions;

        void Add(int firstToken, int endToken, string actor, ActorKind kind, MentionSource source, Gender gender, string? office = null)
        {
            var start = tokens[firstToken].Start;
            var end = tokens[endToken - 1].End;
            var (paragraph, sentence) = Locate(article, start);
            mentions.Add(new Mention(article.Id, paragraph, sentence, actor, kind, text[start..end], start, end, source)
            {
                Gender = gender,
                Office = office,
            });
            recent.Remove(actor);
            recent.Add(actor);
        }
    }

    // One person, one name in an article. A one-word person found outside the catalog ("Mr Howard", "Sir Paul") takes
    // the full name of the one person whose name ends (or, for a given name, starts) with it; full names outside the
    // catalog that share a surname and differ only in the given name's spelling or length ("Steve"/"Steven Gerrard",
    // "Alexey"/"Aleksey Reznikov", "Rafael"/"Rafael Mariano Grossi") take the longest.
    private void LinkSurnamesToFullNames(List<Mention> mentions, Scratch scratch)
    {
        Dictionary<string, string?>? byLast = null, byFirst = null;
        Dictionary<string, string>? variants = null;
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Kind != ActorKind.Person || m.Source is not (MentionSource.Discovered or MentionSource.Alias))
                continue;
            if (byLast is null)
                (byLast, byFirst, variants) = FullNames(mentions, scratch);
            string? full = null;
            if (!m.Actor.Contains(' '))
            {
                var key = ActorText.Fold(m.Actor);
                if (!(byLast.TryGetValue(key, out full) && full is not null) && cues.IsFirstName(key))
                    byFirst!.TryGetValue(key, out full);
            }
            else
            {
                variants!.TryGetValue(m.Actor, out full);
            }

            if (full is not null && full != m.Actor)
                mentions[i] = m with { Actor = full, Source = MentionSource.Alias };
        }
    }

    private static (Dictionary<string, string?> ByLast, Dictionary<string, string?> ByFirst, Dictionary<string, string> Variants) FullNames(
        List<Mention> mentions, Scratch scratch)
    {
        var (byLast, byFirst, variants, people, seen) = scratch.FullNames();
        foreach (var p in mentions)
        {
            if (p.Kind != ActorKind.Person || !p.Actor.Contains(' ') || !seen.Add(p.Actor))
                continue;
            var words = LetterWords(ActorText.FoldedWords(p.Actor));
            if (words.Length < 2)
                continue;
            people.Add((p.Actor, words, p.Source is not (MentionSource.Discovered or MentionSource.Alias), Skeleton(words[^1])));
            byLast[words[^1]] = byLast.TryGetValue(words[^1], out var other) && other != p.Actor ? null : p.Actor;
            byFirst[words[0]] = byFirst.TryGetValue(words[0], out other) && other != p.Actor ? null : p.Actor;
        }

        foreach (var a in people)
        {
            if (a.Catalog)
                continue;
            foreach (var b in people)
            {
                // Surname skeletons once per person: the pairs are many, the people few.
                if (b.Name == a.Name || a.Surname != b.Surname || !SameGivenName(a.Words[0], b.Words[0]))
                    continue;
                // The catalog's name wins; otherwise the longer (fuller) form.
                if (b.Catalog || b.Name.Length > a.Name.Length || (b.Name.Length == a.Name.Length && string.CompareOrdinal(b.Name, a.Name) < 0))
                {
                    if (!variants.TryGetValue(a.Name, out var kept) || kept.Length < b.Name.Length)
                        variants[a.Name] = b.Name;
                }
            }
        }

        return (byLast, byFirst, variants);
    }

    // The words that start with a letter ("jr" stays, "." and "'" go).
    private static string[] LetterWords(string[] words)
    {
        var letters = 0;
        foreach (var w in words)
            letters += char.IsLetter(w[0]) ? 1 : 0;
        if (letters == words.Length)
            return words;
        var kept = new string[letters];
        var n = 0;
        foreach (var w in words)
        {
            if (char.IsLetter(w[0]))
                kept[n++] = w;
        }

        return kept;
    }

    // Spellings of one name across transliterations: Podolyak/Podoliak, Alexey/Aleksey, Darya/Daria.
    internal static string Skeleton(string folded)
    {
        var s = folded.Replace("ks", "x").Replace("kh", "h").Replace("ck", "k").Replace("ph", "f").Replace("w", "v")
            .Replace('y', 'i').Replace('j', 'i');
        // Doubled letters count once (Podolyak/Podoliak, Grossi/Grosi); names are short, so the copy stays on the stack.
        Span<char> chars = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        foreach (var c in s)
        {
            if (n == 0 || chars[n - 1] != c)
                chars[n++] = c;
        }

        return n == s.Length ? s : new string(chars[..n]);
    }

    internal static bool SameSurname(string a, string b) => a == b || Skeleton(a) == Skeleton(b);

    // "Steve" and "Steven", "Mykhailo" and "Mikhail": one is the start of the other, or both spell one name.
    internal static bool SameGivenName(string a, string b)
    {
        if (a == b || Skeleton(a) == Skeleton(b))
            return true;
        var (x, y) = (Skeleton(a), Skeleton(b));
        return Math.Min(x.Length, y.Length) >= 4 && (x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal));
    }

    private static readonly HashSet<string> CalendarWords = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    private static readonly HashSet<string> CalendarLeads = new(StringComparer.Ordinal)
    {
        "in", "since", "until", "till", "by", "from", "of", "early", "late", "mid", "last", "next", "this", "on", "before", "after", "-",
    };

    // "in May", "May 7", "mid-May": a surname that is also a month or weekday used as a date.
    private static bool IsCalendarUse(string key, Candidate c, List<Token> tokens, char[] folded)
    {
        if (c.Length != 1 || !CalendarWords.Contains(key))
            return false;
        if (c.First > 0 && CalendarLeadLookup.Contains(folded.AsSpan(tokens[c.First - 1].Start, tokens[c.First - 1].Length)))
            return true;
        return c.End < tokens.Count && char.IsDigit(folded[tokens[c.End].Start]);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CalendarLeadLookup = CalendarLeads.GetAlternateLookup<ReadOnlySpan<char>>();

    // The folded words of tokens [first, first + count) joined by single spaces: the form catalog keys take.
    private static string KeyOf(char[] folded, List<Token> tokens, int first, int count) => ActorText.Join(folded, tokens, first, count);

    // Drops catalog candidates that overlap a discovered name: the discovered tokens are marked once, so the cost
    // stays linear however many names an article holds.
    private static void RemoveOverlapped(List<Candidate> candidates, List<Candidate> discovered, bool[] inDiscovered)
    {
        foreach (var d in discovered)
            Array.Fill(inDiscovered, true, d.First, d.Length);
        var kept = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (Array.IndexOf(inDiscovered, true, c.First, c.Length) < 0)
                candidates[kept++] = c;
        }

        candidates.RemoveRange(kept, candidates.Count - kept);
    }

    private static bool IsArticle(char[] folded, Token token) =>
        token.IsWord && folded.AsSpan(token.Start, token.Length) is "a" or "an" or "the";

    // "Sullivan" in "O'Sullivan", "Ivoire" in "d'Ivoire": a word glued to an apostrophe glued to a word is that word's
    // tail, never the start of a catalog name.
    private static bool IsWordTail(string text, List<Token> tokens, int i) =>
        i >= 2 && tokens[i].IsWord && !tokens[i - 1].IsWord && tokens[i - 1].Length == 1 && text[tokens[i - 1].Start] is '\'' or '’'
        && tokens[i - 1].End == tokens[i].Start && tokens[i - 2].IsWord && tokens[i - 2].End == tokens[i - 1].Start;

    // The actors a short form names without context (context-only forms wait for the full name), each once.
    private static List<Actor> ShortFormActors(IReadOnlyList<TrieEntry> entries)
    {
        var actors = new List<Actor>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Type == EntryType.Short && !e.ContextOnly && !actors.Contains(e.Actor!))
                actors.Add(e.Actor!);
        }

        return actors;
    }

    private static List<TrieEntry> Roles(IReadOnlyList<TrieEntry> entries)
    {
        var roles = new List<TrieEntry>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Type == EntryType.Role)
                roles.Add(entries[i]);
        }

        return roles;
    }

    private static bool OnlyRoles(IReadOnlyList<TrieEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Type != EntryType.Role)
                return false;
        }

        return true;
    }

    private static Actor? MostRecent(List<Actor> options, List<string> recent)
    {
        for (var i = recent.Count - 1; i >= 0; i--)
        {
            var match = options.FirstOrDefault(o => o.Name == recent[i]);
            if (match is not null)
                return match;
        }

        return null;
    }

    // A role phrase followed by a person's name (directly or after a comma) is that person's title, not a mention of its own.
    private static void MarkTitledRoles(List<Candidate> candidates, List<Token> tokens, string text)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Discovered is not null || c.Entries!.All(e => e.Type != EntryType.Role) || c.Entries!.Any(e => e.Type == EntryType.Name))
                continue;
            if (i + 1 >= candidates.Count)
                continue;
            var next = candidates[i + 1];
            var gap = next.First - c.End;
            var comma = gap == 1 && text[tokens[c.End].Start] == ',';
            if (gap != 0 && !comma)
                continue;
            // The name may itself open a possessive role: "Russian President Vladimir Putin's spokesman".
            if (next.Discovered is not null
                || next.Entries!.Any(e => e.Actor?.Kind == ActorKind.Person && e.Type != EntryType.Role)
                || next.Entries!.Any(e => e.Type == EntryType.Role && e.ScopeStart == 0 && e.Scope?.Kind == ActorKind.Person))
                c.Titled = true;
        }
    }

    /// <summary>
    /// Marks the tokens of paragraphs in title case ("Sir Paul Rocks Super Bowl Crowds"): capitalisation says nothing
    /// about names there. Shared by person and organisation discovery, computed at most once per article.
    /// </summary>
    private static bool[] HeadlineMask(Article article, string text, List<Token> tokens, bool[] headline)
    {
        var p = 0;
        foreach (var paragraph in article.Paragraphs)
        {
            while (p < tokens.Count && tokens[p].Start < paragraph.Start)
                p++;
            var first = p;
            int capitalised = 0, lower = 0;
            for (; p < tokens.Count && tokens[p].Start < paragraph.End; p++)
            {
                var w = tokens[p];
                if (!w.IsWord || w.Length < 4)
                    continue;
                if (w.IsCapitalised)
                    capitalised++;
                else if (char.IsLower(text[w.Start]))
                    lower++;
            }

            if (capitalised >= 3 && lower * 5 < capitalised && !EndsSentence(text, paragraph))
                Array.Fill(headline, true, first, p - first);
        }

        return headline;
    }

    private static bool EndsSentence(string text, TextSpan paragraph)
    {
        var last = paragraph.End - 1;
        while (last > paragraph.Start && char.IsWhiteSpace(text[last]))
            last--;
        return text[last] is '.' or '!' or '?' or '"' or '”';
    }

    private List<Candidate> Discover(Article article, string text, char[] folded, List<Token> tokens, bool[] strong, List<Candidate> catalogCandidates, Scratch scratch, Func<bool[]> headlines)
    {
        var found = new List<Candidate>();
        // The word lists each token is in, looked up once: the rules below ask several of them about most words.
        var classes = scratch.Classes(tokens.Count);
        var anyClass = WordClass.None; // every class some token is in: most articles have no corporate suffix to look for
        // Facts about the whole article that claims consult, gathered once (looking them up by scanning the article at
        // each claim made long articles quadratic): which words it writes in lower case, which capitalised on their own.
        // The capitalised words are hashed once, for both.
        var articleWords = ArticleWords.Begin(folded, tokens);
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (t.IsCapitalised)
            {
                var hash = WordHash.Of(folded.AsSpan(t.Start, t.Length));
                classes[k] = cues.ClassOfCapitalised(hash);
                articleWords.AddCapitalised(k, hash);
            }
            else
            {
                classes[k] = t.IsWord ? cues.ClassOf(folded.AsSpan(t.Start, t.Length), capitalised: false) : WordClass.None;
            }

            anyClass |= classes[k];
        }

        articleWords.Finish();
        List<int>? firmStarts = null; // tokens a corporate suffix follows directly (see FirmFollows)
        Dictionary<int, HashSet<string>>? firmNames = null; // by length in tokens: the word sequences before them
        // roleEnds[i]: a catalog phrase made only of roles ends before token i.
        var roleEnds = scratch.RoleEnds(tokens.Count + 1);
        foreach (var c in catalogCandidates)
        {
            if (OnlyRoles(c.Entries!))
                roleEnds[c.End] = true;
        }

        // inCatalog[i]: token i lies in a catalog phrase of any kind (a short form too).
        var inCatalog = scratch.InCatalog(tokens.Count);
        foreach (var c in catalogCandidates)
            Array.Fill(inCatalog, true, c.First, c.Length);
        HashSet<string>? honorificSurnames = null; // "Howard" of "Mr Howard"
        bool? namesFirms = null; // whether the article names a firm with its corporate suffix

        var covered = scratch.Covered(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var gender = Gender.Unknown;
            var isCue = false;
            var honorific = false;
            var next = i + 1;
            if (t.IsWord)
            {
                var key = folded.AsSpan(t.Start, t.Length);
                // Honorifics are capitalised ("Mr"); the gender needs the look-up.
                if (Is(i, WordClass.Honorific) && t.IsCapitalised && cues.TryGetHonorific(key, out var g))
                {
                    isCue = true;
                    honorific = true;
                    gender = g;
                    if (next < tokens.Count && text[tokens[next].Start] == '.')
                        next++;
                }
                else if (Is(i, WordClass.Cue) && !IsFirmRole(i, key))
                {
                    isCue = true;
                    gender = cues.GenderOfCue(key);
                }
                else if (Is(i, WordClass.PluralCue) && DiscoverUntitledNames && !NamesFirms())
                {
                    isCue = true; // "journalists Jane Doe and John Roe": the names after a plural cue (the second by coordination)
                }
            }

            if (!isCue && roleEnds[i + 1] && !strong[Math.Min(i + 1, tokens.Count - 1)])
                isCue = true;
            if (!isCue)
                continue;

            // Titles run on over capitalised words: "Deputy Foreign Minister", "Chief Financial Officer".
            while (next < tokens.Count && tokens[next].IsWord && !strong[next] && Is(next, WordClass.TitleWord))
                next++;
            // "shadow home secretary Mr Davis": the honorific is no part of the name.
            if (!honorific && next < tokens.Count && tokens[next].IsWord && tokens[next].IsCapitalised
                && Is(next, WordClass.Honorific) && cues.TryGetHonorific(folded.AsSpan(tokens[next].Start, tokens[next].Length), out var titleGender))
            {
                honorific = true;
                gender = titleGender;
                next++;
                if (next < tokens.Count && text[tokens[next].Start] == '.')
                    next++;
            }

            // "journalist Pavel Zarubin"
            var end = NameEnd(text, folded, tokens, strong, next, out var words);
            if (words >= 2)
            {
                Claim(next, end, gender);
                continue;
            }

            // "Mr Howard", "Dr Jones": an honorific makes one capitalised word a person (linked to the full name later).
            if (words == 1 && honorific && end == next + 1 && !inCatalog[next] && DiscoverUntitledNames && !NamesFirms())
            {
                honorificSurnames ??= new HashSet<string>(StringComparer.Ordinal);
                honorificSurnames.Add(KeyOf(folded, tokens, next, 1));
                Claim(next, end, gender, single: true);
                continue;
            }

            // "an aide to Le Pen, Ludovic de Danne"
            var k = next;
            if (k < tokens.Count && tokens[k].IsWord && AppositiveLinkLookup.Contains(folded.AsSpan(tokens[k].Start, tokens[k].Length)))
            {
                var limit = Math.Min(tokens.Count, k + 7);
                for (k++; k < limit && tokens[k].IsWord; k++)
                {
                }
            }

            if (k < tokens.Count && text[tokens[k].Start] == ',')
            {
                end = NameEnd(text, folded, tokens, strong, k + 1, out words);
                if (words >= 2 && (end >= tokens.Count || !tokens[end].IsWord))
                    Claim(k + 1, end, gender);
            }
        }

        // "Ludovic de Danne, an aide to Le Pen": the name before a comma and an indefinite or definite title.
        for (var c = 1; c + 2 < tokens.Count; c++)
        {
            if (text[tokens[c].Start] != ',')
                continue;
            // ", the party's spokesman", ", a senior aide" or ", head of the regional administration"
            var cue = IsArticle(folded, tokens[c + 1]) ? CueAfter(c + 2)
                : Is(c + 1, WordClass.Cue) && c + 2 < tokens.Count
                  && AppositiveLinkLookup.Contains(folded.AsSpan(tokens[c + 2].Start, tokens[c + 2].Length)) ? c + 1 : -1;
            if (cue < 0)
                continue;
            var start = c;
            while (start > 0 && tokens[start - 1].IsWord && !strong[start - 1] && c - start < 8
                   && (tokens[start - 1].IsCapitalised
                       || AliasTrie.IsParticle(folded.AsSpan(tokens[start - 1].Start, tokens[start - 1].Length))))
                start--;
            while (start < c && (Is(start, WordClass.TitleWord) || AliasTrie.IsParticle(folded.AsSpan(tokens[start].Start, tokens[start].Length))))
                start++;
            // "... a subsidiary in Abu Dhabi, the spokesman said": the title opens a clause of its own, and what precedes
            // it after a preposition is a place or an object ("the death of Jane Doe, the daughter of ..." still names her).
            if (start > 0 && tokens[start - 1].IsWord && PrepositionLookup.Contains(folded.AsSpan(tokens[start - 1].Start, tokens[start - 1].Length))
                && cue + 1 < tokens.Count && Is(cue + 1, WordClass.SpeechVerb))
                continue;
            if (start < c && NameEnd(text, folded, tokens, strong, start, out var words) == c && words >= 2)
            {
                Claim(start, c, cues.GenderOfCue(folded.AsSpan(tokens[cue].Start, tokens[cue].Length)));
            }
        }

        // Names with no title before them, recognised by their own shape or by what the article says of them:
        // a given name first ("Tony Blair", "Halle Berry"), an age in apposition ("Aiden Aslin, 28,"), a surname the
        // article also writes after an honorific ("Mr Verwaayen"), or a speech verb or a reused surname followed by
        // "he" or "she" rather than "it" ("Rodion Miroshnik wrote on his channel").
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.IsWord || covered[i] || strong[i] || t.Length < 2 || !t.IsCapitalised || InsideCapitalisedRun(i)
                || Is(i, WordClass.TitleWord | WordClass.PluralCue) || AfterFirmRole(i))
                continue;
            var end = NameEnd(text, folded, tokens, strong, i, out var words);
            if (words < 2 || Array.IndexOf(covered, true, i, end - i) >= 0)
                continue;
            if (!DiscoverUntitledNames)
                continue;
            var gender = Gender.Unknown;
            var given = IsGivenName(i);
            // The cheap evidence first: most capitalised runs (firms, places, titles) have none, and skip the checks below.
            if (!given && !IsAgeApposition(end) && !EndsWithHonorificSurname(end)
                && !(words <= 3 && !IsGivenName(end - 1) && (IsSpeechVerb(end) || SurnameUsedAlone(i, end))))
                continue;
            if (!LooksLikeAnUntitledName(i, end))
                continue;
            // '"...," said Dillard Spriggs of ...': the subject of an inverted speech verb is a speaker, in business copy too.
            var invertedSubject = given && InvertedCueBefore(i) && !Is(i, WordClass.CommonWordName);
            if (NamesFirms() && !invertedSubject)
                continue;
            var person = IsAgeApposition(end) || EndsWithHonorificSurname(end) || invertedSubject
                         || (given && !Is(i, WordClass.CommonWordName) && !ItFollows(end)
                             && !Is(end - 1, WordClass.CommonWordName)
                             && !LowercaseWords.Contains(folded.AsSpan(tokens[end - 1].Start, tokens[end - 1].Length)));
            // Firms carry given names too ("Merrill Lynch said it"): "it" before any "he" or "she" rules a plain given
            // name out. A given name or a surname that is also a word ("Price Index", "Will Smith", "Alan Bond") or a run with no given name needs
            // "he" or "she" to follow (and the latter a speech verb after it or its surname used alone).
            if (!person && words <= 3 && (given || !IsGivenName(end - 1)) && (given || IsSpeechVerb(end) || SurnameUsedAlone(i, end)))
                person = PersonPronounFollows(end, cues.GenderOfFirstName(folded.AsSpan(t.Start, t.Length)), out gender);
            if (!person)
                continue;
            var before = found.Count;
            Claim(i, end, gender);
            if (found.Count > before)
                i = end - 1;
        }

        // Coordinated names: "Aiden Aslin, Shaun Pinner and Saaudun Brahim", "Robin and Barry Gibb".
        for (var n = 0; n < found.Count && DiscoverUntitledNames && !NamesFirms(); n++)
        {
            var f = found[n];
            var k = f.End;
            if (k + 1 < tokens.Count && IsListLink(k))
            {
                var end = NameEnd(text, folded, tokens, strong, k + 1, out var words);
                if (words >= 2 && Array.IndexOf(covered, true, k + 1, end - k - 1) < 0 && LooksLikeAnUntitledName(k + 1, end))
                    Claim(k + 1, end, Gender.Unknown);
            }

            k = f.First - 1;
            if (k >= 1 && IsListLink(k) && tokens[k - 1].IsWord && !covered[k - 1] && !strong[k - 1])
            {
                // "Robin and Barry Gibb": a lone given name shares the surname that follows.
                // ("Sabrina O'Brien and Tony Edge": "Brien" is the end of a name, not a given name.)
                if (f.Length >= 2 && IsGivenName(k - 1) && (k - 1 == 0 || (!InsideCapitalisedRun(k - 1) && tokens[k - 2].End < tokens[k - 1].Start))
                    && folded.AsSpan(tokens[k].Start, tokens[k].Length) is "and")
                {
                    var surname = text[tokens[f.End - 1].Start..tokens[f.End - 1].End];
                    if (!InHeadline(k - 1))
                    {
                        covered[k - 1] = true;
                        found.Add(new Candidate { First = k - 1, Length = 1, Discovered = text[tokens[k - 1].Start..tokens[k - 1].End] + " " + surname, Gender = cues.GenderOfFirstName(folded.AsSpan(tokens[k - 1].Start, tokens[k - 1].Length)) });
                    }

                    continue;
                }

                var start = k - 1;
                while (start > 0 && tokens[start - 1].IsWord && k - start < 4 && tokens[start - 1].IsCapitalised)
                    start--;
                if (NameEnd(text, folded, tokens, strong, start, out var words) == k && words >= 2 && Array.IndexOf(covered, true, start, k - start) < 0
                    && LooksLikeAnUntitledName(start, k))
                    Claim(start, k, Gender.Unknown);
            }
        }

        TeamSheets();
        found.Sort((a, b) => a.First.CompareTo(b.First));
        return found;

        // Match reports end with line-ups: paragraphs that are only comma-separated surnames, with substitutes as
        // "(Name 61)". Where the article has one of at least eight players naming someone it already names in full, the
        // names of such lists (line-ups, unused substitutes, bookings) are people.
        void TeamSheets()
        {
            if (!DiscoverUntitledNames)
                return;
            var lists = new List<(int First, int End, bool Substitutes, int Items)>();
            var p = 0;
            foreach (var paragraph in article.Paragraphs)
            {
                while (p < tokens.Count && tokens[p].Start < paragraph.Start)
                    p++;
                var first = p;
                int items = 0, substitutes = 0;
                var ok = true;
                var expectName = true;
                for (; p < tokens.Count && tokens[p].Start < paragraph.End; p++)
                {
                    var w = tokens[p];
                    var c = text[w.Start];
                    if (w.IsWord && char.IsUpper(c) && !IsParticleOrTitle(p))
                    {
                        if (expectName)
                            items++;
                        expectName = false;
                    }
                    else if (c == ',')
                    {
                        ok &= !expectName;
                        expectName = true;
                    }
                    else if (c == '(' && p + 3 < tokens.Count && tokens[p + 1].IsWord && tokens[p + 1].IsCapitalised
                             && tokens[p + 2].IsWord && char.IsDigit(text[tokens[p + 2].Start]) && text[tokens[p + 3].Start] == ')')
                    {
                        substitutes++;
                        p += 3;
                    }
                    else if (!(c == '.' && (p + 1 >= tokens.Count || tokens[p + 1].Start >= paragraph.End)) && !(c is '-' or '\'' && p > first && w.Start == tokens[p - 1].End))
                    {
                        ok = false;
                    }

                    if (!ok)
                    {
                        // Not a list: on to the next paragraph (most paragraphs fail at their first few words).
                        while (p + 1 < tokens.Count && tokens[p + 1].Start < paragraph.End)
                            p++;
                    }
                }

                if (ok && items >= 2 && p > first)
                    lists.Add((first, p, substitutes > 0, items));
            }

            if (!lists.Any(l => l.Items >= 8 && l.Substitutes))
                return;
            foreach (var (first, end, _, _) in lists)
            {
                for (var k = first; k < end; k++)
                {
                    if (!tokens[k].IsWord || !tokens[k].IsCapitalised || covered[k] || IsParticleOrTitle(k) || char.IsDigit(text[tokens[k].Start]))
                        continue;
                    var nameEnd = k + 1;
                    while (nameEnd < end && (tokens[nameEnd].IsWord ? tokens[nameEnd].IsCapitalised : text[tokens[nameEnd].Start] is '-' or '\'' && tokens[nameEnd].Start == tokens[nameEnd - 1].End))
                        nameEnd++;
                    if (!strong[k])
                        Claim(k, nameEnd, Gender.Unknown, single: true);
                    k = nameEnd - 1;
                }
            }
        }

        bool Is(int k, WordClass @class) => (classes[k] & @class) != 0;

        bool IsParticleOrTitle(int k) => AliasTrie.IsParticle(folded.AsSpan(tokens[k].Start, tokens[k].Length));

        // A given name that is also an everyday word ("Will", "Grant") counts only where the article never writes it in lower case.
        bool IsGivenName(int k)
        {
            var key = folded.AsSpan(tokens[k].Start, tokens[k].Length);
            return Is(k, WordClass.FirstName) && !AliasTrie.IsParticle(key) && !(Is(k, WordClass.CommonWordName) && articleWords.WritesLowerCase(k));
        }

        // What a name without a title must not be: an all-capitals heading ("WINTER WHEAT"), a run ending in a word the
        // article also writes in lower case ("Price Index", "Alan Bond" beside "bonds"), an employer ("at Merrill Lynch",
        // "Merrill Lynch analyst") or a place ("San Diego").
        bool LooksLikeAnUntitledName(int first, int end)
        {
            for (var k = first; k < end; k++)
            {
                var raw = text.AsSpan(tokens[k].Start, tokens[k].Length);
                if (tokens[k].IsWord && raw.Length > 1 && ActorText.IsAllUpper(raw))
                    return false;
                if (Is(k, WordClass.PlaceWord))
                    return false;
            }

            for (var k = first + 1; k < end; k++)
            {
                if (tokens[k].IsWord && articleWords.WritesLowerCase(k) && !AliasTrie.IsParticle(folded.AsSpan(tokens[k].Start, tokens[k].Length)))
                    return false;
            }

            // A firm: "Merrill Lynch said its profit rose", "Smith Barney shares".
            if (end < tokens.Count && tokens[end].IsWord && folded.AsSpan(tokens[end].Start, tokens[end].Length) is "shares" or "stock" or "unit" or "units" or "subsidiary")
                return false;
            for (var k = end; k < tokens.Count && k < end + 25; k++)
            {
                if (!tokens[k].IsWord)
                    continue;
                var w = folded.AsSpan(tokens[k].Start, tokens[k].Length);
                if (w is "he" or "his" or "him" or "she" or "her")
                    break;
                if (w is "its")
                    return false;
            }

            if (first > 0 && tokens[first - 1].IsWord && folded.AsSpan(tokens[first - 1].Start, tokens[first - 1].Length) is "at")
                return false;
            return !(end < tokens.Count && tokens[end].IsWord && !tokens[end].IsCapitalised
                     && Is(end, WordClass.TitleWord));
        }

        // "sole manager Dorsey Keller": a bank's role, so not a person.
        bool AfterFirmRole(int k) =>
            k > 0 && Is(k - 1, WordClass.Cue)
            && IsFirmRole(k - 1, folded.AsSpan(tokens[k - 1].Start, tokens[k - 1].Length));

        // "," or "and" between two names of a list.
        bool IsListLink(int k) => text[tokens[k].Start] == ',' || (tokens[k].IsWord && folded.AsSpan(tokens[k].Start, tokens[k].Length) is "and" or "&");

        // The word before is capitalised and no title: "Liquid Crystal Display", "The Bee Gees". A name starts a run.
        bool InsideCapitalisedRun(int k)
        {
            if (k == 0 || !tokens[k - 1].IsWord || IsParagraphBreak(text, tokens[k - 1].End, tokens[k].Start))
                return false;
            var previous = folded.AsSpan(tokens[k - 1].Start, tokens[k - 1].Length);
            if (previous is "the")
                return true;
            // Not a run: a catalog word ("American Kenneth Bae"), an acronym ("radio DJ Mike Read"), a title, or a
            // common word capitalised to open a sentence ("New Bruce Willis movie").
            var raw = text.AsSpan(tokens[k - 1].Start, tokens[k - 1].Length);
            return ActorText.StartsUpper(raw) && !inCatalog[k - 1] && !(raw.Length > 1 && ActorText.IsAllUpper(raw))
                   && !Is(k - 1, WordClass.Honorific | WordClass.TitleWord)
                   && !articleWords.WritesLowerCase(k - 1);
        }

        // ', said' or a closing quote and 'said' right before the name.
        bool InvertedCueBefore(int k) =>
            k >= 2 && tokens[k - 1].IsWord && InvertingVerbLookup.Contains(folded.AsSpan(tokens[k - 1].Start, tokens[k - 1].Length))
            && !tokens[k - 2].IsWord && text[tokens[k - 2].Start] is ',' or '"' or '”' or '\'' or '’';

        bool IsSpeechVerb(int end) => end < tokens.Count && Is(end, WordClass.SpeechVerb);

        // The last word of the name stands alone elsewhere in the article ("Petrov" after "Stilian Petrov").
        bool SurnameUsedAlone(int first, int end)
        {
            var surname = folded.AsSpan(tokens[end - 1].Start, tokens[end - 1].Length);
            var own = 0;
            for (var k = first; k < end; k++)
            {
                if (tokens[k].Length == surname.Length && ArticleWords.StandsAlone(tokens, k) && folded.AsSpan(tokens[k].Start, tokens[k].Length).SequenceEqual(surname))
                    own++;
            }

            return articleWords.TimesAlone(surname) > own;
        }

        // Business copy that names firms by their suffix ("Acme Inc"): there a bare "Given Surname" is as often a firm
        // ("Merrill Lynch", "Philip Morris"), so a given name alone is not enough.
        bool NamesFirms()
        {
            if (namesFirms is null)
            {
                namesFirms = false;
                if ((anyClass & WordClass.CorporateSuffix) == 0)
                    return false;
                for (var k = 1; k < tokens.Count && namesFirms == false; k++)
                    namesFirms = IsSuffix(k) && tokens[k - 1].IsWord && tokens[k - 1].IsCapitalised;
            }

            return namesFirms.Value;
        }

        bool ItFollows(int end)
        {
            for (var k = end; k < tokens.Count && k < end + 25; k++)
            {
                if (!tokens[k].IsWord)
                    continue;
                var w = folded.AsSpan(tokens[k].Start, tokens[k].Length);
                if (w is "he" or "his" or "him" or "she" or "her")
                    return false;
                // "its", or "it" as the subject of a speech verb ("it said"); "said it" is no firm.
                if (w is "its" || (w is "it" && k + 1 < tokens.Count && Is(k + 1, WordClass.SpeechVerb)))
                    return true;
            }

            return false;
        }

        // In the next few dozen words, "he" or "she" comes before "it": the name is a person's (and of that gender).
        // A pronoun of the other gender than the given name's is someone else's: "Peter Grange met Julia Pike. ... she said".
        bool PersonPronounFollows(int end, Gender known, out Gender gender)
        {
            gender = Gender.Unknown;
            for (var k = end; k < tokens.Count && k < end + 40; k++)
            {
                if (!tokens[k].IsWord)
                    continue;
                var w = folded.AsSpan(tokens[k].Start, tokens[k].Length);
                if (w is "he" or "his" or "him" or "himself" && known != Gender.Female)
                {
                    gender = Gender.Male;
                    return true;
                }

                if (w is "she" or "her" or "herself" && known != Gender.Male)
                {
                    gender = Gender.Female;
                    return true;
                }

                if (w is "it" or "its" or "they" or "their")
                    return false;
            }

            return false;
        }

        // ", 28," or " (28)" after the name.
        bool IsAgeApposition(int end)
        {
            if (end + 2 >= tokens.Count || !tokens[end + 1].IsWord || tokens[end + 1].Length > 3 || !char.IsDigit(text[tokens[end + 1].Start]))
                return false;
            var (open, close) = (text[tokens[end].Start], text[tokens[end + 2].Start]);
            return (open == ',' && close is ',' or '.' or ')') || (open == '(' && close == ')');
        }

        bool EndsWithHonorificSurname(int end) =>
            honorificSurnames is not null && honorificSurnames.Contains(KeyOf(folded, tokens, end - 1, 1));

        // A paragraph in title case ("Sir Paul Rocks Super Bowl Crowds"): capitalisation says nothing about names there.
        bool InHeadline(int k) => headlines()[k];

        // The index of a cue word within the next few words (", a senior aide", ", the party's spokesman"), or -1.
        int CueAfter(int from)
        {
            for (var k = from; k < tokens.Count && k < from + 4; k++)
            {
                if (!tokens[k].IsWord && text[tokens[k].Start] is not '\'' and not '-')
                    return -1;
                if (Is(k, WordClass.Cue))
                    return k;
            }

            return -1;
        }

        // "lead manager Hale Burnett", "co-manager ...": the cue's holder is a bank, not a person.
        bool IsFirmRole(int cue, ReadOnlySpan<char> key)
        {
            var k = cue - 1;
            if (k > 0 && text[tokens[k].Start] == '-' && !tokens[k].IsWord)
                k--;
            return k >= 0 && tokens[k].IsWord && cues.IsFirmRole(folded.AsSpan(tokens[k].Start, tokens[k].Length), key);
        }

        // "Whip Jane Doe", "First Dover": a leading word the article also writes in lower case ("the chief whip",
        // "the first quarter") is a title or a common word, unless it is a given name or a particle ("von").
        bool IsCommonLead(int k)
        {
            var lead = folded.AsSpan(tokens[k].Start, tokens[k].Length);
            if (!tokens[k].IsWord || lead.Length == 1 || Is(k, WordClass.FirstName) || AliasTrie.IsParticle(lead))
                return false;
            return articleWords.WritesLowerCase(k);
        }

        // The name anywhere in the article followed by a corporate suffix: "Hale Burnett" beside "Hale Burnett and Co Inc".
        // Elsewhere only a suffix right after the name counts: "Jon Doe Foundation Ltd" is his firm, not him.
        bool IsFirmName(int first, int end)
        {
            if ((anyClass & WordClass.CorporateSuffix) == 0)
                return false;
            if (FirmFollows(end, 2))
                return true;
            if (firmStarts is null)
            {
                firmStarts = scratch.FirmStarts();
                for (var p = 1; p < tokens.Count; p++)
                {
                    if (FirmFollows(p, 0))
                        firmStarts.Add(p);
                }
            }

            if (firmStarts.Count == 0)
                return false;
            var length = end - first;
            firmNames ??= [];
            if (!firmNames.TryGetValue(length, out var names))
            {
                firmNames[length] = names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in firmStarts)
                {
                    if (p >= length)
                        names.Add(KeyOf(folded, tokens, p - length, length));
                }
            }

            return names.Contains(KeyOf(folded, tokens, first, length));
        }

        // A corporate suffix right after a name, after "and"/"&"/"et", or after a few capitalised words or a
        // parenthesis: "Hale Burnett and Co Inc", "Standard Mutual Asia Ltd", "Hale Guaranty (Switzerland) AG".
        // After "and" only the suffix itself counts: "investor John Smith and Acme Inc" are two parties.
        bool FirmFollows(int k, int words)
        {
            var capitalised = 0;
            for (var limit = Math.Min(tokens.Count, k + 6); k < limit; k++)
            {
                var t = tokens[k];
                if (IsSuffix(k))
                    return true;
                var conjunction = t.IsWord ? folded.AsSpan(t.Start, t.Length) is "and" or "et" : text[t.Start] == '&';
                if (conjunction)
                    return k + 1 < tokens.Count && IsSuffix(k + 1);
                if (t.IsWord ? !t.IsCapitalised || ++capitalised > words : text[t.Start] is not '(' and not ')')
                    return false;
            }

            return false;
        }

        // "Co-chairman" is no suffix.
        bool IsSuffix(int k) =>
            tokens[k].IsWord && tokens[k].IsCapitalised
            && Is(k, WordClass.CorporateSuffix)
            && (k + 1 >= tokens.Count || text[tokens[k + 1].Start] != '-');

        void Claim(int first, int end, Gender gender, bool single = false)
        {
            // "Dr Marcus Hellyer, a senior analyst": the honorific is no part of the name.
            while (first + 1 < end && Is(first, WordClass.Honorific) && cues.TryGetHonorific(folded.AsSpan(tokens[first].Start, tokens[first].Length), out var titleGender)
                   && tokens[first].IsCapitalised)
            {
                gender = gender == Gender.Unknown ? titleGender : gender;
                first++;
                if (first < end && text[tokens[first].Start] == '.')
                    first++;
            }

            if (covered[first] || InHeadline(first))
                return;
            // "Abu Dhabi-based": a place or firm used as an adjective.
            if (end + 1 < tokens.Count && text[tokens[end].Start] == '-' && tokens[end].Start == tokens[end - 1].End
                && CompoundSuffixLookup.Contains(folded.AsSpan(tokens[end + 1].Start, tokens[end + 1].Length)))
                return;
            // A name cut off by a line break before the rest of an organisation's: "Student Loan Marketing\n\nAssociation".
            if (end < tokens.Count && tokens[end].IsWord && tokens[end].IsCapitalised
                && Is(end, WordClass.NotInNames))
                return;
            // Companies, institutions and places share the capitalised shape of names: "General Motors Corp", "European Community".
            for (var k = first; k < end; k++)
            {
                if (Is(k, WordClass.NotInNames) || (k == end - 1 && Is(k, WordClass.TitleWord)))
                    return;
            }

            // A leading common word goes when a given name follows it ("Whip Jane Doe"); otherwise the whole sequence
            // is no name ("Cocoa Terminal Market").
            var start = first;
            while (first < end && IsCommonLead(first))
                first++;
            if (first > start && (first == end || !Is(first, WordClass.FirstName)))
                return;
            // "Head of Cybersecurity Policy", "Reporters Without Borders": a word English never capitalises for a name
            // makes a run without a given name a phrase or an organisation ("Amber Heard" keeps her given name).
            if (!single && !Is(first, WordClass.FirstName))
            {
                for (var k = first; k < end; k++)
                {
                    if (IsRunOnWord(text, folded, tokens, k) && !AliasTrie.IsParticle(folded.AsSpan(tokens[k].Start, tokens[k].Length)))
                        return;
                }
            }

            var words = 0;
            for (var k = first; k < end; k++)
                words += tokens[k].IsWord && tokens[k].Length > 1 && tokens[k].IsCapitalised ? 1 : 0;
            if (words < (single ? 1 : 2) || !tokens[first].IsCapitalised || IsFirmName(first, end))
                return;

            for (var k = first; k < end; k++)
                covered[k] = true;
            if (gender == Gender.Unknown)
                gender = cues.GenderOfFirstName(folded.AsSpan(tokens[first].Start, tokens[first].Length));
            var name = ActorText.Join(text, tokens, first, end - first).Replace(" - ", "-").Replace(" ' ", "'").Replace(" .", ".");
            found.Add(new Candidate { First = first, Length = end - first, Discovered = name, Gender = gender });
        }
    }

    // The end (exclusive) of a capitalised name starting at token `first`, with particles, initials, hyphens and apostrophes inside.
    private static int NameEnd(string text, char[] folded, List<Token> tokens, bool[] strong, int first, out int words)
    {
        words = 0;
        var end = first;
        var k = first;
        while (k < tokens.Count && k - first < 8 && !strong[k])
        {
            var t = tokens[k];
            var raw = text.AsSpan(t.Start, t.Length);
            var key = folded.AsSpan(t.Start, t.Length);
            // "... said John Smith\n    Speaking to ...": a story without its full stop; a name does not run into the next paragraph.
            if (k > first && IsParagraphBreak(text, tokens[k - 1].End, t.Start))
                break;
            if (t.IsWord && ActorText.StartsUpper(raw) && !NotNameWordLookup.Contains(key) && (raw.Length == 1 || !ActorText.IsAllUpper(raw) || raw.Length > 3)
                && !raw.ContainsAnyInRange('0', '9'))
            {
                if (raw.Length == 1)
                {
                    // An initial must carry its period: "J. Smith".
                    if (k + 1 >= tokens.Count || text[tokens[k + 1].Start] != '.')
                        break;
                    k += 2;
                    continue;
                }

                words++;
                k++;
                end = k;
                // Hyphen or apostrophe glued between two name parts: "Jean-Noel", "O'Brien", "Li Ka-shing".
                if (k + 1 < tokens.Count && !tokens[k].IsWord && text[tokens[k].Start] is '-' or '\''
                    && tokens[k].Start == tokens[k - 1].End && tokens[k + 1].Start == tokens[k].End && tokens[k + 1].IsWord)
                {
                    if (tokens[k + 1].IsCapitalised)
                    {
                        k++;
                        words--; // the joined part counts as one word with what precedes
                    }
                    else if (text[tokens[k].Start] == '-' && tokens[k + 1].Length <= 5
                             && !CompoundSuffixLookup.Contains(folded.AsSpan(tokens[k + 1].Start, tokens[k + 1].Length)))
                    {
                        k += 2;
                        end = k;
                    }
                }

                continue;
            }

            if (t.IsWord && words > 0 && AliasTrie.IsParticle(key) && k + 1 < tokens.Count)
            {
                k++;
                continue;
            }

            break;
        }

        // "Carrie Davies Filmed by ...", "Jessica Chou   Breaking the silence": a word English never capitalises for a
        // name, after two name words, is the next line's or phrase's start (two words stay: "Amber Heard").
        while (words > 2 && IsRunOnWord(text, folded, tokens, end - 1))
        {
            end--;
            words--;
            while (end > first && !tokens[end - 1].IsWord)
                end--;
        }

        return end;
    }

    // A word with no proper-noun use, standing on its own (not the second half of "Taylor-Lind").
    private static bool IsRunOnWord(string text, char[] folded, List<Token> tokens, int k) =>
        tokens[k].IsWord && LowercaseWords.Contains(folded.AsSpan(tokens[k].Start, tokens[k].Length))
        && !(k > 0 && tokens[k - 1].End == tokens[k].Start && text[tokens[k - 1].Start] is '-' or '\'');

    // Two line breaks, or a line break and an indent: a wrapped line inside a name ("John\nSmith") is not one.
    private static bool IsParagraphBreak(string text, int from, int to)
    {
        var lineBreaks = 0;
        for (var p = from; p < to; p++)
        {
            if (text[p] == '\n')
                lineBreaks++;
            else if (lineBreaks > 0 && text[p] is ' ' or '\t')
                return true;
        }

        return lineBreaks > 1;
    }

    // Returned rather than added through a callback: a delegate to Recognize's local function would allocate its closure on every article.
    private static List<(int First, int End, string Name, Gender Gender)> LocalShortForms(
        string text, char[] folded, List<Token> tokens, List<Mention> mentions, List<LocalForm> local, bool[] taken, Scratch scratch)
    {
        var found = new List<(int First, int End, string Name, Gender Gender)>();
        foreach (var m in mentions)
            Array.Fill(taken, true, m.Start, m.End - m.Start);

        // The forms sorted by first word, and for one first word longest first (then in text order). A form met again
        // later (the same name, form and gender) is left out: the earlier one matches wherever the later would. Trying
        // every form at every capitalised word made articles that repeat many names quadratic; a binary search finds
        // the forms a word opens.
        var forms = scratch.Forms();
        var kept = scratch.KeptForms();
        foreach (var form in local)
        {
            if (form.Keys.Length > 0 && kept.Add((form.Name, form.Keys.Length, form.Gender)))
                forms.Add(form);
        }

        if (forms.Count == 0)
            return found;
        var firstWords = scratch.FormFirstWords();
        foreach (var form in forms)
            firstWords.Add(form.Keys[0]);
        forms.Sort(static (a, b) =>
            string.CompareOrdinal(a.Keys[0], b.Keys[0]) is var byWord and not 0 ? byWord
            : a.Keys.Length != b.Keys.Length ? b.Keys.Length.CompareTo(a.Keys.Length)
            : a.Order.CompareTo(b.Order));
        for (var i = 0; i < tokens.Count; i++)
        {
            if (taken[tokens[i].Start] || !tokens[i].IsCapitalised)
                continue;
            var word = folded.AsSpan(tokens[i].Start, tokens[i].Length);
            if (!firstWords.MayContain(word))
                continue;
            for (var f = FirstFormOf(forms, word); f < forms.Count && word.SequenceEqual(forms[f].Keys[0]); f++)
            {
                var (name, keys, gender, after, _) = forms[f];
                if (tokens[i].Start < after || i + keys.Length > tokens.Count)
                    continue;
                var match = true;
                for (var k = 0; k < keys.Length && match; k++)
                {
                    var t = tokens[i + k];
                    match = !taken[t.Start] && folded.AsSpan(t.Start, t.Length).SequenceEqual(keys[k]);
                }

                // The whole word: "Quidet" but not "Quidetism".
                if (!match)
                    continue;
                found.Add((i, i + keys.Length, name, gender));
                i += keys.Length - 1;
                break;
            }
        }

        return found;
    }

    // The index of the first form whose first word is not before this word (ordinal order).
    private static int FirstFormOf(List<LocalForm> forms, ReadOnlySpan<char> word)
    {
        int low = 0, high = forms.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (word.SequenceCompareTo(forms[middle].Keys[0]) > 0)
                low = middle + 1;
            else
                high = middle;
        }

        return low;
    }

    private static (int Paragraph, int Sentence) Locate(Article article, int offset)
    {
        var sentences = article.Sentences;
        var found = SortedOffsets.LastIndexBefore(sentences, static s => s.Start, offset, inclusive: true);
        if (found >= 0)
            return (sentences[found].Paragraph, found);
        var paragraph = 0;
        for (var p = 0; p < article.Paragraphs.Count; p++)
        {
            if (article.Paragraphs[p].Start <= offset)
                paragraph = p;
        }

        return (paragraph, 0);
    }
}
