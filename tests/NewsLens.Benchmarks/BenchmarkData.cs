using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NewsLens.Testing;

namespace NewsLens.Benchmarks;

/// <summary>Where the benchmarks' inputs are: the repository and ../shared (third-party corpora, never in the repository).</summary>
internal static class BenchmarkData
{
    public static string RepoRoot => RepositoryFolders.Root;

    /// <summary>$NEWSLENS_SHARED, else the shared folder beside the clone; null when neither exists.</summary>
    public static string? Shared => RepositoryFolders.Shared;

    /// <summary>A file under ../shared, or a clear error saying how to point the benchmarks at it.</summary>
    public static string SharedFile(params string[] parts)
    {
        var path = Path.Combine([Shared ?? Path.Combine(RepoRoot, "..", "shared"), .. parts]);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} not found: set NEWSLENS_SHARED to the folder holding {Path.Combine(parts)}");
    }

    public static string ReutersPath() => SharedFile("corpora", "reuters21578", "reuters21578.jsonl");

    /// <summary>The first <paramref name="stories"/> Reuters-21578 stories that have a body, segmented.</summary>
    public static Article[] ReutersArticles(int stories) =>
        File.ReadLines(ReutersPath())
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("text").ValueKind == JsonValueKind.String)
            .Take(stories)
            .Select(e => Article.FromText(e.GetProperty("text").GetString()!, e.GetProperty("id").GetString()!))
            .ToArray();
}

/// <summary>
/// A summary column of work per second: the work one operation does (bytes, quotes, mentions…) divided by the mean time.
/// The work is counted in the host process, which builds the summary; the measurements run in a child process.
/// </summary>
internal sealed class PerSecondColumn(string name, Func<BenchmarkCase, double> workPerOperation) : IColumn
{
    public string Id => nameof(PerSecondColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{name}: work of one operation divided by its mean time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { } stats
            ? (workPerOperation(benchmarkCase) / (stats.Mean / 1e9)).ToString("N1", CultureInfo.InvariantCulture)
            : "-";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
