using NewsLens.Cli;
using Xunit.Abstractions;

namespace NewsLens.Tests.Analysis;

/// <summary>The check before merging a sharded run (<c>newslens statements OUT/</c>): all shards, one run, duplicate ids named.</summary>
public class ShardRunTests(ITestOutputHelper output)
{
    [Fact]
    public void TheMergeStepChecksThatEveryShardOfOneRunIsThereAndNamesDuplicateIds()
    {
        var corpus = ShardedCorpus.Write(feedRecords: 120);
        // The same own id in two files: shards cannot rename it, the check names it.
        File.WriteAllText(Path.Combine(corpus, "b-copy.jsonl"), ShardedCorpus.Record(5000, withId: true) + "\n");
        File.WriteAllText(Path.Combine(corpus, "f-copy.jsonl"), ShardedCorpus.Record(5000, withId: true) + "\n");
        var folder = AnalysisOutput.TempDirectory();
        foreach (var i in new[] { 1, 3 })
            new Pipeline(new AnalysisOptions { Shard = new Shard(i, 3), Threads = 1, MinSplitBytes = 1 }).Run([corpus], folder);

        var partial = ShardRun.Of(folder)!;
        Assert.Equal(3, partial.Count);
        Assert.Equal([2], partial.Missing);
        Assert.False(partial.Complete);
        Assert.Equal(1, Statements(folder)); // a partial run is not merged

        new Pipeline(new AnalysisOptions { Shard = new Shard(2, 3), Threads = 1, MinSplitBytes = 1 }).Run([corpus], folder);
        var run = ShardRun.Of(folder)!;
        output.WriteLine($"{run.Manifests.Count} of {run.Count}: read {run.ReadRatio:0.000}, balance {run.Balance:0.00}, duplicates {string.Join(", ", run.DuplicateIds)}");
        Assert.True(run.Complete);
        Assert.True(run.ReadRatio >= 1.0, "every byte read (small files: each range also reads its file's first 64 KiB)");
        Assert.Equal(["story-5000"], run.DuplicateIds);
        Assert.Equal(0, Statements(folder));

        // A re-run of shard 2 that dies half-way leaves it without a manifest: reported missing, not merged as complete.
        using (var cancelled = new CancellationTokenSource())
        {
            cancelled.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() =>
                new Pipeline(new AnalysisOptions { Shard = new Shard(2, 3), Threads = 1, MinSplitBytes = 1 }).Run([corpus], folder, cancelled.Token));
        }

        Assert.Equal([2], ShardRun.Of(folder)!.Missing);
        Assert.Equal(1, Statements(folder));

        // The same folder used again with 2 shards: the 3-shard run's files would be read twice.
        foreach (var i in new[] { 1, 2 })
            new Pipeline(new AnalysisOptions { Shard = new Shard(i, 2), Threads = 1, MinSplitBytes = 1 }).Run([corpus], folder);
        var mixed = ShardRun.Of(folder)!;
        Assert.Equal(2, mixed.Count);
        Assert.Contains("manifest-3-of-3.json", mixed.OtherRuns);
        Assert.Contains(mixed.OtherRuns, f => f.StartsWith("articles", StringComparison.Ordinal) && f.EndsWith("part-1-of-3.parquet", StringComparison.Ordinal));
        Assert.Equal(1, Statements(folder));
    }

    private static int Statements(string folder) => Program.BuildRoot().Parse(["statements", folder]).Invoke();
}
