namespace NewsLens;

/// <summary>What an actor is: who can speak, be quoted and co-occur.</summary>
public enum ActorKind
{
    Person,
    Organization,
    Place,
}

/// <summary>Grammatical gender of a person, for pronoun resolution; organisations and places are "it".</summary>
public enum Gender
{
    Unknown,
    Male,
    Female,
}

/// <summary>An office held over a period: <c>foreign minister</c> of <c>Russia</c> from 2004-03-09, open-ended.</summary>
/// <param name="Office">Canonical office key from the catalog's office list ("foreign minister", "spokesperson").</param>
/// <param name="Of">Canonical names of what the office belongs to (a country, an institution, a person for aides).</param>
/// <param name="From">First day in office (inclusive); null when unknown.</param>
/// <param name="To">Day the office passed on (exclusive); null while still held.</param>
public sealed record ActorRole(string Office, IReadOnlyList<string> Of, DateOnly? From, DateOnly? To)
{
    /// <summary>True when the office was held on <paramref name="date"/>; with no date, true for an office still held.</summary>
    public bool HeldOn(DateOnly? date) => date is { } d
        ? (From is null || From.Value <= d) && (To is null || d < To.Value)
        : To is null;
}

/// <summary>A catalogued person, organisation or place with every name it goes by.</summary>
public sealed record Actor
{
    /// <summary>Canonical name: the single spelling every alias resolves to.</summary>
    public required string Name { get; init; }

    public required ActorKind Kind { get; init; }

    /// <summary>Other full names and transliterations ("Sergei Lavrov", "Kiev").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Short forms used alone once the actor is known (a person's surname); derived when the catalog omits them.</summary>
    public IReadOnlyList<string> ShortForms { get; init; } = [];

    public Gender Gender { get; init; }

    /// <summary>Country, party or institution the actor belongs to.</summary>
    public string? Affiliation { get; init; }

    public IReadOnlyList<ActorRole> Roles { get; init; } = [];

    /// <summary>For countries: adjectives that name them in role phrases ("Russian" in "Russian Foreign Minister").</summary>
    public IReadOnlyList<string> Demonyms { get; init; } = [];

    /// <summary>For metonyms (capitals, seats of power): the actor the name stands for when it acts or speaks ("Moscow" → "Russia").</summary>
    public string? StandsFor { get; init; }
}
