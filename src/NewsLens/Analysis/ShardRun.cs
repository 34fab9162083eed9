using Parquet;

namespace NewsLens;

/// <summary>
/// The shards of one run found in an analysis folder, checked before their tables are merged (<c>newslens statements</c>):
/// whether every shard of the run is there, output left by a run with another number of shards, what the shards read
/// together, how evenly the work fell, and article ids that more than one article got.
/// </summary>
/// <param name="Count">N, the number of shards of the run (that of its most recently started manifest).</param>
/// <param name="Manifests">The run's manifests, by shard.</param>
/// <param name="Missing">Shards of the run with no manifest: not run, failed, or still running.</param>
/// <param name="OtherRuns">Manifests and table files of a run with another number of shards: their rows would be read twice.</param>
/// <param name="DuplicateIds">Up to 20 article ids held by more than one article (two files giving a record the same own id).</param>
/// <param name="DuplicateIdCount">All such ids.</param>
public sealed record ShardRun(
    int Count, IReadOnlyList<AnalysisManifest> Manifests, IReadOnlyList<int> Missing, IReadOnlyList<string> OtherRuns,
    IReadOnlyList<string> DuplicateIds, int DuplicateIdCount)
{
    /// <summary>Every shard of the run is there, and nothing of another run.</summary>
    public bool Complete => Missing.Count == 0 && OtherRuns.Count == 0;

    /// <summary>Bytes the shards read and scanned over the corpus size: 1 when every byte was touched once.</summary>
    public double ReadRatio => (double)Manifests.Sum(m => m.BytesRead + m.BytesScanned) / Math.Max(1, Manifests.Select(m => m.CorpusBytes).DefaultIfEmpty().Max());

    /// <summary>The slowest shard's wall time over the mean: how long the job waited for its last shard.</summary>
    public double Balance => Manifests.Count == 0 ? 1 : Manifests.Max(m => m.Timings.WallSeconds) / Math.Max(1e-9, Manifests.Average(m => m.Timings.WallSeconds));

    /// <summary>Reads the manifests (<c>manifest.json</c>, <c>manifest-I-of-N.json</c>) and the article ids of an analysis folder.</summary>
    /// <returns>Null when the folder has no manifest.</returns>
    public static ShardRun? Of(string folder)
    {
        var manifests = Directory.EnumerateFiles(folder, "manifest*.json")
            .Select(path => (Path: path, Manifest: AnalysisManifest.Load(path)))
            .ToArray();
        if (manifests.Length == 0)
            return null;
        var count = Shard.Parse(manifests.MaxBy(m => m.Manifest.Started).Manifest.Shard).Count;
        var run = manifests.Where(m => Shard.Parse(m.Manifest.Shard).Count == count).Select(m => m.Manifest)
            .OrderBy(m => Shard.Parse(m.Shard).Index).ToArray();
        var present = run.Select(m => Shard.Parse(m.Shard).Index).ToHashSet();
        var missing = Enumerable.Range(1, count).Where(i => !present.Contains(i)).ToArray();
        var suffix = $"-of-{count}.";
        var others = manifests.Where(m => Shard.Parse(m.Manifest.Shard).Count != count).Select(m => Path.GetFileName(m.Path))
            .Concat(TableFiles(folder).Where(f => !Path.GetFileName(f).Contains(suffix, StringComparison.Ordinal)).Select(f => Path.GetRelativePath(folder, f)))
            .Order(StringComparer.Ordinal).ToArray();
        var (duplicates, duplicateCount) = DuplicateArticleIds(folder);
        return new ShardRun(count, run, missing, others, duplicates, duplicateCount);
    }

    // The shards' table files (part-I-of-N.parquet|csv); the statements table is the merge's own.
    private static IEnumerable<string> TableFiles(string folder) => AnalysisTables.Names
        .Select(table => Path.Combine(folder, table))
        .Where(Directory.Exists)
        .SelectMany(directory => Directory.EnumerateFiles(directory, "part-*", SearchOption.AllDirectories));

    private static (IReadOnlyList<string> Examples, int Count) DuplicateArticleIds(string folder)
    {
        var articles = Path.Combine(folder, "articles");
        if (!Directory.Exists(articles))
            return ([], 0);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(articles, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var id in ReadIds(file).GetAwaiter().GetResult())
            {
                if (id is not null && !seen.Add(id))
                    duplicates.Add(id);
            }
        }

        return (duplicates.Take(20).ToArray(), duplicates.Count);
    }

    private static async Task<List<string?>> ReadIds(string file)
    {
        var ids = new List<string?>();
        await using var reader = await ParquetReader.CreateAsync(file).ConfigureAwait(false);
        var field = reader.Schema.DataFields.FirstOrDefault(f => f.Name == "id");
        if (field is null)
            return ids;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var values = new string?[(int)group.RowCount];
            await group.ReadAsync(field, values.AsMemory()).ConfigureAwait(false);
            ids.AddRange(values);
        }

        return ids;
    }
}
