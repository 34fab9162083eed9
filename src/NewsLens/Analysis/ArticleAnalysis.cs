namespace NewsLens;

/// <summary>Everything the pipeline finds in one article; the unit that flows through <see cref="Pipeline"/>.</summary>
/// <remarks>Every record keeps character offsets into <see cref="Article.Text"/>, so any row of any table traces back to its text.</remarks>
public sealed record ArticleAnalysis(Article Article)
{
    /// <summary>Actor mentions, in text order.</summary>
    public IReadOnlyList<Mention> Mentions { get; init; } = [];

    /// <summary>Direct quotations with their speakers, in text order.</summary>
    public IReadOnlyList<Quote> Quotes { get; init; } = [];

    /// <summary>VADER scores of every sentence, in sentence order.</summary>
    public IReadOnlyList<SentenceSentiment> Sentiment { get; init; } = [];

    /// <summary>Actor pairs seen together in this article, per window (the diagonal, a = b, counts the windows holding a).</summary>
    public IReadOnlyList<ActorPairCount> Cooccurrence { get; init; } = [];
}

/// <summary>How many windows of one kind hold both actors <see cref="A"/> and <see cref="B"/> (A ≤ B, ordinal).</summary>
/// <remarks>Counts add up across articles, partitions and shards; rows with A = B give each actor's own window count.</remarks>
public sealed record ActorPairCount(string Window, string A, string B, long Count);
