using Microsoft.Data.Analysis;

namespace NewsLens;

public sealed partial class Corpus
{
    /// <summary>Runs the whole analysis (actors, quotes, sentiment, co-occurrence) on this corpus, in memory.</summary>
    /// <remarks>For corpora larger than memory, stream them instead: <see cref="Pipeline.Run(IEnumerable{string}, string, CancellationToken)"/>.</remarks>
    public CorpusAnalysis Analyze(AnalysisOptions? options = null)
    {
        var pipeline = new Pipeline(options);
        return new CorpusAnalysis(this, pipeline.Analyze(Articles).ToArray(), pipeline.Options);
    }
}

/// <summary>The analysis of a loaded corpus: every article's records, the tables as DataFrames, and writing them out.</summary>
public sealed class CorpusAnalysis
{
    private readonly Corpus corpus;
    private readonly AnalysisOptions options;

    internal CorpusAnalysis(Corpus corpus, IReadOnlyList<ArticleAnalysis> articles, AnalysisOptions options)
    {
        this.corpus = corpus;
        this.options = options;
        Articles = articles;
    }

    /// <summary>One analysis per article (of the options' shard), in corpus order.</summary>
    public IReadOnlyList<ArticleAnalysis> Articles { get; }

    /// <summary>Actor pair counts over the whole corpus, per window (see <see cref="ActorPairCount"/>).</summary>
    public IReadOnlyList<ActorPairCount> Cooccurrence()
    {
        var accumulator = new ActorPairAccumulator();
        foreach (var analysis in Articles)
            accumulator.Add("", analysis.Cooccurrence);
        return accumulator.Rows().Select(r => r.Row).ToArray();
    }

    /// <summary>One of the tables (articles, sentences, mentions, quotes, cooccurrence, sentiment) as a DataFrame, with the columns the files have.</summary>
    public DataFrame ToDataFrame(string table) => table switch
    {
        "articles" => AnalysisTables.Articles.ToDataFrame(Articles.Select(a => a.Article).ToArray()),
        "sentences" => AnalysisTables.Sentences.ToDataFrame(AnalysisTables.SentenceRows(Articles).ToArray()),
        "mentions" => AnalysisTables.Mentions.ToDataFrame(Articles.SelectMany(a => a.Mentions).ToArray()),
        "quotes" => AnalysisTables.Quotes.ToDataFrame(Articles.SelectMany(a => a.Quotes).ToArray()),
        "cooccurrence" => AnalysisTables.Cooccurrence.ToDataFrame(Cooccurrence()),
        "sentiment" => AnalysisTables.Sentiment.ToDataFrame(Articles.SelectMany(a => a.Sentiment).ToArray()),
        _ => throw new ArgumentException($"no table '{table}'; tables: {string.Join(", ", AnalysisTables.Names)}", nameof(table)),
    };

    /// <summary>Writes the tables as Parquet, partitioned by year and month of publication, plus a manifest.</summary>
    public AnalysisManifest WriteParquet(string outputDirectory) => Write(outputDirectory, AnalysisFormat.Parquet);

    /// <summary>Writes the tables as CSV files in the same layout as <see cref="WriteParquet"/>.</summary>
    public AnalysisManifest WriteCsv(string outputDirectory) => Write(outputDirectory, AnalysisFormat.Csv);

    private AnalysisManifest Write(string outputDirectory, AnalysisFormat format) =>
        new Pipeline(options with { Format = format, Progress = null })
            .Write(Articles, outputDirectory, [], corpus.Diagnostics, new StageClock());
}
