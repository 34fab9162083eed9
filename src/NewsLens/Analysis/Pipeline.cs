using System.Diagnostics;

namespace NewsLens;

/// <summary>Streams articles through the analysis stages on several threads and writes the result tables.</summary>
/// <remarks>
/// Each stage is a function of one article (actors, quotes, sentiment, co-occurrence pairs), so articles are
/// analysed independently in parallel; results come back in input order, so every output is the same whatever
/// the number of threads. Co-occurrence counts are summed across articles as they stream past.
/// <code>
/// var manifest = new Pipeline(new AnalysisOptions { Threads = 2 }).Run(["corpus/"], "out/");
/// </code>
/// </remarks>
public sealed class Pipeline
{
    private readonly ActorRecognizer recognizer;
    private readonly QuoteOptions quoteOptions;
    private readonly Vader vader;

    public Pipeline(AnalysisOptions? options = null)
    {
        Options = options ?? new AnalysisOptions();
        recognizer = new ActorRecognizer(Options.Catalog);
        quoteOptions = (Options.Quotes ?? QuoteOptions.Default) with { Actors = recognizer };
        vader = Options.Vader ?? Vader.Default;
    }

    public AnalysisOptions Options { get; }

    /// <summary>Runs every enabled stage on one article.</summary>
    public ArticleAnalysis Analyze(Article article) => Analyze(article, null, StageMark.Now);

    /// <summary>Analyses a stream of articles (this pipeline's shard of it) in parallel; results in input order.</summary>
    public IEnumerable<ArticleAnalysis> Analyze(IEnumerable<Article> articles, CancellationToken cancellationToken = default) =>
        Analyze(articles.Select(PendingArticle.Of), null, cancellationToken);

    /// <summary>Loads the inputs (files, folders), analyses them and writes the tables and manifest under <paramref name="outputDirectory"/>.</summary>
    /// <remarks>
    /// With a <see cref="AnalysisOptions.Shard"/> other than all, this run reads only its shard's input splits (see
    /// <see cref="ShardBy.Input"/>), or every input keeping the articles whose id hashes to it (<see cref="ShardBy.ArticleId"/>).
    /// </remarks>
    public AnalysisManifest Run(IEnumerable<string> inputs, string outputDirectory, CancellationToken cancellationToken = default)
    {
        var paths = inputs.ToArray();
        var diagnostics = new List<Diagnostic>();
        var load = Options.Load ?? new LoadOptions();
        var forward = load.OnDiagnostic;
        var loader = new CorpusLoader(load with
        {
            OnDiagnostic = d =>
            {
                lock (diagnostics)
                    diagnostics.Add(d); // called on the reader thread; read after the run
                forward?.Invoke(d);
            },
        });
        var splitting = SplitsInputs;
        var articles = splitting ? loader.Pending(paths, Options.Shard, Options.MinSplitBytes) : loader.Pending(paths);
        return Run(articles, outputDirectory, AnalysisManifest.DescribeInputs(paths), diagnostics, loader, cancellationToken);
    }

    /// <summary>Analyses a stream of articles and writes the tables and manifest under <paramref name="outputDirectory"/>.</summary>
    public AnalysisManifest Run(IEnumerable<Article> articles, string outputDirectory, CancellationToken cancellationToken = default) =>
        Run(articles.Select(PendingArticle.Of), outputDirectory, [], [], null, cancellationToken);

    // Whether this run reads only its own input splits rather than every input.
    private bool SplitsInputs => !Options.Shard.IsAll && Options.ShardBy == ShardBy.Input;

    internal AnalysisManifest Run(
        IEnumerable<PendingArticle> articles, string outputDirectory, IReadOnlyList<InputFile> inputs, IReadOnlyList<Diagnostic> diagnostics,
        CorpusLoader? loader, CancellationToken cancellationToken)
    {
        var clock = new StageClock();
        var read = new ReadCounter();
        var analyses = Analyze(Count(articles, read, clock), clock, cancellationToken, byId: loader is null || !SplitsInputs);
        return Write(analyses, outputDirectory, inputs, diagnostics, clock, () => read.Count, loader);
    }

