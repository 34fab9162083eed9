namespace NewsLens.Tests.Analysis;

public class PipelineTests
{
    private static readonly string[] WrittenTables = ["articles", "sentences", "mentions", "quotes", "cooccurrence", "sentiment"];

    [Fact]
    public void SeedsToParquetReadBackWithParquetAndDuckDbMatchInMemoryCounts()
    {
        var output = AnalysisOutput.TempDirectory();
        var manifest = new Pipeline(new AnalysisOptions { Threads = 2 }).Run([TestPaths.Seeds], output);

        var corpus = Corpus.Load(TestPaths.Seeds);
        var corpusArticles = corpus.Articles;
        var inMemory = corpus.Analyze(new AnalysisOptions { Threads = 1 });
        var expected = WrittenTables.ToDictionary(t => t, t => inMemory.ToDataFrame(t).Rows.Count);
        Assert.True(expected["articles"] >= 5);
        Assert.True(expected["sentences"] > expected["articles"]);
        // The pipeline's stages give what each capability gives on its own.
        Assert.Equal(corpus.Mentions().Count, expected["mentions"]);
        Assert.Equal(corpusArticles.Sentiment().Sentences.Count, expected["sentiment"]);
        Assert.Equal(corpus.Quotes().Count, expected["quotes"]);
        Assert.True(expected["mentions"] > 0 && expected["cooccurrence"] > 0);

        using var db = AnalysisDatabase.Open(output);
        foreach (var table in WrittenTables)
        {
            var parquetRows = AnalysisOutput.ReadRows(output, table).Count;
            var duckRows = db.Scalar<long>($"SELECT count(*) FROM {table}");
            Console.WriteLine($"{table}: in memory {expected[table]}, manifest {manifest.Rows(table)}, Parquet.Net {parquetRows}, DuckDB {duckRows}");
            if (table != "cooccurrence") // co-occurrence rows are per partition in the files, corpus-wide in memory
            {
                Assert.Equal(expected[table], parquetRows);
                Assert.Equal(expected[table], duckRows);
            }

            Assert.Equal(manifest.Rows(table), parquetRows);
        }

        Assert.Equal(inMemory.Articles.Sum(a => a.Article.Words), db.Scalar<long>("SELECT sum(words) FROM articles"));
        Assert.True(File.Exists(Path.Combine(output, "manifest.json")));
        var saved = AnalysisManifest.Load(Path.Combine(output, "manifest.json"));
        Assert.Equal(manifest.Articles, saved.Articles);
        Assert.Equal("1/1", saved.Shard);
    }

    [Fact]
    public void SentimentQuoteAndMentionRowsMatchTheStandaloneStages()
    {
        var output = AnalysisOutput.TempDirectory();
        var articles = InventedCorpus(50).ToArray();
        new Pipeline(new AnalysisOptions { Threads = 2 }).Run(articles, output);
        using var db = AnalysisDatabase.Open(output);

        var sentiment = articles.Sentiment().Sentences;
        var frame = db.Query("SELECT s.compound FROM sentiment s JOIN articles a ON s.article = a.id ORDER BY a.\"index\", s.sentence");
        Assert.Equal(sentiment.Select(s => s.Score.Compound), frame.Columns["compound"].Cast<double?>().Select(v => v!.Value));

        var quotes = new Corpus(articles).Quotes();
        var quoted = db.Query("SELECT q.speaker, q.quote FROM quotes q JOIN articles a ON q.article = a.id ORDER BY a.\"index\", q.start");
        Assert.NotEmpty(quotes);
        Assert.Equal(quotes.Select(q => q.Speaker), quoted.Columns["speaker"].Cast<string>());
        Assert.Equal(quotes.Select(q => q.Text), quoted.Columns["quote"].Cast<string>());

        var mentions = new Corpus(articles).Mentions();
        var actors = db.Query("SELECT m.actor FROM mentions m JOIN articles a ON m.article = a.id ORDER BY a.\"index\", m.start");
        Assert.Equal(mentions.Select(m => m.Actor), actors.Columns["actor"].Cast<string>());
    }

