using System.Globalization;
using System.Text;

namespace NewsLens;

/// <summary>One slice of a corpus, 1-based: shard <see cref="Index"/> of <see cref="Count"/>.</summary>
/// <remarks>
/// N machines each run one shard; the union of the N outputs is the unsharded output. Articles are assigned
/// by a stable hash (FNV-1a, 64 bit) of their id, so the split does not depend on the order of the inputs,
/// the machine or the .NET version (<see cref="string.GetHashCode()"/> is randomised per process).
/// </remarks>
public readonly record struct Shard
{
    public Shard(int index, int count)
    {
        if (count < 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, "shard count must be at least 1");
        if (index < 1 || index > count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"shard index must be between 1 and {count}");
        Index = index;
        Count = count;
    }

    public int Index { get; }

    public int Count { get; }

    /// <summary>The whole corpus (shard 1 of 1).</summary>
    public static Shard All { get; } = new(1, 1);

    public bool IsAll => Count == 1;

    /// <summary>Parses "I/N" (e.g. "2/8").</summary>
    public static Shard Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash > 0
            && int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
            return new Shard(index, count);
        throw new FormatException($"'{text}' is not a shard: expected I/N with 1 <= I <= N, e.g. 1/4");
    }

    /// <summary>
    /// The shard a batch scheduler assigned to this process, from its environment: a Kubernetes Indexed Job
    /// (<c>JOB_COMPLETION_INDEX</c>, 0-based, with <c>JOB_COMPLETIONS</c>, which the Job spec sets to its completions)
    /// or a Slurm job array (<c>SLURM_ARRAY_TASK_ID</c> counted from <c>SLURM_ARRAY_TASK_MIN</c> in steps of
    /// <c>SLURM_ARRAY_TASK_STEP</c>, of <c>SLURM_ARRAY_TASK_COUNT</c>, so arrays 0-7 and 1-8 both give shards 1..8).
    /// </summary>
    /// <param name="variable">Reads a variable (default: <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <exception cref="FormatException">No scheduler's variables are set, or they are incomplete or inconsistent; the message says which.</exception>
    public static Shard FromEnvironment(Func<string, string?>? variable = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        string? Get(string name) => variable(name) is { Length: > 0 } value ? value.Trim() : null;
        int Number(string name)
        {
            var text = Get(name) ?? throw new FormatException($"--shard auto: {name} is not set");
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new FormatException($"--shard auto: {name}='{text}' is not a whole number");
        }

        var kubernetes = Get("JOB_COMPLETION_INDEX") is not null;
        var slurm = Get("SLURM_ARRAY_TASK_ID") is not null;
        if (kubernetes && slurm)
            throw new FormatException("--shard auto: both JOB_COMPLETION_INDEX (Kubernetes) and SLURM_ARRAY_TASK_ID (Slurm) are set; give --shard I/N");
        int index, count;
        string source;
        if (kubernetes)
        {
            index = Number("JOB_COMPLETION_INDEX") + 1;
            count = Get("JOB_COMPLETIONS") is null
                ? throw new FormatException("--shard auto: JOB_COMPLETION_INDEX is set but JOB_COMPLETIONS is not; set it in the Job's env to spec.completions")
                : Number("JOB_COMPLETIONS");
            source = $"JOB_COMPLETION_INDEX={index - 1} of JOB_COMPLETIONS={count}";
        }
        else if (slurm)
        {
            var id = Number("SLURM_ARRAY_TASK_ID");
            var min = Get("SLURM_ARRAY_TASK_MIN") is null ? throw new FormatException("--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MIN is not") : Number("SLURM_ARRAY_TASK_MIN");
            var step = Get("SLURM_ARRAY_TASK_STEP") is null ? 1 : Number("SLURM_ARRAY_TASK_STEP");
            count = Number("SLURM_ARRAY_TASK_COUNT");
            if (step < 1 || (id - min) % step != 0)
                throw new FormatException($"--shard auto: SLURM_ARRAY_TASK_ID={id} is not on the array's range from {min} in steps of {step}");
            index = (id - min) / step + 1;
            source = $"SLURM_ARRAY_TASK_ID={id} (from {min}, step {step}) of SLURM_ARRAY_TASK_COUNT={count}";
        }
        else
        {
            throw new FormatException("--shard auto: neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor SLURM_ARRAY_TASK_ID (Slurm array) is set; give --shard I/N");
        }

        if (count < 1 || index < 1 || index > count)
            throw new FormatException($"--shard auto: {source} is not a shard: the array must be one range without gaps (e.g. --array=0-7 or 1-8)");
        return new Shard(index, count);
    }

    /// <summary>Whether the item with this stable key (an article id) belongs to this shard.</summary>
    public bool Contains(string key) => IsAll || (int)(StableHash(key) % (ulong)Count) == Index - 1;

    public override string ToString() => $"{Index}/{Count}";

    /// <summary>FNV-1a 64 over the UTF-8 bytes: the same on every machine and run.</summary>
    internal static ulong StableHash(string key)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(key.Length) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(key, buffer)]
            : Encoding.UTF8.GetBytes(key);
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
