using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsLens;

/// <summary>What a run read, wrote and met: saved as <c>manifest.json</c> (or <c>manifest-I-of-N.json</c> for a shard) beside the tables.</summary>
public sealed record AnalysisManifest
{
    public const string Layout = "{table}/year={YYYY}/month={MM}/part-{I}-of-{N}.{ext} (undated: year=unknown/month=unknown)";

    public string Tool { get; init; } = "newslens";

    public required string Version { get; init; }

    public required DateTimeOffset Started { get; init; }

    public required string Format { get; init; }

    public string FileLayout { get; init; } = Layout;

    public required string Shard { get; init; }

    public required int Threads { get; init; }

    public required string Stages { get; init; }

    public required IReadOnlyList<InputFile> Inputs { get; init; }

    /// <summary>How the shard was cut from the inputs (<c>input</c> splits or <c>article_id</c> hashes).</summary>
    public string ShardBy { get; init; } = "input";

    /// <summary>Size of all the input files, every shard's (0 when the articles did not come from files).</summary>
    public long CorpusBytes { get; init; }

    /// <summary>Bytes this run read from the input files and parsed into articles.</summary>
    public long BytesRead { get; init; }

    /// <summary>
    /// Bytes only scanned, not parsed: the lines and records before a split that starts inside a file, counted only when
    /// the split meets a record without its own id (named by its number) or reports a line. Bytes touched all the same.
    /// </summary>
    public long BytesScanned { get; init; }

    /// <summary>
    /// Input paths that gave no file to read: no such file or folder, a glob that matched nothing, a folder without
    /// articles. Every shard lists them (each sees the whole file list); a batch job should fail on them.
    /// </summary>
    public IReadOnlyList<string> UnmatchedInputs { get; init; } = [];

    /// <summary>Whether there was nothing to read: an input that gave no file, or input files holding no bytes at all.</summary>
    [JsonIgnore]
    public bool InputMissing => UnmatchedInputs.Count > 0 || (CorpusBytes == 0 && Inputs.Count > 0);

    /// <summary>The input splits this run read: whole files, or byte ranges of JSON Lines files.</summary>
    public IReadOnlyList<InputSplit> Splits { get; init; } = [];

    /// <summary>Articles read from the inputs (all shards).</summary>
    public required long ArticlesRead { get; init; }

    /// <summary>Articles of this shard, analysed and written.</summary>
    public required long Articles { get; init; }

    public required long Characters { get; init; }

    public required IReadOnlyList<TableSummary> Tables { get; init; }

    /// <summary>The first <see cref="MaxDiagnostics"/> diagnostics met while loading (all of them are counted in <see cref="DiagnosticCount"/>).</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public required int DiagnosticCount { get; init; }

    /// <summary>Diagnostics that skipped a file or record (the rest are warnings about imperfect recovery).</summary>
    public required int SkippedCount { get; init; }

    public required IReadOnlyDictionary<string, string> Versions { get; init; }

    public required AnalysisTimings Timings { get; init; }

    /// <summary>Diagnostics kept in the manifest; a feed with millions of bad lines must not give a manifest of gigabytes.</summary>
    public const int MaxDiagnostics = 1000;

    public long Rows(string table) => Tables.FirstOrDefault(t => t.Name == table)?.Rows ?? 0;

    /// <summary>The manifest's file name for a shard.</summary>
    public static string FileName(Shard shard) => shard.IsAll ? "manifest.json" : $"manifest-{shard.Index}-of-{shard.Count}.json";

    public static AnalysisManifest Load(string path) =>
        JsonSerializer.Deserialize<AnalysisManifest>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty manifest");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    internal void Save(string directory) => File.WriteAllText(Path.Combine(directory, FileName(ParsedShard)), ToJson() + "\n");

    private Shard ParsedShard => NewsLens.Shard.Parse(Shard);

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static IReadOnlyList<InputFile> DescribeInputs(IEnumerable<string> paths) => paths.Select(path =>
    {
        long bytes = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
            : File.Exists(path) ? new FileInfo(path).Length : 0;
        return new InputFile(path, bytes);
    }).ToArray();

    internal static AnalysisManifest Create(
        AnalysisOptions options, DateTimeOffset started, IReadOnlyList<InputFile> inputs, long read, long analysed, long characters,
        IReadOnlyList<TableSummary> tables, IReadOnlyList<Diagnostic> diagnostics, StageClock clock, TimeSpan wall, InputReading? reading = null)
    {
        // Throughput over what this run read: its splits when it read only those, else the whole input.
        var inputBytes = reading is { BytesRead: > 0 } ? reading.BytesRead : inputs.Sum(i => i.Bytes);
        var seconds = Math.Max(wall.TotalSeconds, 1e-9);
        return new AnalysisManifest
        {
            Version = VersionOf(typeof(Article).Assembly),
            Started = started,
            Format = options.Format.ToString().ToLowerInvariant(),
            Shard = options.Shard.ToString(),
            Threads = options.Workers,
            Stages = options.Stages.ToString(),
            Inputs = inputs,
            ShardBy = options.Shard.IsAll ? "all" : options.ShardBy == NewsLens.ShardBy.Input ? "input" : "article_id",
            CorpusBytes = reading?.CorpusBytes ?? 0,
            BytesRead = reading?.BytesRead ?? 0,
            BytesScanned = reading?.BytesScanned ?? 0,
            Splits = reading?.Splits ?? [],
            UnmatchedInputs = reading?.Unmatched ?? [],
            ArticlesRead = read,
            Articles = analysed,
            Characters = characters,
            Tables = tables,
            Diagnostics = diagnostics.Take(MaxDiagnostics).ToArray(),
            DiagnosticCount = diagnostics.Count,
            SkippedCount = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Skipped),
            Versions = new Dictionary<string, string>
            {
                ["newslens"] = VersionOf(typeof(Article).Assembly),
                ["dotnet"] = Environment.Version.ToString(),
                ["parquet_net"] = VersionOf(typeof(Parquet.ParquetWriter).Assembly),
                ["actor_catalog"] = $"{(options.Catalog ?? ActorCatalog.Default).Actors.Count} actors",
                ["vader_lexicon"] = $"{(options.Vader ?? Vader.Default).Lexicon.Count} words",
            },
            Timings = new AnalysisTimings(
                Math.Round(wall.TotalSeconds, 3),
                Math.Round(read / seconds, 1),
                Math.Round(inputBytes / 1e6 / seconds, 2),
                clock.Seconds()),
        };
    }

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";
}

/// <summary>What a run read from its input files.</summary>
internal sealed record InputReading(long CorpusBytes, long BytesRead, long BytesScanned, IReadOnlyList<InputSplit> Splits, IReadOnlyList<string> Unmatched);

/// <summary>An input path and its size in bytes (a folder: all its files).</summary>
public sealed record InputFile(string Path, long Bytes);

/// <summary>Wall time, throughput over the inputs, and time per stage summed over threads.</summary>
public sealed record AnalysisTimings(double WallSeconds, double ArticlesPerSecond, double MegabytesPerSecond, IReadOnlyDictionary<string, double> StageSeconds);