    [Fact]
    public void CooccurrenceCountsWindowsPerActorAndPair()
    {
        var text = "Emmanuel Macron called Vladimir Putin. Macron spoke later.\n\nOlaf Scholz agreed with Macron.";
        var analysis = new Pipeline().Analyze(Article.FromText(text, id: "x"));
        var actors = analysis.Mentions.Select(m => m.Actor).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(3, actors.Length);
        string Count(string window, string a, string b) =>
            analysis.Cooccurrence.SingleOrDefault(p => p.Window == window && p.A == a && p.B == b)?.Count.ToString() ?? "0";
        var macron = actors.Single(a => a.Contains("Macron"));
        var putin = actors.Single(a => a.Contains("Putin"));
        var scholz = actors.Single(a => a.Contains("Scholz"));
        Assert.Equal("3", Count("sentence", macron, macron)); // three sentences name Macron
        Assert.Equal("2", Count("paragraph", macron, macron));
        Assert.Equal("1", Count("article", macron, macron));
        Assert.Equal("1", Count("sentence", Min(macron, putin), Max(macron, putin)));
        Assert.Equal("0", Count("sentence", Min(putin, scholz), Max(putin, scholz)));
        Assert.Equal("1", Count("article", Min(putin, scholz), Max(putin, scholz)));
    }

