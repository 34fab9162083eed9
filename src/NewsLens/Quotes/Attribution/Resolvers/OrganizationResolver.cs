namespace NewsLens;

internal sealed class OrganizationResolver : SpeakerResolver
{
    public override string Name => "organization";

    public override string Description => "the company, the ministry: the organisation referred back to, or the capitalised name itself";

    internal override SpeakerPhraseKind Kind => SpeakerPhraseKind.Organization;

    internal override SpeakerAttribution Resolve(QuoteAttributor context, in SpeakerPhrase phrase, string? cue, int frame, double confidence) =>
        context.ResolveOrganization(phrase, cue, confidence);
}