    /// <summary>Writes analyses (in their order) as tables plus manifest; the one writing path for streams and in-memory results.</summary>
    internal AnalysisManifest Write(
        IEnumerable<ArticleAnalysis> analyses, string outputDirectory, IReadOnlyList<InputFile> inputs, IReadOnlyList<Diagnostic> diagnostics,
        StageClock clock, Func<long>? articlesRead = null, CorpusLoader? loader = null)
    {
        var started = DateTimeOffset.UtcNow;
        var wall = Stopwatch.StartNew();
        Directory.CreateDirectory(outputDirectory);
        var writer = new AnalysisWriter(outputDirectory, Options);
        long analysed = 0, characters = 0;
        var nextReport = Options.ProgressInterval;
        foreach (var analysis in analyses)
        {
            var start = StageMark.Now;
            writer.Add(analysis);
            clock.Add(Stage.Write, start);
            analysed++;
            characters += analysis.Article.Text.Length;
            if (Options.Progress is { } progress && wall.Elapsed >= nextReport)
            {
                progress.Report(new AnalysisProgress(analysed, characters, wall.Elapsed, false));
                nextReport = wall.Elapsed + Options.ProgressInterval;
            }
        }

        var writeStart = StageMark.Now;
        var tables = writer.Complete();
        clock.Add(Stage.Write, writeStart);
        tables = LinkStatements(outputDirectory, tables, clock);
        wall.Stop();
        Options.Progress?.Report(new AnalysisProgress(analysed, characters, wall.Elapsed, true));
        var read = articlesRead?.Invoke() ?? analysed;
        var reading = loader is null ? null : new InputReading(loader.CorpusBytes, loader.Bytes.Read, loader.Bytes.Scanned, loader.Splits.ToArray(), loader.Unmatched.ToArray());
        var manifest = AnalysisManifest.Create(Options, started, inputs, read, analysed, characters, tables, diagnostics, clock, wall.Elapsed, reading);
        manifest.Save(outputDirectory);
        return manifest;
    }

    // Statements link quotes across the whole corpus, so they are computed once every quote is written: here for an
    // unsharded Parquet run, by `newslens statements OUT/` (StatementTables.Link) after the last shard otherwise.
    private IReadOnlyList<TableSummary> LinkStatements(string outputDirectory, IReadOnlyList<TableSummary> tables, StageClock clock)
    {
        if (!Options.Shard.IsAll || Options.Format != AnalysisFormat.Parquet || (Options.Stages & AnalysisStages.Quotes) == 0)
            return tables;
        var start = StageMark.Now;
        var summary = StatementTables.Link(outputDirectory, Options.Statements);
        clock.Add(Stage.Statements, start);
        return [.. tables, new TableSummary("statements", summary.Statements, [])];
    }

    internal IEnumerable<ArticleAnalysis> Analyze(IEnumerable<PendingArticle> articles, StageClock? clock, CancellationToken cancellationToken, bool byId = true)
    {
        // Articles of an input split are this shard's already; otherwise the shard is the slice of ids hashing to it.
        var shard = Options.Shard;
        var slice = shard.IsAll || !byId ? articles : articles.Where(a => shard.Contains(a.Id));
        return OrderedParallel.Map(slice, a => Analyze(a, clock), Options.Workers, a => a.Characters + 256, Options.BatchCharacters,
            cancellationToken: cancellationToken);
    }

    private ArticleAnalysis Analyze(PendingArticle pending, StageClock? clock)
    {
        // Building the article (segmentation) is loading work, done here on a worker rather than on the reading thread.
        var mark = StageMark.Now;
        var article = pending.Build();
        mark = Lap(clock, Stage.Load, mark);
        return Analyze(article, clock, mark);
    }