    private static string Min(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string Max(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? b : a;

    [Fact]
    public void ArticlesArePartitionedByYearAndMonthOfPublication()
    {
        var output = AnalysisOutput.TempDirectory();
        new Pipeline().Run(InventedCorpus(40), output);

        var partitions = Directory.GetDirectories(Path.Combine(output, "articles"), "month=*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(Path.Combine(output, "articles"), d).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("year=2023/month=01", partitions);
        Assert.Contains("year=2024/month=12", partitions);
        Assert.Contains("year=unknown/month=unknown", partitions);

        using var db = AnalysisDatabase.Open(output);
        var undated = db.Scalar<long>("SELECT count(*) FROM articles WHERE year = 'unknown' AND published IS NULL");
        var dated = db.Scalar<long>("SELECT count(*) FROM articles WHERE year = CAST(year(published) AS VARCHAR) AND CAST(month AS INT) = month(published)");
        Assert.Equal(40, undated + dated);
        Assert.True(undated > 0);
    }

    [Fact]
    public void OutputIsByteIdenticalWithOneOrTwoThreads()
    {
        var one = AnalysisOutput.TempDirectory();
        var two = AnalysisOutput.TempDirectory();
        // Small batches and a small buffer: many hand-offs between threads and several row groups per file.
        new Pipeline(new AnalysisOptions { Threads = 1, BatchCharacters = 2000, BufferBytes = 64 * 1024 }).Run(InventedCorpus(400), one);
        new Pipeline(new AnalysisOptions { Threads = 2, BatchCharacters = 2000, BufferBytes = 64 * 1024 }).Run(InventedCorpus(400), two);

        var files = WrittenTables.SelectMany(t => AnalysisOutput.Files(one, t)).Select(f => Path.GetRelativePath(one, f)).ToArray();
        Assert.NotEmpty(files);
        Assert.Equal(files, WrittenTables.SelectMany(t => AnalysisOutput.Files(two, t)).Select(f => Path.GetRelativePath(two, f)));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(one, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(two, file))), file);
    }

    [Fact]
    public void ShardsTogetherEqualTheUnshardedOutput()
    {
        var whole = AnalysisOutput.TempDirectory();
        var sharded = AnalysisOutput.TempDirectory();
        new Pipeline(new AnalysisOptions { Threads = 2 }).Run(InventedCorpus(120), whole);
        var first = new Pipeline(new AnalysisOptions { Shard = Shard.Parse("1/2") }).Run(InventedCorpus(120), sharded);
        var second = new Pipeline(new AnalysisOptions { Shard = Shard.Parse("2/2") }).Run(InventedCorpus(120), sharded);
        StatementTables.Link(sharded); // statements span shards: linked once all are written

        Assert.Equal(120, first.ArticlesRead);
        Assert.Equal(120, first.Articles + second.Articles);
        Assert.InRange(first.Articles, 30, 90);
        Assert.True(File.Exists(Path.Combine(sharded, "manifest-1-of-2.json")));
        Assert.True(File.Exists(Path.Combine(sharded, "manifest-2-of-2.json")));
        foreach (var table in WrittenTables.Where(t => t != "cooccurrence"))
        {
            var expected = AnalysisOutput.ReadRows(whole, table).Order(StringComparer.Ordinal);
            var union = AnalysisOutput.ReadRows(sharded, table).Order(StringComparer.Ordinal);
            Assert.Equal(expected, union);
        }

        // Co-occurrence counts add up: the union grouped and summed equals the unsharded counts.
        using var wholeDb = AnalysisDatabase.Open(whole);
        using var shardDb = AnalysisDatabase.Open(sharded);
        const string Summed = "SELECT year, month, \"window\", a, b, sum(count) AS n FROM cooccurrence GROUP BY ALL ORDER BY ALL";
        Assert.Equal(Rows(wholeDb.Query(Summed)), Rows(shardDb.Query(Summed)));
    }

    [Fact]
    public void CsvOutputHasTheSameLayoutAndRows()
    {
        var parquet = AnalysisOutput.TempDirectory();
        var csv = AnalysisOutput.TempDirectory();
        new Pipeline().Run(InventedCorpus(60), parquet);
        var manifest = new Pipeline(new AnalysisOptions { Format = AnalysisFormat.Csv }).Run(InventedCorpus(60), csv);

        Assert.Equal("csv", manifest.Format);
        Assert.NotEmpty(AnalysisOutput.Files(csv, "sentences", ".csv"));
        using var fromParquet = AnalysisDatabase.Open(parquet);
        using var fromCsv = AnalysisDatabase.Open(csv);
        const string Query = "SELECT year, month, article, sentence, start, \"end\", text FROM sentences ORDER BY ALL";
        Assert.Equal(Rows(fromParquet.Query(Query)), Rows(fromCsv.Query(Query)));
    }

    [Fact]
    public void FilesReopenedInAppendModeKeepEveryRowGroup()
    {
        var roomy = AnalysisOutput.TempDirectory();
        var cramped = AnalysisOutput.TempDirectory();
        new Pipeline(new AnalysisOptions { BufferBytes = 32 * 1024 }).Run(InventedCorpus(300), roomy);
        new Pipeline(new AnalysisOptions { BufferBytes = 32 * 1024, MaxOpenFiles = 1 }).Run(InventedCorpus(300), cramped);
        foreach (var table in WrittenTables)
            Assert.Equal(AnalysisOutput.ReadRows(roomy, table), AnalysisOutput.ReadRows(cramped, table));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AFileThatCannotBeWrittenStopsTheRunWithItsPath(int threads)
    {
        // Row groups are written in the background with two threads: the failure must still reach the caller.
        var output = AnalysisOutput.TempDirectory();
        var blocked = Path.Combine(output, "sentences", Partition.Undated, "part-1-of-1.parquet");
        Directory.CreateDirectory(blocked);

        var error = Assert.ThrowsAny<IOException>(() => new Pipeline(new AnalysisOptions { Threads = threads, BufferBytes = 32 * 1024 })
            .Run(InventedCorpus(200), output));
        Assert.Contains("part-1-of-1.parquet", error.Message);
    }

    [Fact]
    public void RerunningAShardReplacesItsOwnFilesOnly()
    {
        var output = AnalysisOutput.TempDirectory();
        new Pipeline(new AnalysisOptions { Shard = Shard.Parse("1/2") }).Run(InventedCorpus(50), output);
        new Pipeline(new AnalysisOptions { Shard = Shard.Parse("2/2") }).Run(InventedCorpus(50), output);
        new Pipeline(new AnalysisOptions { Shard = Shard.Parse("2/2") }).Run(InventedCorpus(50), output);
        using var db = AnalysisDatabase.Open(output);
        Assert.Equal(50, db.Scalar<long>("SELECT count(*) FROM articles"));
    }

    [Fact]
    public void ProgressReportsArticlesAndEnds()
    {
        var reports = new List<AnalysisProgress>();
        var progress = new SynchronousProgress(reports.Add);
        new Pipeline(new AnalysisOptions { Progress = progress, ProgressInterval = TimeSpan.Zero }).Run(InventedCorpus(30), AnalysisOutput.TempDirectory());
        Assert.True(reports[^1].Completed);
        Assert.Equal(30, reports[^1].Articles);
        Assert.Equal(reports.Select(r => r.Articles).Order(), reports.Select(r => r.Articles));
    }

    /// <summary>Invented articles over two years plus undated ones, with ids like a loader's.</summary>
    internal static IEnumerable<Article> InventedCorpus(int count)
    {
        string[] people = ["Emmanuel Macron", "Vladimir Putin", "Olaf Scholz", "Volodymyr Zelensky", "Sergey Lavrov"];
        for (var i = 0; i < count; i++)
        {
            var a = people[i % people.Length];
            var b = people[(i * 7 + 3) % people.Length];
            var text = $"{a} met {b} on day {i}. \"We agreed on item {i}, a good and fair deal,\" {a} said.\n\n{b} disagreed. The talks in Paris lasted {i % 9 + 1} terrible hours.";
            DateOnly? published = i % 10 == 9 ? null : new DateOnly(2023 + i % 2, i % 12 + 1, i % 28 + 1);
            yield return Article.FromText(text, id: $"invented.jsonl#{i}", title: $"Story {i}", published: published) with
            {
                File = "invented.jsonl",
                Index = i,
            };
        }
    }

    private static List<string> Rows(Microsoft.Data.Analysis.DataFrame frame)
    {
        var rows = new List<string>();
        for (long r = 0; r < frame.Rows.Count; r++)
            rows.Add(string.Join("|", frame.Columns.Select(c => Convert.ToString(c[r], System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    private sealed class SynchronousProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }
}
