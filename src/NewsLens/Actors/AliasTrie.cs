namespace NewsLens;

internal enum CaseRule : byte
{
    /// <summary>Any case: lowercase words of an alias ("spokesman") and name particles ("de", "le").</summary>
    Any,

    /// <summary>The text token must start with a capital ("Lavrov", not "lavrov").</summary>
    Capital,

    /// <summary>An acronym: the text token must be all capitals ("US", not "us").</summary>
    Upper,
}

internal enum EntryType : byte
{
    /// <summary>A full name or alias of an actor.</summary>
    Name,

    /// <summary>A person's short form (surname), resolved against the article's earlier mentions when ambiguous.</summary>
    Short,

    /// <summary>A role phrase ("Russian Foreign Minister", "the Kremlin spokesman"), resolved by date and context.</summary>
    Role,
}

/// <summary>What a matched phrase means.</summary>
internal sealed class TrieEntry
{
    public required EntryType Type { get; init; }

    public Actor? Actor { get; init; }

    public CaseRule[] Case { get; set; } = [];

    /// <summary>A short form that names the actor only after the full name appeared in the same article.</summary>
    public bool ContextOnly { get; init; }

    public string[] Offices { get; init; } = [];

    /// <summary>For a role: what the office belongs to; null for an unscoped phrase ("the top diplomat").</summary>
    public Actor? Scope { get; init; }

    /// <summary>For a role whose scope is named ("Putin's spokesman", "president of France"): the scope's token range within the phrase.</summary>
    public int ScopeStart { get; init; } = -1;

    public int ScopeEnd { get; init; } = -1;

    public bool Accepts(string text, List<Token> tokens, int first)
    {
        for (var k = 0; k < Case.Length; k++)
        {
            var token = tokens[first + k];
            var span = text.AsSpan(token.Start, token.Length);
            switch (Case[k])
            {
                case CaseRule.Capital when !ActorText.StartsUpper(span):
                case CaseRule.Upper when !ActorText.IsAllUpper(span):
                    return false;
            }
        }

        return true;
    }
}

/// <summary>A trie over folded tokens: one left-to-right pass finds the longest catalog phrase at each position.</summary>
internal sealed class AliasTrie
{
    private sealed class Node
    {
        private Dictionary<string, Node>? children;
        private Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> lookup;
        private HashedWords<Node>? frozen; // set by Freeze, for a node with children

        public List<TrieEntry>? Entries;

        public Node GetOrAdd(string key)
        {
            if (frozen is not null)
                throw new InvalidOperationException("the trie is frozen");
            if (children is null)
            {
                children = new Dictionary<string, Node>(StringComparer.Ordinal);
                lookup = children.GetAlternateLookup<ReadOnlySpan<char>>();
            }

            if (!children.TryGetValue(key, out var child))
                children[key] = child = new Node();
            return child;
        }

        public Node? Next(ReadOnlySpan<char> key) =>
            children is null ? null
            : frozen is not null ? frozen.TryGetValue(key, out var child) ? child : null
            : lookup.TryGetValue(key, out child) ? child : null;

        public IEnumerable<string> Keys => children?.Keys ?? Enumerable.Empty<string>();