    private ArticleAnalysis Analyze(Article article, StageClock? clock, StageMark mark)
    {
        var stages = Options.Stages;
        IReadOnlyList<Mention> mentions = [];
        IReadOnlyList<Quote> quotes = [];
        IReadOnlyList<SentenceSentiment> sentiment = [];
        IReadOnlyList<ActorPairCount> pairs = [];
        if ((stages & (AnalysisStages.Actors | AnalysisStages.Quotes | AnalysisStages.Cooccurrence)) != 0)
        {
            // Quotes and co-occurrence build on the mentions: recognised once, shared.
            mentions = recognizer.Recognize(article);
            mark = Lap(clock, Stage.Actors, mark);
        }

        if ((stages & AnalysisStages.Quotes) != 0)
        {
            quotes = QuoteExtractor.Extract(article, mentions, quoteOptions);
            mark = Lap(clock, Stage.Quotes, mark);
        }

        if ((stages & AnalysisStages.Sentiment) != 0)
        {
            sentiment = ScoreSentences(article);
            mark = Lap(clock, Stage.Sentiment, mark);
        }

        if ((stages & AnalysisStages.Cooccurrence) != 0)
        {
            pairs = ActorPairAccumulator.PairsOf(mentions);
            Lap(clock, Stage.Cooccurrence, mark);
        }

        return new ArticleAnalysis(article)
        {
            Mentions = (stages & AnalysisStages.Actors) != 0 ? mentions : [], // computed for other stages, not asked for
            Quotes = quotes,
            Sentiment = sentiment,
            Cooccurrence = pairs,
        };
    }

    private SentenceSentiment[] ScoreSentences(Article article)
    {
        var scores = new SentenceSentiment[article.Sentences.Count];
        for (var s = 0; s < scores.Length; s++)
        {
            var sentence = article.Sentences[s];
            scores[s] = new SentenceSentiment(article.Id, article.File, s, sentence.Start, sentence.End,
                vader.Score(article.Text.AsSpan(sentence.Start, sentence.Length)));
        }

        return scores;
    }

    private static StageMark Lap(StageClock? clock, Stage stage, StageMark start) => clock is null ? start : clock.Add(stage, start);

    private static IEnumerable<PendingArticle> Count(IEnumerable<PendingArticle> articles, ReadCounter counter, StageClock clock)
    {
        using var e = articles.GetEnumerator();
        while (true)
        {
            var start = StageMark.Now;
            var more = e.MoveNext();
            clock.Add(Stage.Load, start);
            if (!more)
                yield break;
            counter.Count++;
            yield return e.Current;
        }
    }

    private sealed class ReadCounter
    {
        public long Count;
    }
}

/// <summary>The measured parts of a run.</summary>
internal enum Stage
{
    Load,
    Actors,
    Quotes,
    Sentiment,
    Cooccurrence,
    Write,
    Statements,
}

/// <summary>Where a stage began: a timestamp and the bytes this thread had allocated.</summary>
internal readonly record struct StageMark(long Timestamp, long Allocated)
{
    public static StageMark Now => new(Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());
}

/// <summary>Time and allocations per stage, summed over threads (so stage times may add up to more than the wall time).</summary>
/// <remarks>Allocations count the stage's own thread; Parquet encoding runs on pool threads and is not in "write".</remarks>
internal sealed class StageClock
{
    private readonly long[] ticks = new long[Enum.GetValues<Stage>().Length];
    private readonly long[] bytes = new long[Enum.GetValues<Stage>().Length];

    /// <summary>Adds the time and allocations since <paramref name="start"/>; returns now, the start of the next stage.</summary>
    public StageMark Add(Stage stage, StageMark start)
    {
        var now = StageMark.Now;
        Interlocked.Add(ref ticks[(int)stage], now.Timestamp - start.Timestamp);
        Interlocked.Add(ref bytes[(int)stage], now.Allocated - start.Allocated);
        return now;
    }

    public double SecondsOf(Stage stage) => (double)Interlocked.Read(ref ticks[(int)stage]) / Stopwatch.Frequency;

    public long AllocatedBytesOf(Stage stage) => Interlocked.Read(ref bytes[(int)stage]);

    public IReadOnlyDictionary<string, double> Seconds() => Enum.GetValues<Stage>().ToDictionary(
        s => s.ToString().ToLowerInvariant(), s => Math.Round(SecondsOf(s), 3));
}
