namespace NewsLens;

/// <summary>Settings for <see cref="Pipeline"/>: threads, shard, stages, output format and progress.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Worker threads running the per-article stages (reading and writing run beside them).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The slice of the corpus to analyse; the default is all of it.</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>How a <see cref="Shard"/> is cut from the inputs: by input splits (each shard reads only its bytes), or by article id.</summary>
    public ShardBy ShardBy { get; init; } = ShardBy.Input;

    /// <summary>A JSON Lines file is cut inside only where both pieces hold at least this many bytes (else it goes whole to one shard).</summary>
    public long MinSplitBytes { get; init; } = 1L << 20;

    public AnalysisStages Stages { get; init; } = AnalysisStages.All;

    public AnalysisFormat Format { get; init; } = AnalysisFormat.Parquet;

    /// <summary>How inputs are loaded (metadata sidecar, column mapping, page rules) when the pipeline reads files itself.</summary>
    public LoadOptions? Load { get; init; }

    /// <summary>The actor catalog for mentions (and quote speakers); <see cref="ActorCatalog.Default"/> when null.</summary>
    public ActorCatalog? Catalog { get; init; }

    /// <summary>Quotation settings (cue verbs, word lists); its actor recognizer is replaced by the pipeline's (same catalog as the mentions).</summary>
    public QuoteOptions? Quotes { get; init; }

    /// <summary>The sentiment analyzer; <see cref="NewsLens.Vader.Default"/> when null.</summary>
    public Vader? Vader { get; init; }

    /// <summary>Statement linking thresholds (default: <see cref="StatementOptions.Default"/>).</summary>
    public StatementOptions? Statements { get; init; }

    /// <summary>Receives <see cref="AnalysisProgress"/> about every <see cref="ProgressInterval"/> and once at the end.</summary>
    public IProgress<AnalysisProgress>? Progress { get; init; }

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Rows buffered before writing (all tables and partitions together), in approximate bytes; bounds memory.</summary>
    public long BufferBytes { get; init; } = 32L << 20;

    /// <summary>Most output files held open at once (a corpus spanning decades has many month partitions).</summary>
    public int MaxOpenFiles { get; init; } = 64;

    /// <summary>Articles travel to the workers in batches of about this many characters (fewer hand-offs).</summary>
    internal long BatchCharacters { get; init; } = 256 * 1024;

    internal int Workers => Math.Max(1, Threads);
}

/// <summary>How a shard's articles are chosen (see <see cref="AnalysisOptions.ShardBy"/>).</summary>
public enum ShardBy
{
    /// <summary>Shard I reads only its share of the input bytes (whole files, or line-aligned byte ranges of JSON Lines):
    /// the N shards read the corpus once together. Duplicate ids are kept, not renamed.</summary>
    Input,

    /// <summary>Every shard reads every input and keeps the articles whose id hashes (FNV-1a) to it: N times the
    /// reading, but duplicate ids are renamed ("id~2") exactly as in an unsharded run.</summary>
    ArticleId,
}

/// <summary>The per-article stages to run (segmentation always runs, in the loader).</summary>
[Flags]
public enum AnalysisStages
{
    None = 0,
    Actors = 1,
    Quotes = 2,
    Sentiment = 4,
    Cooccurrence = 8,
    All = Actors | Quotes | Sentiment | Cooccurrence,
}

/// <summary>File format of the analysis tables.</summary>
public enum AnalysisFormat
{
    Parquet,
    Csv,
}

/// <summary>A snapshot of a running analysis.</summary>
public sealed record AnalysisProgress(long Articles, long Characters, TimeSpan Elapsed, bool Completed)
{
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Articles / Elapsed.TotalSeconds : 0;
}
