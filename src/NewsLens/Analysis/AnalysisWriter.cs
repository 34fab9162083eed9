namespace NewsLens;

/// <summary>Writes the analysis tables of a stream of articles (in order) under one output folder.</summary>
/// <remarks>
/// Rows are buffered per table and partition and written as row groups; when the buffers together pass
/// <see cref="AnalysisOptions.BufferBytes"/> the largest is written out, so memory stays bounded whatever the corpus
/// size. Co-occurrence counts accumulate over the stream and are written at the end, per partition.
/// </remarks>
internal sealed class AnalysisWriter
{
    private readonly AnalysisOptions options;
    private readonly PartitionedTableWriter<Article> articles;
    private readonly PartitionedTableWriter<SentenceRow> sentences;
    private readonly PartitionedTableWriter<Mention> mentions;
    private readonly PartitionedTableWriter<Quote> quotes;
    private readonly PartitionedTableWriter<ActorPairCount> cooccurrence;
    private readonly PartitionedTableWriter<SentenceSentiment> sentiment;
    private readonly IPartitionedTableWriter[] all;
    private readonly ActorPairAccumulator pairs = new();
    private readonly WriteBehind background;
    private long buffered;

    public AnalysisWriter(string root, AnalysisOptions options)
    {
        this.options = options;
        var openFiles = new OpenFiles(options.MaxOpenFiles);
        background = new WriteBehind(Math.Max(1, options.BufferBytes), inline: options.Workers == 1);
        var rowGroupBytes = Math.Max(1, options.BufferBytes / 4);
        PartitionedTableWriter<T> Create<T>(Table<T> table) => new(table, root, options.Shard, options.Format, openFiles, background, rowGroupBytes);
        articles = Create(AnalysisTables.Articles);
        sentences = Create(AnalysisTables.Sentences);
        mentions = Create(AnalysisTables.Mentions);
        quotes = Create(AnalysisTables.Quotes);
        cooccurrence = Create(AnalysisTables.Cooccurrence);
        sentiment = Create(AnalysisTables.Sentiment);
        all = [articles, sentences, mentions, quotes, cooccurrence, sentiment];
        RemoveEarlierOutput(root, options);
    }

    public void Add(ArticleAnalysis analysis)
    {
        var article = analysis.Article;
        var partition = Partition.Of(article.Published);
        buffered += articles.Add(partition, article);
        for (var i = 0; i < article.Sentences.Count; i++)
            buffered += sentences.Add(partition, new SentenceRow(article, i, article.Sentences[i]));
        foreach (var mention in analysis.Mentions)
            buffered += mentions.Add(partition, mention);
        foreach (var quote in analysis.Quotes)
            buffered += quotes.Add(partition, quote);
        foreach (var score in analysis.Sentiment)
            buffered += sentiment.Add(partition, score);
        pairs.Add(partition, analysis.Cooccurrence);
        if (buffered > options.BufferBytes)
            FlushUntilUnderBudget();
    }

    /// <summary>Writes the co-occurrence counts and everything buffered; returns rows and partitions per table.</summary>
    public IReadOnlyList<TableSummary> Complete()
    {
        foreach (var (partition, row) in pairs.Rows())
            cooccurrence.Add(partition, row);
        foreach (var writer in all)
            writer.Complete();
        background.Drain();
        var written = all.ToDictionary(w => w.Name);
        return AnalysisTables.Names
            .Where(written.ContainsKey)
            .Select(name => new TableSummary(name, written[name].Rows, written[name].Partitions.ToArray()))
            .ToArray();
    }

    private void FlushUntilUnderBudget()
    {
        while (true)
        {
            buffered = all.Sum(w => w.BufferedBytes);
            if (buffered <= options.BufferBytes / 2)
                return;
            all.MaxBy(w => w.BufferedBytes)!.FlushLargest();
        }
    }

    // Re-running a shard replaces its own files and leaves other shards' files alone. Its manifest goes first and is
    // written last, so a run that dies half-way leaves the shard without one: the merge step reports it as missing.
    private static void RemoveEarlierOutput(string root, AnalysisOptions options)
    {
        File.Delete(Path.Combine(root, AnalysisManifest.FileName(options.Shard)));
        var extension = options.Format == AnalysisFormat.Parquet ? "parquet" : "csv";
        var fileName = $"part-{options.Shard.Index}-of-{options.Shard.Count}.{extension}";
        foreach (var table in AnalysisTables.Names)
        {
            var directory = Path.Combine(root, table);
            if (!Directory.Exists(directory))
                continue;
            foreach (var file in Directory.EnumerateFiles(directory, fileName, SearchOption.AllDirectories))
                File.Delete(file);
        }
    }
}

/// <summary>What was written for one table: its rows and partitions.</summary>
public sealed record TableSummary(string Name, long Rows, IReadOnlyList<string> Partitions);
