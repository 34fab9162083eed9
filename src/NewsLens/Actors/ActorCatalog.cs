using System.Globalization;

namespace NewsLens;

/// <summary>
/// The actors NewsLens knows: people, organisations and places with aliases, genders and dated roles, plus the
/// office vocabulary used to read role phrases ("the top diplomat", "Kremlin spokesman").
/// </summary>
/// <remarks>
/// <see cref="Default"/> is the shipped catalog (Actors/actors.json, embedded). <see cref="Load"/> merges a user's own
/// file (same JSON shape) over it: an entry with the same name replaces the shipped one, office phrases are added.
/// </remarks>
public sealed class ActorCatalog
{
    private static readonly Lazy<ActorCatalog> DefaultCatalog = new(LoadDefault);

    // Office words too general to name one person without a scope ("the head", "the chief").
    private static readonly HashSet<string> GenericOfficePhrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "chief", "chair", "chairman", "chairwoman", "leader", "party leader", "director", "governor", "speaker",
        "envoy", "king", "monarch", "premier", "PM", "FM", "deputy head", "mayor",
    };

    private static readonly string[] Determiners = ["the", "his", "her", "its", "their", "a", "an"];

    private readonly Dictionary<string, Actor> byKey;
    private readonly Dictionary<string, List<(Actor Actor, ActorRole Role)>> holdersByOffice;
    private readonly Lazy<AliasTrie> trie;

    private ActorCatalog(IReadOnlyList<Actor> actors, IReadOnlyDictionary<string, IReadOnlyList<string>> offices)
    {
        Actors = actors;
        Offices = offices;
        byKey = new Dictionary<string, Actor>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            foreach (var name in actor.Aliases.Prepend(actor.Name))
                byKey.TryAdd(ActorText.Key(name), actor);
        }

        holdersByOffice = new Dictionary<string, List<(Actor, ActorRole)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var actor in actors)
        {
            foreach (var role in actor.Roles)
            {
                if (!holdersByOffice.TryGetValue(role.Office, out var list))
                    holdersByOffice[role.Office] = list = [];
                list.Add((actor, role));
            }
        }

        surnameKeys = actors.Where(a => a.Kind == ActorKind.Person).ToDictionary(
            a => a.Name,
            a => DeriveShortForms(a.Aliases.Prepend(a.Name)).Concat(a.ShortForms).Select(ActorText.Key).Distinct().ToArray(),
            StringComparer.Ordinal);
        trie = new Lazy<AliasTrie>(BuildTrie);
    }

    private readonly Dictionary<string, string[]> surnameKeys;

    /// <summary>Folded surname keys of a catalogued person, including those not matched on their own ("Le Pen" for Jean-Marie Le Pen).</summary>
    internal IReadOnlyList<string> SurnameKeys(string person) => surnameKeys.GetValueOrDefault(person) ?? [];

    /// <summary>The shipped catalog, loaded once.</summary>
    public static ActorCatalog Default => DefaultCatalog.Value;

    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>Office key → phrases that name it ("foreign minister" → "top diplomat", "foreign secretary", …).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Offices { get; }

    internal AliasTrie Trie => trie.Value;

    /// <summary>Loads a catalog file and merges it over <see cref="Default"/> (or alone, when <paramref name="mergeWithDefault"/> is false).</summary>
    /// <exception cref="InvalidDataException">The file is not a valid catalog; the message names the file and the entry.</exception>
    public static ActorCatalog Load(string path, bool mergeWithDefault = true)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"actor catalog not found: {path}", path);
        using var stream = File.OpenRead(path);
        var catalog = FromFile(CatalogFile.Parse(stream, path), path);
        return mergeWithDefault ? Default.Merge(catalog) : catalog;
    }

    /// <summary>A new catalog with <paramref name="overrides"/>' entries replacing same-named ones here and its office phrases added.</summary>
    public ActorCatalog Merge(ActorCatalog overrides)
    {
        var replaced = overrides.Actors.Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var actors = Actors.Where(a => !replaced.Contains(a.Name)).Concat(overrides.Actors).ToList();
        var offices = Offices.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.OrdinalIgnoreCase);
        foreach (var (office, phrases) in overrides.Offices)
        {
            if (!offices.TryGetValue(office, out var list))
                offices[office] = list = [];
            list.AddRange(phrases.Where(p => !list.Contains(p, StringComparer.OrdinalIgnoreCase)));
        }

        return new ActorCatalog(actors, offices.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The actor with this canonical name or full alias (case- and diacritics-insensitive); null when unknown.</summary>
    public Actor? Find(string nameOrAlias) => byKey.GetValueOrDefault(ActorText.Key(nameOrAlias));

    /// <summary>The catalog's gender for a person's name or alias; <see cref="Gender.Unknown"/> for others and unknown names.</summary>
    public Gender GenderOf(string nameOrAlias) => Find(nameOrAlias)?.Gender ?? Gender.Unknown;

    /// <summary>People holding <paramref name="office"/> (of <paramref name="of"/> when given) on <paramref name="date"/> (no date: still in office).</summary>
    public IReadOnlyList<Actor> Holders(string office, string? of = null, DateOnly? date = null) => HoldersOf(office, of, ever: false, date).ToList();

    // Holders of the office (of the scope, when given): on the date (today's with none), or in any term.
    private IEnumerable<Actor> HoldersOf(string office, string? of, bool ever, DateOnly? date) =>
        holdersByOffice.TryGetValue(office, out var list)
            ? list.Where(h => (ever || h.Role.HeldOn(date)) && (of is null || h.Role.Of.Contains(of, StringComparer.OrdinalIgnoreCase)))
                .Select(h => h.Actor).Distinct()
            : [];

    /// <summary>
    /// The person a role phrase names on a date: "Russian Foreign Minister", "the Kremlin spokesman", "France's defence minister".
    /// A phrase without a scope ("the top diplomat") resolves only through <paramref name="recentActors"/> (canonical names
    /// mentioned earlier, most recent last): the latest one holding a matching office on that date.
    /// </summary>
    /// <returns>The holder, or null when the phrase is not a known role or no single holder fits. With no date, only a
    /// holder named in <paramref name="recentActors"/> fits: the catalog cannot tell whose term an undated text is from.</returns>
    public Actor? ResolveRole(string phrase, DateOnly? date, IReadOnlyList<string>? recentActors = null)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        var first = 0;
        while (first < tokens.Count && Determiners.Contains(phrase[tokens[first].Start..tokens[first].End], StringComparer.OrdinalIgnoreCase))
            first++;
        if (first >= tokens.Count)
            return null;
        var (length, entries) = Trie.Match(phrase, ActorText.Fold(phrase), tokens, first);
        if (entries is null || first + length != tokens.Count)
            return null;
        return ResolveRole(entries.Where(e => e.Type == EntryType.Role).ToList(), date, recentActors ?? [], hasDeterminer: first > 0);
    }

    internal Actor? ResolveRole(List<TrieEntry> roleEntries, DateOnly? date, IReadOnlyList<string> recent, bool hasDeterminer)
    {
        if (roleEntries.Count == 0)
            return null;
        var candidates = new List<Actor>();
        var scoped = roleEntries.Any(e => e.Scope is not null);
        foreach (var entry in roleEntries)
        {
            if (scoped && entry.Scope is null)
                continue;
            foreach (var office in entry.Offices)
            {
                // Undated, every holder the catalog knows is a candidate: only the article's own context can tell which.
                foreach (var holder in HoldersOf(office, entry.Scope?.Name, ever: date is null, date))
                {
                    if (!candidates.Contains(holder))
                        candidates.Add(holder);
                }
            }
        }

        if (candidates.Count == 0)
            return null;
        for (var i = recent.Count - 1; i >= 0; i--)
        {
            var match = candidates.FirstOrDefault(c => c.Name == recent[i]);
            if (match is not null)
                return match;
        }

        // Without context only a dated, scoped phrase names someone: "the president" alone could be anyone, and "the
        // French president" in an undated article could be any president (not today's).
        return scoped && date is not null && candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>
    /// The actors an article's catalog phrases name in full or by role scope, with their homes (affiliations, and what a
    /// capital or an institution stands for: Moscow and the Kremlin for Russia): the evidence that a bare surname in it means the catalog's person of that name.
    /// </summary>
    internal static HashSet<string> SupportIn(IEnumerable<IReadOnlyList<TrieEntry>> phrases)
    {
        var support = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entries in phrases)
        {
            foreach (var e in entries)
            {
                var named = e.Type == EntryType.Name ? e.Actor : e.Type == EntryType.Role ? e.Scope : null;
                if (named is null)
                    continue;
                support.Add(named.Name);
                if (named.Affiliation is { } home)
                    support.Add(home);
                if (named.StandsFor is { } state)
                    support.Add(state);
            }
        }

        return support;
    }

    private AliasTrie BuildTrie()
    {
        var trie = new AliasTrie();
        foreach (var actor in Actors)
        {
            // A leading "the" stays outside the match so "the Kremlin spokesman" can still be read as a role phrase.
            foreach (var name in actor.Aliases.Prepend(actor.Name).Select(WithoutArticle).Distinct())
                trie.Add(name, new TrieEntry { Type = EntryType.Name, Actor = actor });
            foreach (var shortForm in actor.ShortForms)
                trie.Add(shortForm, new TrieEntry { Type = EntryType.Short, Actor = actor });

            // Surnames too ambiguous to match alone ("May", "Johnson") still refer back to a full name in the article.
            if (actor.Kind == ActorKind.Person)
            {
                foreach (var surname in DeriveShortForms(actor.Aliases.Prepend(actor.Name)).Where(s => !actor.ShortForms.Contains(s, StringComparer.OrdinalIgnoreCase)))
                    trie.Add(surname, new TrieEntry { Type = EntryType.Short, Actor = actor, ContextOnly = true });
            }
        }

        // Role phrases only for (office, scope) pairs some catalogued person holds: the rest could never resolve.
        var pairs = Actors.SelectMany(a => a.Roles).SelectMany(r => r.Of.Select(of => (r.Office, Of: of))).Distinct().ToList();
        foreach (var (office, of) in pairs)
        {
            if (!Offices.TryGetValue(office, out var phrases) || Find(of) is not { } scope)
                continue;
            var names = scope.Aliases.Prepend(scope.Name)
                .Select(WithoutArticle)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (scope.Kind == ActorKind.Person)
                names.AddRange(scope.ShortForms);
            foreach (var phrase in phrases)
            {
                foreach (var name in names)
                {
                    var nameTokens = Tokenizer.Tokenize(name).Count;
                    var phraseTokens = Tokenizer.Tokenize(phrase).Count;
                    trie.Add($"{name}'s {phrase}", Role(office, scope, 0, nameTokens));
                    if (scope.Kind == ActorKind.Person)
                        continue;
                    trie.Add($"{name} {phrase}", Role(office, scope, 0, nameTokens));
                    trie.Add($"{phrase} of {name}", Role(office, scope, phraseTokens + 1, phraseTokens + 1 + nameTokens));
                    trie.Add($"{phrase} of the {name}", Role(office, scope, phraseTokens + 2, phraseTokens + 2 + nameTokens));
                }

                foreach (var demonym in scope.Demonyms.Where(d => !names.Contains(d, StringComparer.OrdinalIgnoreCase)))
                    trie.Add($"{demonym} {phrase}", Role(office, scope, -1, -1));
            }
        }

        foreach (var (office, phrases) in Offices)
        {
            foreach (var phrase in phrases.Where(p => !GenericOfficePhrases.Contains(p)))
                trie.Add(phrase, Role(office, null, -1, -1));
        }

        trie.Freeze();
        return trie;

        static string WithoutArticle(string name) => name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;

        static TrieEntry Role(string office, Actor? scope, int start, int end) =>
            new() { Type = EntryType.Role, Offices = [office], Scope = scope, ScopeStart = start, ScopeEnd = end };
    }

    private static ActorCatalog LoadDefault()
    {
        const string resource = "NewsLens.Actors.actors.json";
        using var stream = typeof(ActorCatalog).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        return FromFile(CatalogFile.Parse(stream, resource), resource);
    }

    private static ActorCatalog FromFile(CatalogFile file, string source)
    {
        var offices = (file.Offices ?? []).ToDictionary(
            kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.ToList(), StringComparer.OrdinalIgnoreCase);
        var actors = new List<Actor>();
        var index = 0;
        foreach (var entry in file.Actors ?? [])
        {
            var where = $"{source}: actor #{index++}{(entry.Name is null ? "" : $" '{entry.Name}'")}";
            if (string.IsNullOrWhiteSpace(entry.Name))
                throw new InvalidDataException($"{where}: missing \"name\"");
            var kind = entry.Kind?.ToLowerInvariant() switch
            {
                "person" => ActorKind.Person,
                "organization" or "organisation" => ActorKind.Organization,
                "place" => ActorKind.Place,
                _ => throw new InvalidDataException($"{where}: \"kind\" must be person, organization or place (got '{entry.Kind}')"),
            };
            var gender = entry.Gender?.ToLowerInvariant() switch
            {
                null or "" or "unknown" => Gender.Unknown,
                "male" or "m" => Gender.Male,
                "female" or "f" => Gender.Female,
                _ => throw new InvalidDataException($"{where}: \"gender\" must be male, female or unknown (got '{entry.Gender}')"),
            };
            var roles = new List<ActorRole>();
            foreach (var role in entry.Roles ?? [])
            {
                if (string.IsNullOrWhiteSpace(role.Office))
                    throw new InvalidDataException($"{where}: a role lacks \"office\"");
                roles.Add(new ActorRole(role.Office, role.Of ?? [], ParseDate(role.From, where), ParseDate(role.To, where)));
                if (!offices.ContainsKey(role.Office))
                    offices[role.Office] = [role.Office];
            }

            var aliases = (entry.Aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
            actors.Add(new Actor
            {
                Name = entry.Name.Trim(),
                Kind = kind,
                Gender = gender,
                Affiliation = entry.Affiliation,
                Aliases = aliases,
                ShortForms = entry.Short ?? (kind == ActorKind.Person ? DeriveShortForms(aliases.Prepend(entry.Name)) : []),
                Demonyms = entry.Demonyms ?? [],
                StandsFor = entry.StandsFor,
                Roles = roles,
            });
        }

        return new ActorCatalog(actors, offices);
    }

    private static DateOnly? ParseDate(string? value, string where)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        return DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidDataException($"{where}: bad date '{value}' (expected yyyy-MM-dd)");
    }

    // A person's surname with its particles: "Marine Le Pen" → "Le Pen", "Ursula von der Leyen" → "von der Leyen".
    internal static List<string> DeriveShortForms(IEnumerable<string> names)
    {
        var result = new List<string>();
        foreach (var name in names)
        {
            if (ShortFormOf(name) is { } surname && !result.Contains(surname, StringComparer.OrdinalIgnoreCase))
                result.Add(surname);
        }

        return result;
    }

    /// <summary>The surname with its particles of one name, or null for a single word.</summary>
    internal static string? ShortFormOf(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
            return null;
        var start = parts.Length - 1;
        while (start > 1 && AliasTrie.IsParticle(parts[start - 1]))
            start--;
        return string.Join(' ', parts[start..]);
    }
}
