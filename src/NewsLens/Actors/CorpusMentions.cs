namespace NewsLens;

public sealed partial class Corpus
{
    /// <summary>Every actor mention in every article, in article then text order.</summary>
    /// <param name="catalog">The catalog to recognise with; <see cref="ActorCatalog.Default"/> when null.</param>
    public IReadOnlyList<Mention> Mentions(ActorCatalog? catalog = null)
    {
        var recognizer = new ActorRecognizer(catalog);
        return Articles.SelectMany(recognizer.Recognize).ToList();
    }
}
