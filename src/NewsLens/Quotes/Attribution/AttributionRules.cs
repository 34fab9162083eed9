namespace NewsLens;

/// <summary>
/// The ordered rules of quote attribution: sieves from a quotation to the phrase naming its speaker, then
/// resolvers from that phrase to an actor. Editable: remove, insert or reorder rules, and an ablation is a
/// different list, not different code.
/// </summary>
/// <example><c>QuoteOptions.Default with { Rules = AttributionRules.Default.Without("continuation") }</c></example>
public sealed class AttributionRules
{
    public AttributionRules(IEnumerable<AttributionSieve> sieves, IEnumerable<SpeakerResolver> resolvers)
    {
        Sieves = sieves.ToArray();
        Resolvers = resolvers.ToArray();
        var duplicate = Sieves.Select(s => s.Name).Concat(Resolvers.Select(r => r.Name)).GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"attribution rule '{duplicate.Key}' appears twice");
    }

    /// <summary>The shipped order: the most reliable grammar first, context and continuation last.</summary>
    public static AttributionRules Default { get; } = new(
    [
        AttributionSieves.TranscriptLabel,
        AttributionSieves.NameAfterQuote,
        AttributionSieves.DashCredit,
        AttributionSieves.AccordingTo,
        AttributionSieves.InvertedCue,
        AttributionSieves.PassiveAgent,
        AttributionSieves.Participle,
        AttributionSieves.CoordinatedVerb,
        AttributionSieves.CueSubject,
        AttributionSieves.ClauseSubject,
        AttributionSieves.CueAfterQuote,
        AttributionSieves.EarlierCue,
        AttributionSieves.CueWithoutSpeaker,
        AttributionSieves.VerbInQuote,
        AttributionSieves.ColonIntroduction,
        AttributionSieves.EmbeddedQuote,
        AttributionSieves.SentenceSubject,
        AttributionSieves.ReportedSpeech,
        AttributionSieves.ParagraphColon,
        AttributionSieves.NextParagraph,
        AttributionSieves.Continuation,
    ],
    [
        SpeakerResolvers.Name,
        SpeakerResolvers.Pronoun,
        SpeakerResolvers.Role,
        SpeakerResolvers.Organization,
        SpeakerResolvers.Document,
        SpeakerResolvers.Group,
    ]);

    /// <summary>Sieves in the order they are tried.</summary>
    public IReadOnlyList<AttributionSieve> Sieves { get; }

    /// <summary>Resolvers, one per kind of speaker phrase (name, pronoun, role, organisation, document, group).</summary>
    public IReadOnlyList<SpeakerResolver> Resolvers { get; }

    /// <summary>Every rule's name: sieves in order, then resolvers.</summary>
    public IReadOnlyList<string> Names => [.. Sieves.Select(s => s.Name), .. Resolvers.Select(r => r.Name)];

    /// <summary>These rules without the named sieve or resolver.</summary>
    public AttributionRules Without(string name)
    {
        if (!Names.Contains(name))
            throw new ArgumentException($"no attribution rule named '{name}'; known: {string.Join(", ", Names)}", nameof(name));
        return new(Sieves.Where(s => s.Name != name), Resolvers.Where(r => r.Name != name));
    }

    /// <summary>These rules with a sieve inserted at a position (0 = tried first).</summary>
    public AttributionRules Insert(int index, AttributionSieve sieve)
    {
        var list = Sieves.ToList();
        list.Insert(index, sieve);
        return new(list, Resolvers);
    }

    /// <summary>These rules with a sieve inserted right before the named one.</summary>
    public AttributionRules InsertBefore(string name, AttributionSieve sieve)
    {
        var at = Sieves.ToList().FindIndex(s => s.Name == name);
        if (at < 0)
            throw new ArgumentException($"no sieve named '{name}'", nameof(name));
        return Insert(at, sieve);
    }

    /// <summary>These rules with a resolver replacing the one of the same name, or added last.</summary>
    public AttributionRules With(SpeakerResolver resolver)
    {
        var list = Resolvers.ToList();
        var at = list.FindIndex(r => r.Name == resolver.Name);
        if (at >= 0)
            list[at] = resolver;
        else
            list.Add(resolver);
        return new(Sieves, list);
    }
}
