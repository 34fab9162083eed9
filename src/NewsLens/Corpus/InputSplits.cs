namespace NewsLens;

/// <summary>A piece of the input read by one shard: a whole file, or bytes [Start, End) of a JSON Lines file.</summary>
/// <remarks>
/// A byte range reads the lines that start inside it: it begins after the first newline at or after
/// <see cref="Start"/> (at the file's start when <see cref="Start"/> is 0) and ends with the line that crosses
/// <see cref="End"/>, so the ranges of a file give every line exactly once.
/// </remarks>
public sealed record InputSplit(string File, long Start, long End, bool Whole)
{
    public long Bytes => End - Start;
}

/// <summary>Cuts sorted input files into N contiguous shares of about equal bytes, one per shard (Hadoop-style input splits).</summary>
/// <remarks>
/// Shard I gets bytes [(I-1)·T/N, I·T/N) of the inputs laid end to end (T: their total size). A cut that falls inside
/// a JSON Lines file stays there (the file is read as byte ranges aligned to lines); a cut inside any other file moves
/// to the nearer end of that file, which is then read whole by one shard: a JSON array, an HTML or text page, and CSV,
/// whose quoted fields may hold newlines, so that no byte offset is known to start a row without reading from the top.
/// The plan depends only on the file list, sizes and N, so every shard computes the same plan on its own.
/// </remarks>
internal static class InputSplits
{
    /// <summary>The splits shard <paramref name="shard"/> reads, in input order.</summary>
    public static IReadOnlyList<(SourceFile File, InputSplit Split)> For(IReadOnlyList<SourceFile> files, Shard shard, long minSplitBytes)
    {
        var starts = new long[files.Count + 1];
        for (var f = 0; f < files.Count; f++)
            starts[f + 1] = starts[f] + files[f].Length;
        var total = starts[^1];
        var cuts = new long[shard.Count + 1];
        cuts[shard.Count] = total;
        for (var k = 1; k < shard.Count; k++)
            cuts[k] = Math.Max(cuts[k - 1], Place((long)((decimal)total * k / shard.Count), files, starts, minSplitBytes));

        long from = cuts[shard.Index - 1], to = cuts[shard.Index];
        var splits = new List<(SourceFile, InputSplit)>();
        for (var f = 0; f < files.Count; f++)
        {
            var file = files[f];
            if (file.Length == 0)
            {
                // An empty (or unreadable) file has no bytes to share out: the shard whose share holds its position reads it.
                if (OwnerOf(starts[f], cuts) == shard.Index)
                    splits.Add((file, new InputSplit(file.FullPath, 0, 0, true)));
                continue;
            }

            var start = Math.Max(from, starts[f]) - starts[f];
            var end = Math.Min(to, starts[f + 1]) - starts[f];
            if (start < end)
                splits.Add((file, new InputSplit(file.FullPath, start, end, start == 0 && end == file.Length)));
        }

        return splits;
    }

    /// <summary>Whether a file may be cut inside: line-based JSON, where any newline ends a record.</summary>
    public static bool Splittable(SourceFile file) => file.Format == SourceFormat.JsonLines;

    // Where a cut at global offset `at` lands: inside a splittable file when both pieces are big enough, else at the nearer file boundary.
    private static long Place(long at, IReadOnlyList<SourceFile> files, long[] starts, long minSplitBytes)
    {
        var f = Array.BinarySearch(starts, at);
        if (f >= 0)
            return at; // on a boundary already
        f = ~f - 1;
        var offset = at - starts[f];
        var length = files[f].Length;
        if (Splittable(files[f]) && offset >= minSplitBytes && length - offset >= minSplitBytes)
            return at;
        return offset * 2 < length ? starts[f] : starts[f + 1];
    }

    private static int OwnerOf(long position, long[] cuts)
    {
        for (var i = 1; i < cuts.Length; i++)
        {
            if (position < cuts[i])
                return i;
        }

        return cuts.Length - 1;
    }
}
