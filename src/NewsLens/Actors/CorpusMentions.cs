namespace NewsLens;

public sealed partial class Corpus
{
    /// <summary>
    /// Every actor mention in every article, in article then text order; people found outside the catalog whose names
    /// are spelling variants of one another across the corpus carry one name (<see cref="PersonVariants"/>).
    /// </summary>
    /// <param name="catalog">The catalog to recognise with; <see cref="ActorCatalog.Default"/> when null.</param>
    public IReadOnlyList<Mention> Mentions(ActorCatalog? catalog = null)
    {
        var recognizer = new ActorRecognizer(catalog);
        return Articles.SelectMany(recognizer.Recognize).ToList().MergeVariants(recognizer.Catalog);
    }
}