        public void Freeze()
        {
            if (children is null)
                return;
            foreach (var child in children.Values)
                child.Freeze();
            frozen = new HashedWords<Node>(children);
        }
    }

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "da", "di", "du", "des", "del", "della", "le", "la", "van", "von", "der", "den", "ten", "ter", "bin", "ibn", "al", "el", "d",
    };

    private readonly Node root = new();

    public int Count { get; private set; }

    /// <summary>Adds a phrase; its case rules come from how the phrase is written.</summary>
    public void Add(string phrase, TrieEntry entry)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        if (tokens.Count == 0 || (tokens.Count == 1 && tokens[0].Length < 2))
            return; // a single letter ("X") would match everywhere
        var folded = ActorText.Fold(phrase);
        var node = root;
        var rules = new CaseRule[tokens.Count];
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            var raw = phrase.AsSpan(t.Start, t.Length);
            rules[k] = !t.IsWord || Particles.Contains(raw.ToString()) ? CaseRule.Any
                : raw.Length >= 2 && ActorText.IsAllUpper(raw) ? CaseRule.Upper
                : ActorText.StartsUpper(raw) ? CaseRule.Capital
                : CaseRule.Any;
            node = node.GetOrAdd(folded[t.Start..t.End]);
        }

        entry.Case = rules;
        node.Entries ??= [];
        node.Entries.Add(entry);
        Count++;
    }

    // Set by Freeze: the first words of all phrases, to turn away at a glance the many tokens that start none.
    private WordFilter? firstWords;

    /// <summary>Makes look-ups faster (most words start no phrase and are turned away at a glance); no phrase can be added after.</summary>
    public void Freeze()
    {
        root.Freeze();
        firstWords = new WordFilter(root.Keys);
    }

    /// <summary>The longest phrase starting at token <paramref name="first"/> whose case rules the text satisfies.</summary>
    public (int Length, IReadOnlyList<TrieEntry>? Entries) Match(string text, ReadOnlySpan<char> folded, List<Token> tokens, int first)
    {
        var node = root;
        var bestLength = 0;
        IReadOnlyList<TrieEntry>? best = null;
        // Most tokens start no phrase; a plural possessive ("Putins'") is looked up by its stem below.
        var start = tokens[first];
        if (firstWords is not null && !firstWords.MayContain(folded.Slice(start.Start, start.Length))
            && !(start.Length > 3 && first + 1 < tokens.Count && folded[tokens[first + 1].Start] == '\''))
            return (0, null);
        for (var k = first; k < tokens.Count; k++)
        {
            var t = tokens[k];
            var current = node;
            node = current.Next(folded.Slice(t.Start, t.Length));
            if (node is null)
            {
                // A misplaced plural-possessive apostrophe ("Putins' actions", "Le Pens' move") still names the person.
                if (t.Length > 3 && folded[t.End - 1] == 's' && k + 1 < tokens.Count && folded[tokens[k + 1].Start] == '\''
                    && tokens[k + 1].Start == t.End && (k == first || Adjacent(text, tokens[k - 1], t))
                    && current.Next(folded.Slice(t.Start, t.Length - 1)) is { Entries: not null } stem)
                {
                    if (People(stem.Entries, text, tokens, first) is { } people)
                        return (k - first + 1, people);
                }

                break;
            }
            if (k > first && !Adjacent(text, tokens[k - 1], t))
                break;
            if (node.Entries is null)
                continue;
            if (Accepted(node.Entries, text, tokens, first) is { } accepted)
            {
                bestLength = k - first + 1;
                best = accepted;
            }
        }

        return (bestLength, best);
    }

    // The entries whose case rules the text satisfies, in order, or null; the node's own list when all do (the
    // common case), so matching allocates nothing. Callers only read the list.
    private static IReadOnlyList<TrieEntry>? Accepted(List<TrieEntry> entries, string text, List<Token> tokens, int first)
    {
        List<TrieEntry>? some = null;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Accepts(text, tokens, first))
                some?.Add(entries[i]);
            else
                some ??= entries.GetRange(0, i); // the first rejected entry: keep those accepted before it
        }

        return some is null ? entries : some.Count > 0 ? some : null;
    }

    // Kept out of Match: a lambda capturing Match's parameters would allocate a closure on every call (once per token).
    private static List<TrieEntry>? People(List<TrieEntry> entries, string text, List<Token> tokens, int first)
    {
        List<TrieEntry>? people = null;
        foreach (var e in entries)
        {
            if (e.Type != EntryType.Role && e.Actor?.Kind == ActorKind.Person && e.Accepts(text, tokens, first))
                (people ??= []).Add(e);
        }

        return people;
    }

    // Phrases never run across a paragraph break.
    private static bool Adjacent(string text, Token previous, Token next)
    {
        for (var i = previous.End; i < next.Start; i++)
        {
            if (text[i] == '\n')
                return false;
        }

        return true;
    }

    public static bool IsParticle(ReadOnlySpan<char> word) => ParticleLookup.Contains(word);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleLookup = Particles.GetAlternateLookup<ReadOnlySpan<char>>();
}
