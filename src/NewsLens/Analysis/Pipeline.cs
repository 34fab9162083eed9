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
    private readonly Vader vader;

    public Pipeline(AnalysisOptions? options = null)
    {
        Options = options ?? new AnalysisOptions();
        recognizer = new ActorRecognizer(Options.Catalog);
        vader = Options.Vader ?? Vader.Default;
    }

    public AnalysisOptions Options { get; }

    /// <summary>Runs every enabled stage on one article.</summary>
    public ArticleAnalysis Analyze(Article article) => Analyze(article, null);

    /// <summary>Analyses a stream of articles (this pipeline's shard of it) in parallel; results in input order.</summary>
    public IEnumerable<ArticleAnalysis> Analyze(IEnumerable<Article> articles, CancellationToken cancellationToken = default) =>
        Analyze(articles, null, cancellationToken);

    /// <summary>Loads the inputs (files, folders), analyses them and writes the tables and manifest under <paramref name="outputDirectory"/>.</summary>
    public AnalysisManifest Run(IEnumerable<string> inputs, string outputDirectory, CancellationToken cancellationToken = default)
    {
        var paths = inputs.ToArray();
        var diagnostics = new List<Diagnostic>();
        var load = Options.Load ?? new LoadOptions();
        var forward = load.OnDiagnostic;
        var articles = Corpus.Stream(paths, load with
        {
            OnDiagnostic = d =>
            {
                lock (diagnostics)
                    diagnostics.Add(d); // called on the reader thread; read after the run
                forward?.Invoke(d);
            },
        });
        return Run(articles, outputDirectory, AnalysisManifest.DescribeInputs(paths), diagnostics, cancellationToken);
    }

    /// <summary>Analyses a stream of articles and writes the tables and manifest under <paramref name="outputDirectory"/>.</summary>
    public AnalysisManifest Run(IEnumerable<Article> articles, string outputDirectory, CancellationToken cancellationToken = default) =>
        Run(articles, outputDirectory, [], [], cancellationToken);

    internal AnalysisManifest Run(
        IEnumerable<Article> articles, string outputDirectory, IReadOnlyList<InputFile> inputs, IReadOnlyList<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var clock = new StageClock();
        var read = new ReadCounter();
        var analyses = Analyze(Count(articles, read, clock), clock, cancellationToken);
        return Write(analyses, outputDirectory, inputs, diagnostics, clock, () => read.Count);
    }

    /// <summary>Writes analyses (in their order) as tables plus manifest; the one writing path for streams and in-memory results.</summary>
    internal AnalysisManifest Write(
        IEnumerable<ArticleAnalysis> analyses, string outputDirectory, IReadOnlyList<InputFile> inputs, IReadOnlyList<Diagnostic> diagnostics,
        StageClock clock, Func<long>? articlesRead = null)
    {
        var started = DateTimeOffset.UtcNow;
        var wall = Stopwatch.StartNew();
        Directory.CreateDirectory(outputDirectory);
        var writer = new AnalysisWriter(outputDirectory, Options);
        long analysed = 0, characters = 0;
        var nextReport = Options.ProgressInterval;
        foreach (var analysis in analyses)
        {
            var start = Stopwatch.GetTimestamp();
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

        var writeStart = Stopwatch.GetTimestamp();
        var tables = writer.Complete();
        clock.Add(Stage.Write, writeStart);
        wall.Stop();
        Options.Progress?.Report(new AnalysisProgress(analysed, characters, wall.Elapsed, true));
        var read = articlesRead?.Invoke() ?? analysed;
        var manifest = AnalysisManifest.Create(Options, started, inputs, read, analysed, characters, tables, diagnostics, clock, wall.Elapsed);
        manifest.Save(outputDirectory);
        return manifest;
    }

    internal IEnumerable<ArticleAnalysis> Analyze(IEnumerable<Article> articles, StageClock? clock, CancellationToken cancellationToken)
    {
        var shard = Options.Shard;
        var slice = shard.IsAll ? articles : articles.Where(a => shard.Contains(a.Id));
        return OrderedParallel.Map(slice, a => Analyze(a, clock), Options.Workers, a => a.Text.Length + 256, Options.BatchCharacters,
            cancellationToken: cancellationToken);
    }

    private ArticleAnalysis Analyze(Article article, StageClock? clock)
    {
        var stages = Options.Stages;
        var analysis = new ArticleAnalysis(article);
        var start = Stopwatch.GetTimestamp();
        if ((stages & (AnalysisStages.Actors | AnalysisStages.Cooccurrence)) != 0)
        {
            analysis = analysis with { Mentions = recognizer.Recognize(article) };
            start = Lap(clock, Stage.Actors, start);
        }

        if ((stages & AnalysisStages.Sentiment) != 0)
        {
            analysis = analysis with { Sentiment = ScoreSentences(article) };
            start = Lap(clock, Stage.Sentiment, start);
        }

        if ((stages & AnalysisStages.Cooccurrence) != 0)
        {
            analysis = analysis with { Cooccurrence = ActorPairAccumulator.PairsOf(analysis.Mentions) };
            Lap(clock, Stage.Cooccurrence, start);
        }

        return analysis;
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

    private static long Lap(StageClock? clock, Stage stage, long start)
    {
        if (clock is null)
            return start;
        clock.Add(stage, start);
        return Stopwatch.GetTimestamp();
    }

    private static IEnumerable<Article> Count(IEnumerable<Article> articles, ReadCounter counter, StageClock clock)
    {
        using var e = articles.GetEnumerator();
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
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
}

/// <summary>Time spent per stage, summed over threads (so stage times may add up to more than the wall time).</summary>
internal sealed class StageClock
{
    private readonly long[] ticks = new long[Enum.GetValues<Stage>().Length];

    public void Add(Stage stage, long startTimestamp) =>
        Interlocked.Add(ref ticks[(int)stage], Stopwatch.GetTimestamp() - startTimestamp);

    public IReadOnlyDictionary<string, double> Seconds() => Enum.GetValues<Stage>().ToDictionary(
        s => s.ToString().ToLowerInvariant(),
        s => Math.Round((double)Interlocked.Read(ref ticks[(int)s]) / Stopwatch.Frequency, 3));
}
