using System.Globalization;
using Xunit.Abstractions;

namespace NewsLens.Tests.Analysis;

/// <summary>Shards that read only their input splits: together they give the unsharded output, reading the corpus once.</summary>
public class ShardedRunTests(ITestOutputHelper output)
{
    internal static readonly string[] Tables = ["articles", "sentences", "mentions", "quotes", "sentiment"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(64)] // more shards than files: most read a range of the one large file, some nothing
    public void UnionOfShardsEqualsTheUnshardedOutputRowForRow(int count)
    {
        var corpus = ShardedCorpus.Write();
        var whole = AnalysisOutput.TempDirectory();
        var unsharded = new Pipeline(new AnalysisOptions { Threads = 2 }).Run([corpus], whole);
        var sharded = AnalysisOutput.TempDirectory();
        var manifests = Enumerable.Range(1, count)
            .Select(i => new Pipeline(new AnalysisOptions { Shard = new Shard(i, count), Threads = 1, MinSplitBytes = 1 }).Run([corpus], sharded))
            .ToArray();

        AssertSameOutput(whole, sharded);
        Assert.Equal(unsharded.Articles, manifests.Sum(m => m.Articles));
        // The records each shard skipped, with their lines, are the unsharded run's.
        Assert.Equal(Skipped(unsharded), manifests.SelectMany(Skipped).Order(StringComparer.Ordinal));

        // Every byte of every file is in exactly one split.
        var files = Directory.GetFiles(corpus, "*", SearchOption.AllDirectories);
        foreach (var file in files)
        {
            var ranges = manifests.SelectMany(m => m.Splits).Where(s => s.File == Path.GetFullPath(file)).OrderBy(s => s.Start).ToArray();
            Assert.True(ranges.Length > 0, file);
            Assert.Equal(0, ranges[0].Start);
            Assert.Equal(new FileInfo(file).Length, ranges[^1].End);
            for (var r = 1; r < ranges.Length; r++)
                Assert.Equal(ranges[r - 1].End, ranges[r].Start);
            if (!file.EndsWith(".jsonl", StringComparison.Ordinal))
                Assert.True(ranges.Single().Whole, $"{file} is read whole");
        }

        var corpusBytes = files.Sum(f => new FileInfo(f).Length);
        var read = manifests.Sum(m => m.BytesRead);
        var scanned = manifests.Sum(m => m.BytesScanned);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} shards: {unsharded.Articles} articles; bytes read {read:N0} ({(double)read / corpusBytes:0.00}× the corpus), scanned to number records {scanned:N0}; " +
            $"articles per shard {string.Join(" ", manifests.Select(m => m.Articles))}"));
        Assert.All(manifests, m => Assert.Equal(corpusBytes, m.CorpusBytes));
        Assert.True(read >= corpusBytes, "every byte is read");
        // Beyond the corpus, a range reads only the head of its file (64 KiB, for the encoding) and the line crossing its start.
        Assert.True(read <= corpusBytes + manifests.Sum(m => m.Splits.Count(s => !s.Whole)) * (64 + 1) * 1024, $"{read} bytes read");
    }

    [Fact]
    public void EachShardReadsOnlyItsShareOfALargeFile()
    {
        var corpus = ShardedCorpus.Write(feedRecords: 2000);
        var sharded = AnalysisOutput.TempDirectory();
        var manifests = Enumerable.Range(1, 4)
            .Select(i => new Pipeline(new AnalysisOptions { Shard = new Shard(i, 4), Threads = 1, MinSplitBytes = 1 }).Run([corpus], sharded))
            .ToArray();
        var feed = new FileInfo(Path.Combine(corpus, "a-feed.jsonl")).Length;
        foreach (var manifest in manifests)
        {
            output.WriteLine($"shard {manifest.Shard}: {manifest.Articles} articles, {manifest.BytesRead:N0} bytes read, {manifest.BytesScanned:N0} scanned, splits " +
                string.Join(", ", manifest.Splits.Select(s => $"{Path.GetFileName(s.File)} {s.Start}-{s.End}")));
            Assert.InRange(manifest.BytesRead, 1, feed / 2); // a quarter of the corpus, give or take a file
            Assert.Equal(manifest.Articles, manifest.ArticlesRead);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void RecordsCarryingTheirOwnIdsAreReadOnceWithoutCountingWhatComesBefore(int count)
    {
        // Every record has its own id: no range needs the number of the records before it, so nothing is scanned.
        var corpus = Path.Combine(AnalysisOutput.TempDirectory(), "corpus");
        Directory.CreateDirectory(corpus);
        File.WriteAllLines(Path.Combine(corpus, "feed.jsonl"), Enumerable.Range(0, 600).Select(i => ShardedCorpus.Record(i, withId: true)));
        var whole = AnalysisOutput.TempDirectory();
        new Pipeline(new AnalysisOptions { Threads = 2 }).Run([corpus], whole);
        var sharded = AnalysisOutput.TempDirectory();
        var manifests = Enumerable.Range(1, count)
            .Select(i => new Pipeline(new AnalysisOptions { Shard = new Shard(i, count), Threads = 1, MinSplitBytes = 1 }).Run([corpus], sharded))
            .ToArray();
        AssertSameOutput(whole, sharded);

        var size = new FileInfo(Path.Combine(corpus, "feed.jsonl")).Length;
        var read = manifests.Sum(m => m.BytesRead);
        output.WriteLine($"{count} shards of {size:N0} bytes: read {read:N0} ({(double)read / size:0.000}×), scanned {manifests.Sum(m => m.BytesScanned):N0}");
        Assert.All(manifests, m => Assert.Equal(0, m.BytesScanned));
        Assert.All(manifests, m => Assert.NotEmpty(m.Splits));
        Assert.All(Articles(sharded), a => Assert.Equal("0", a.Index)); // named by its own id, not by its number
    }

    [Fact]
    public void ARangeCountsTheRecordsBeforeItOnlyWhenItMeetsARecordWithoutItsOwnId()
    {
        var corpus = Path.Combine(AnalysisOutput.TempDirectory(), "corpus");
        Directory.CreateDirectory(corpus);
        // Ids on every record but the last: only the shard holding it scans (the bytes before its range).
        File.WriteAllLines(Path.Combine(corpus, "feed.jsonl"), Enumerable.Range(0, 400).Select(i => ShardedCorpus.Record(i, withId: i < 399)));
        var whole = AnalysisOutput.TempDirectory();
        var unsharded = new Pipeline(new AnalysisOptions { Threads = 2 }).Run([corpus], whole);
        var sharded = AnalysisOutput.TempDirectory();
        var manifests = Enumerable.Range(1, 4)
            .Select(i => new Pipeline(new AnalysisOptions { Shard = new Shard(i, 4), Threads = 1, MinSplitBytes = 1 }).Run([corpus], sharded))
            .ToArray();
        AssertSameOutput(whole, sharded);
        Assert.Equal(0, manifests[..3].Sum(m => m.BytesScanned));
        Assert.Equal(manifests[3].Splits.Single().Start, manifests[3].BytesScanned, tolerance: 64 * 1024); // up to the line start after its offset
        Assert.Contains(("feed#400", "400"), Articles(sharded)); // the 400th record, counted from the top of the file
        Assert.Equal(400, unsharded.Articles);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void TwoInputsWithTheSameFileGiveUniqueIdsWhateverTheShards(int count)
    {
        // Two inputs each holding feed.jsonl, records without ids: both would name their records feed#1, feed#2, …
        var root = AnalysisOutput.TempDirectory();
        string[] inputs = [Path.Combine(root, "2023"), Path.Combine(root, "2024")];
        foreach (var (input, n) in inputs.Select((input, n) => (input, n)))
        {
            Directory.CreateDirectory(input);
            File.WriteAllLines(Path.Combine(input, "feed.jsonl"), Enumerable.Range(n * 100, 60).Select(i => ShardedCorpus.Record(i, withId: false)));
        }

        var whole = AnalysisOutput.TempDirectory();
        var unsharded = new Pipeline(new AnalysisOptions { Threads = 2 }).Run(inputs, whole);
        var sharded = AnalysisOutput.TempDirectory();
        var manifests = Enumerable.Range(1, count)
            .Select(i => new Pipeline(new AnalysisOptions { Shard = new Shard(i, count), Threads = 1, MinSplitBytes = 1 }).Run(inputs, sharded))
            .ToArray();
        AssertSameOutput(whole, sharded);
        var ids = Articles(sharded).Select(a => a.Id).ToArray();
        Assert.Equal(120, ids.Distinct().Count());
        Assert.Contains("feed#1", ids);
        Assert.Contains("feed#1~2", ids); // the second input's first record
        Assert.DoesNotContain(unsharded.Diagnostics.Concat(manifests.SelectMany(m => m.Diagnostics)), d => d.Message.Contains("duplicate", StringComparison.Ordinal));
    }

    [Fact]
    public void ShardingByArticleIdReadsEverythingAndRenamesDuplicatesAsUnsharded()
    {
        var corpus = ShardedCorpus.Write();
        // The same records again in another file: every id there is a duplicate.
        File.Copy(Path.Combine(corpus, "b-small.jsonl"), Path.Combine(corpus, "b-small-again.jsonl"));
        File.WriteAllText(Path.Combine(corpus, "b-twice.jsonl"), ShardedCorpus.Record(5000, withId: true) + "\n" + ShardedCorpus.Record(5000, withId: true) + "\n");
        var whole = AnalysisOutput.TempDirectory();
        new Pipeline(new AnalysisOptions { Threads = 2 }).Run([corpus], whole);

        var byId = AnalysisOutput.TempDirectory();
        var manifests = Enumerable.Range(1, 3)
            .Select(i => new Pipeline(new AnalysisOptions { Shard = new Shard(i, 3), ShardBy = ShardBy.ArticleId, Threads = 1 }).Run([corpus], byId))
            .ToArray();
        AssertSameOutput(whole, byId);
        Assert.All(manifests, m => Assert.Equal("article_id", m.ShardBy));

        // Input splits keep a duplicate id that lies in another split, and say so where a shard sees both.
        var byInput = AnalysisOutput.TempDirectory();
        var one = new Pipeline(new AnalysisOptions { Shard = new Shard(1, 1) }).Run([corpus], byInput);
        Assert.DoesNotContain(one.Diagnostics, d => d.Message.Contains("kept", StringComparison.Ordinal));
        var two = Enumerable.Range(1, 2)
            .Select(i => new Pipeline(new AnalysisOptions { Shard = new Shard(i, 2), MinSplitBytes = 1 }).Run([corpus], AnalysisOutput.TempDirectory()))
            .ToArray();
        Assert.Contains(two.SelectMany(m => m.Diagnostics), d => d.Message.StartsWith("duplicate id 'story-5000' kept", StringComparison.Ordinal));
    }

    [Fact]
    public void DuckDbReadsAFolderWrittenByEightShardsAsTheUnshardedOne()
    {
        var corpus = ShardedCorpus.Write();
        var whole = AnalysisOutput.TempDirectory();
        new Pipeline(new AnalysisOptions { Threads = 2 }).Run([corpus], whole);
        var sharded = AnalysisOutput.TempDirectory();
        for (var i = 1; i <= 8; i++)
            new Pipeline(new AnalysisOptions { Shard = new Shard(i, 8), Threads = 1, MinSplitBytes = 1 }).Run([corpus], sharded);
        Assert.Equal(8, Directory.GetFiles(sharded, "manifest-*-of-8.json").Length);
        Assert.True(AnalysisOutput.Files(sharded, "articles").Count(f => f.EndsWith("-of-8.parquet", StringComparison.Ordinal)) >= 8);

        // The README's query, on the Hive-partitioned files as DuckDB (the shell, Python, C#) reads them; averaged as
        // decimals, since a sum of doubles depends on the order the files are read in (0.371 or 0.372).
        const string Tone = """
            SELECT m.actor, m.year, m.month, count(*) AS sentences, round(avg(CAST(s.compound AS DECIMAL(18, 4))), 3) AS tone
            FROM read_parquet('{0}/mentions/*/*/*.parquet', hive_partitioning = true) m
            JOIN read_parquet('{0}/sentiment/*/*/*.parquet', hive_partitioning = true) s USING (article, sentence)
            GROUP BY ALL HAVING count(*) >= 5 ORDER BY m.actor, m.year, m.month
            """;
        const string Quoted = "SELECT a.outlet, a.year, q.speaker, count(*) AS quotes FROM quotes q JOIN articles a ON q.article = a.id " +
            "WHERE q.speaker IS NOT NULL GROUP BY ALL ORDER BY ALL";
        using var wholeDb = AnalysisDatabase.Open(whole);
        using var shardDb = AnalysisDatabase.Open(sharded);
        var expected = Rows(wholeDb.Query(string.Format(CultureInfo.InvariantCulture, Tone, whole)));
        var actual = Rows(shardDb.Query(string.Format(CultureInfo.InvariantCulture, Tone, sharded)));
        output.WriteLine($"tone by actor and month: {actual.Count} rows, e.g. {actual.FirstOrDefault()}");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.Equal(Rows(wholeDb.Query(Quoted)), Rows(shardDb.Query(Quoted)));
        Assert.Equal(0, shardDb.Scalar<long>("SELECT count(*) FROM (SELECT id FROM articles GROUP BY id HAVING count(*) > 1)"));
    }

    internal static void AssertSameOutput(string whole, string sharded)
    {
        // Statements link quotes across shards: computed once every shard is written (`newslens statements OUT/`).
        StatementTables.Link(sharded);
        foreach (var table in Tables)
        {
            var expected = AnalysisOutput.ReadRows(whole, table).Order(StringComparer.Ordinal).ToArray();
            var union = AnalysisOutput.ReadRows(sharded, table).Order(StringComparer.Ordinal).ToArray();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, union);
        }

        // Co-occurrence counts add up across shards.
        using var wholeDb = AnalysisDatabase.Open(whole);
        using var shardDb = AnalysisDatabase.Open(sharded);
        const string Summed = "SELECT year, month, \"window\", a, b, sum(count) AS n FROM cooccurrence GROUP BY ALL ORDER BY ALL";
        Assert.Equal(Rows(wholeDb.Query(Summed)), Rows(shardDb.Query(Summed)));
    }

    // (id, index) of every article: rows read as "partition|id|file|index|…".
    private static List<(string Id, string Index)> Articles(string root) =>
        [.. AnalysisOutput.ReadRows(root, "articles").Select(r => r.Split('|')).Select(v => (v[1], v[3]))];

    private static IEnumerable<string> Skipped(AnalysisManifest manifest) => manifest.Diagnostics
        .Where(d => d.Severity == DiagnosticSeverity.Skipped).Select(d => d.ToString()).Order(StringComparer.Ordinal);

    private static List<string> Rows(Microsoft.Data.Analysis.DataFrame frame)
    {
        var rows = new List<string>();
        for (long r = 0; r < frame.Rows.Count; r++)
            rows.Add(string.Join("|", frame.Columns.Select(c => Convert.ToString(c[r], CultureInfo.InvariantCulture))));
        return rows;
    }
}
