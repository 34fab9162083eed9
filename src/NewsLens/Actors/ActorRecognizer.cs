namespace NewsLens;

/// <summary>
/// Finds actor mentions in an article: catalog names and aliases (one pass, longest match, case-aware,
/// diacritics-insensitive), role phrases resolved by the article's date and context, surnames resolved to the full
/// name seen earlier, and people outside the catalog introduced by a title ("journalist Pavel Zarubin").
/// </summary>
public sealed class ActorRecognizer
{
    private static readonly HashSet<string> NotNameWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "and", "but", "or", "of", "to", "by",
        "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "as", "if", "when", "while",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNameWordLookup = NotNameWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // "Kuala Lumpur-based", "Kremlin-backed": a hyphenated adjective, not the second half of a name like "Ka-shing".
    private static readonly HashSet<string> CompoundSuffixes = new(StringComparer.Ordinal)
    {
        "based", "led", "born", "run", "owned", "made", "style", "era", "backed", "held", "area", "wide", "type",
    };

    private static readonly HashSet<string> AppositiveLinks = new(StringComparer.Ordinal) { "to", "of", "for", "at", "with", "in" };

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "in", "at", "from", "for", "to", "of", "with", "on", "by", "into", "near", "across", "throughout", "via",
    };

    // Span look-ups into the folded text: a token is checked without cutting a substring out of it.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CompoundSuffixLookup = CompoundSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AppositiveLinkLookup = AppositiveLinks.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.Ordinal) { "said", "says", "told", "added", "stated" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportingVerbLookup = ReportingVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PrepositionLookup = Prepositions.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly PersonCues cues = PersonCues.Default;

    public ActorRecognizer(ActorCatalog? catalog = null)
    {
        Catalog = catalog ?? ActorCatalog.Default;
    }

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
        private readonly Dictionary<string, string> seenSurnames = new(StringComparer.Ordinal);
        private readonly List<Candidate> candidates = [];
        private readonly HashSet<string> lowerCaseWords = new(StringComparer.Ordinal);
        private readonly List<int> firmStarts = [];

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

        public HashSet<string> LowerCaseWords()
        {
            lowerCaseWords.Clear();
            return lowerCaseWords;
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
            var (length, entries) = trie.Match(text, folded, tokens, i);
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

        var discovered = Discover(text, folded, tokens, strong, candidates, scratch);
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
        var local = new List<(string Name, string[] Keys, Gender Gender, int After)>();
        var seenSurnames = scratch.SeenSurnames(); // surname key → person named in full earlier
        foreach (var c in candidates)
        {
            if (c.Discovered is { } name)
            {
                Add(c.First, c.End, name, ActorKind.Person, MentionSource.Discovered, c.Gender);
                // Later mentions may use the surname or the full name again.
                if (ActorCatalog.ShortFormOf(name) is { } surname)
                    local.Add((name, ActorText.FoldedWords(surname), c.Gender, tokens[c.First].Start));
                local.Add((name, ActorText.FoldedWords(name), c.Gender, tokens[c.First].Start));
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
                var actor = (seenSurnames.TryGetValue(key, out var seen) ? Catalog.Find(seen) : null)
                    ?? MostRecent(options, recent) ?? (options.Count == 1 ? options[0] : null);
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

        // "Michel Rocard", "Pavel Durov": a catalog surname that is also a given name, followed by an unknown capitalised word.
        bool IsSomeoneElsesGivenName(string key, Candidate c)
        {
            if (c.Length != 1 || !cues.FirstNames.ContainsKey(key) || c.End >= tokens.Count || strong[c.End])
                return false;
            var next = tokens[c.End];
            return next.IsWord && next.Start - tokens[c.First].End == 1 && ActorText.StartsUpper(text.AsSpan(next.Start, next.Length))
                   && !NotNameWordLookup.Contains(folded.AsSpan(next.Start, next.Length));
        }

        // 4. Short forms of discovered people after their first full mention.
        if (local.Count > 0)
        {
            foreach (var (first, end, name, gender) in LocalShortForms(text, folded, tokens, mentions, local, scratch.Taken(text.Length + 1)))
                Add(first, end, name, ActorKind.Person, MentionSource.Alias, gender);
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

    private List<Candidate> Discover(string text, char[] folded, List<Token> tokens, bool[] strong, List<Candidate> catalogCandidates, Scratch scratch)
    {
        var found = new List<Candidate>();
        // Facts about the whole article that claims consult, gathered once, on the first claim that needs them
        // (looking them up by scanning the article at each claim made long articles quadratic).
        HashSet<string>? lowerCaseWords = null; // folded words the article writes in lower case
        List<int>? firmStarts = null; // tokens a corporate suffix follows directly (see FirmFollows)
        Dictionary<int, HashSet<string>>? firmNames = null; // by length in tokens: the word sequences before them
        // roleEnds[i]: a catalog phrase made only of roles ends before token i.
        var roleEnds = scratch.RoleEnds(tokens.Count + 1);
        foreach (var c in catalogCandidates)
        {
            if (OnlyRoles(c.Entries!))
                roleEnds[c.End] = true;
        }

        var covered = scratch.Covered(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var gender = Gender.Unknown;
            var isCue = false;
            var next = i + 1;
            if (t.IsWord)
            {
                var key = folded.AsSpan(t.Start, t.Length);
                // Honorifics are capitalised ("Mr"): the cheap case test first spares most words a hash look-up.
                if (ActorText.StartsUpper(text.AsSpan(t.Start, t.Length)) && cues.TryGetHonorific(key, out var g))
                {
                    isCue = true;
                    gender = g;
                    if (next < tokens.Count && text[tokens[next].Start] == '.')
                        next++;
                }
                else if (cues.IsCue(key) && !IsFirmRole(i, key))
                {
                    isCue = true;
                    gender = cues.GenderOfCue(key);
                }
            }

            if (!isCue && roleEnds[i + 1] && !strong[Math.Min(i + 1, tokens.Count - 1)])
                isCue = true;
            if (!isCue)
                continue;

            // Titles run on over capitalised words: "Deputy Foreign Minister", "Chief Financial Officer".
            while (next < tokens.Count && tokens[next].IsWord && !strong[next] && IsTitleWord(folded.AsSpan(tokens[next].Start, tokens[next].Length)))
                next++;

            // "journalist Pavel Zarubin"
            var end = NameEnd(text, folded, tokens, strong, next, out var words);
            if (words >= 2)
            {
                Claim(next, end, gender);
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
            if (text[tokens[c].Start] != ',' || !IsArticle(folded, tokens[c + 1]) || CueAfter(c + 2) is not (>= 0 and var cue))
                continue;
            var start = c;
            while (start > 0 && tokens[start - 1].IsWord && !strong[start - 1] && c - start < 8
                   && (ActorText.StartsUpper(text.AsSpan(tokens[start - 1].Start, tokens[start - 1].Length))
                       || AliasTrie.IsParticle(folded.AsSpan(tokens[start - 1].Start, tokens[start - 1].Length))))
                start--;
            while (start < c && (IsTitleWord(folded.AsSpan(tokens[start].Start, tokens[start].Length)) || AliasTrie.IsParticle(folded.AsSpan(tokens[start].Start, tokens[start].Length))))
                start++;
            // "... a subsidiary in Abu Dhabi, the spokesman said": the title opens a clause of its own, and what precedes
            // it after a preposition is a place or an object ("the death of Jane Doe, the daughter of ..." still names her).
            if (start > 0 && tokens[start - 1].IsWord && PrepositionLookup.Contains(folded.AsSpan(tokens[start - 1].Start, tokens[start - 1].Length))
                && cue + 1 < tokens.Count && tokens[cue + 1].IsWord && ReportingVerbLookup.Contains(folded.AsSpan(tokens[cue + 1].Start, tokens[cue + 1].Length)))
                continue;
            if (start < c && NameEnd(text, folded, tokens, strong, start, out var words) == c && words >= 2)
            {
                Claim(start, c, cues.GenderOfCue(folded.AsSpan(tokens[c + 2].Start, tokens[c + 2].Length)));
            }
        }

        return found;

        // The index of a cue word within the next few words (", a senior aide", ", the party's spokesman"), or -1.
        int CueAfter(int from)
        {
            for (var k = from; k < tokens.Count && k < from + 4; k++)
            {
                if (!tokens[k].IsWord && text[tokens[k].Start] is not '\'' and not '-')
                    return -1;
                if (tokens[k].IsWord && cues.IsCue(folded.AsSpan(tokens[k].Start, tokens[k].Length)))
                    return k;
            }

            return -1;
        }

        bool IsTitleWord(ReadOnlySpan<char> key) => cues.IsCue(key) || cues.IsTitleModifier(key);

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
            if (!tokens[k].IsWord || lead.Length == 1 || cues.IsFirstName(lead) || AliasTrie.IsParticle(lead))
                return false;
            if (lowerCaseWords is null)
            {
                lowerCaseWords = scratch.LowerCaseWords();
                var strings = WordStrings.ForThisThread;
                foreach (var t in tokens)
                {
                    if (!ActorText.StartsUpper(text.AsSpan(t.Start, t.Length)))
                        lowerCaseWords.Add(strings.Get(folded.AsSpan(t.Start, t.Length)));
                }
            }

            return lowerCaseWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lead);
        }

        // The name anywhere in the article followed by a corporate suffix: "Hale Burnett" beside "Hale Burnett and Co Inc".
        // Elsewhere only a suffix right after the name counts: "Jon Doe Foundation Ltd" is his firm, not him.
        bool IsFirmName(int first, int end)
        {
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
                if (t.IsWord ? !ActorText.StartsUpper(text.AsSpan(t.Start, t.Length)) || ++capitalised > words : text[t.Start] is not '(' and not ')')
                    return false;
            }

            return false;
        }

        // "Co-chairman" is no suffix.
        bool IsSuffix(int k) =>
            tokens[k].IsWord && ActorText.StartsUpper(text.AsSpan(tokens[k].Start, tokens[k].Length))
            && cues.IsCorporateSuffix(folded.AsSpan(tokens[k].Start, tokens[k].Length))
            && (k + 1 >= tokens.Count || text[tokens[k + 1].Start] != '-');

        void Claim(int first, int end, Gender gender)
        {
            if (covered[first])
                return;
            // "Abu Dhabi-based": a place or firm used as an adjective.
            if (end + 1 < tokens.Count && text[tokens[end].Start] == '-' && tokens[end].Start == tokens[end - 1].End
                && CompoundSuffixLookup.Contains(folded.AsSpan(tokens[end + 1].Start, tokens[end + 1].Length)))
                return;
            // A name cut off by a line break before the rest of an organisation's: "Student Loan Marketing\n\nAssociation".
            if (end < tokens.Count && tokens[end].IsWord && ActorText.StartsUpper(text.AsSpan(tokens[end].Start, tokens[end].Length))
                && cues.IsNotInNames(folded.AsSpan(tokens[end].Start, tokens[end].Length)))
                return;
            // Companies, institutions and places share the capitalised shape of names: "General Motors Corp", "European Community".
            for (var k = first; k < end; k++)
            {
                var key = folded.AsSpan(tokens[k].Start, tokens[k].Length);
                if (cues.IsNotInNames(key) || (k == end - 1 && IsTitleWord(key)))
                    return;
            }

            // A leading common word goes when a given name follows it ("Whip Jane Doe"); otherwise the whole sequence
            // is no name ("Cocoa Terminal Market").
            var start = first;
            while (first < end && IsCommonLead(first))
                first++;
            if (first > start && (first == end || !cues.IsFirstName(folded.AsSpan(tokens[first].Start, tokens[first].Length))))
                return;
            var words = 0;
            for (var k = first; k < end; k++)
                words += tokens[k].IsWord && tokens[k].Length > 1 && ActorText.StartsUpper(text.AsSpan(tokens[k].Start, tokens[k].Length)) ? 1 : 0;
            if (words < 2 || !ActorText.StartsUpper(text.AsSpan(tokens[first].Start, tokens[first].Length)) || IsFirmName(first, end))
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
            if (t.IsWord && ActorText.StartsUpper(raw) && !NotNameWordLookup.Contains(key) && (raw.Length == 1 || !ActorText.IsAllUpper(raw) || raw.Length > 3))
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
                    if (ActorText.StartsUpper(text.AsSpan(tokens[k + 1].Start, tokens[k + 1].Length)))
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

        return end;
    }

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
        string text, char[] folded, List<Token> tokens, List<Mention> mentions,
        List<(string Name, string[] Keys, Gender Gender, int After)> local, bool[] taken)
    {
        var found = new List<(int First, int End, string Name, Gender Gender)>();
        foreach (var m in mentions)
        {
            for (var p = m.Start; p < m.End; p++)
                taken[p] = true;
        }

        // The forms by their first word, longest first. A form met again later (the same name, form and gender) is
        // left out: the earlier one matches wherever the later would. Trying every form at every capitalised word
        // made articles that repeat many names quadratic.
        var byFirstWord = new Dictionary<string, List<(string Name, string[] Keys, Gender Gender, int After)>>(StringComparer.Ordinal);
        var kept = new HashSet<(string Name, int Words, Gender Gender)>();
        foreach (var form in local.OrderByDescending(l => l.Keys.Length))
        {
            if (form.Keys.Length == 0 || !kept.Add((form.Name, form.Keys.Length, form.Gender)))
                continue;
            if (!byFirstWord.TryGetValue(form.Keys[0], out var forms))
                byFirstWord[form.Keys[0]] = forms = [];
            forms.Add(form);
        }

        var formsByWord = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (taken[tokens[i].Start] || !ActorText.StartsUpper(text.AsSpan(tokens[i].Start, tokens[i].Length))
                || !formsByWord.TryGetValue(folded.AsSpan(tokens[i].Start, tokens[i].Length), out var candidates))
                continue;
            foreach (var (name, keys, gender, after) in candidates)
            {
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
