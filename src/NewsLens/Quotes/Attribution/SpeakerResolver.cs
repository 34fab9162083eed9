namespace NewsLens;

/// <summary>
/// One named rule of quote attribution's second stage: from a speaker phrase of one kind (a name, a pronoun,
/// a role, an organisation, a document, a group) to the actor it stands for.
/// </summary>
public abstract class SpeakerResolver
{
    /// <summary>Short stable name, e.g. <c>pronoun</c>.</summary>
    public abstract string Name { get; }

    public abstract string Description { get; }

    internal abstract SpeakerPhraseKind Kind { get; }

    internal abstract SpeakerAttribution Resolve(QuoteAttributor context, in SpeakerPhrase phrase, string? cue, int frame, double confidence);

    public override string ToString() => Name;
}

/// <summary>The shipped resolvers, one per kind of speaker phrase.</summary>
public static class SpeakerResolvers
{
    /// <summary>A printed name: the article's own full name wins over the catalog; a bare surname takes the full name printed earlier.</summary>
    public static SpeakerResolver Name { get; } = new NameResolver();

    /// <summary>He, she, they, it: by salience, with gender from the catalog, first names and titles.</summary>
    public static SpeakerResolver Pronoun { get; } = new PronounResolver();

    /// <summary>"the senator", "the Kremlin spokesman": the holder named in the article, else the catalog's by date.</summary>
    public static SpeakerResolver Role { get; } = new RoleResolver();

    /// <summary>"the company", "the ministry": the organisation referred back to, or the capitalised name itself.</summary>
    public static SpeakerResolver Organization { get; } = new OrganizationResolver();

    /// <summary>"the report", "the ad": the issuer where the article names one, else nobody.</summary>
    public static SpeakerResolver Document { get; } = new DocumentResolver();

    /// <summary>"NATO countries": the organisation the members speak for; generic groups stay as written.</summary>
    public static SpeakerResolver Group { get; } = new GroupResolver();
}
