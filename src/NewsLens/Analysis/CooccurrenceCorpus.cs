namespace NewsLens;

public sealed partial class Corpus
{
    /// <summary>Which actors appear together (per sentence by default), with counts, PMI, NPMI, Jaccard and G².</summary>
    public CooccurrenceTable Cooccurrence(CooccurrenceOptions? options = null, ActorCatalog? catalog = null) =>
        NewsLens.Cooccurrence.Compute(Articles, Mentions(catalog), options);
}
