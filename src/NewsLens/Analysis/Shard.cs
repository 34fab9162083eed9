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
