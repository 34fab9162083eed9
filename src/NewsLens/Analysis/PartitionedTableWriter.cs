using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using CsvHelper;
using Parquet;

namespace NewsLens;

/// <summary>Where rows of an article go: Hive-style <c>year=YYYY/month=MM</c>, or <c>year=unknown/month=unknown</c> when undated.</summary>
internal static class Partition
{
    public const string Undated = "year=unknown/month=unknown";

    private static readonly string[] Months = Enumerable.Range(1, 12).Select(m => m.ToString("00", CultureInfo.InvariantCulture)).ToArray();

    public static string Of(DateOnly? published) => published is { } date
        ? string.Concat("year=", date.Year.ToString("0000", CultureInfo.InvariantCulture), "/month=", Months[date.Month - 1])
        : Undated;
}

/// <summary>A table written to one file per partition, row group by row group, as rows arrive.</summary>
internal interface IPartitionedTableWriter
{
    string Name { get; }

    long Rows { get; }

    long BufferedBytes { get; }

    IEnumerable<string> Partitions { get; }

    /// <summary>Writes the partition holding the most buffered bytes as one row group.</summary>
    void FlushLargest();

    /// <summary>Writes what is buffered and closes every file.</summary>
    void Complete();
}

/// <summary>Writes rows of one table under <c>root/table/partition/part-I-of-N.ext</c>.</summary>
/// <remarks>
/// Rows stay in arrival order within each file. Row groups end where the memory budget says so, a decision
/// that depends on the data only, so the files are byte-identical whatever the number of threads. A full row
/// group is encoded in the background (<see cref="WriteBehind"/>) while the next one fills.
/// </remarks>
internal sealed class PartitionedTableWriter<TRow> : IPartitionedTableWriter
{
    private const int MaxRowGroupRows = 1_000_000;

    private readonly Table<TRow> table;
    private readonly string directory;
    private readonly string fileName;
    private readonly AnalysisFormat format;
    private readonly OpenFiles openFiles;
    private readonly WriteBehind background;
    private readonly long rowGroupBytes;
    private readonly SortedDictionary<string, PartFile> parts = new(StringComparer.Ordinal);

    public PartitionedTableWriter(
        Table<TRow> table, string root, Shard shard, AnalysisFormat format, OpenFiles openFiles, WriteBehind background, long rowGroupBytes)
    {
        this.table = table;
        directory = Path.Combine(root, table.Name);
        fileName = $"part-{shard.Index}-of-{shard.Count}.{(format == AnalysisFormat.Parquet ? "parquet" : "csv")}";
        this.format = format;
        this.openFiles = openFiles;
        this.background = background;
        this.rowGroupBytes = rowGroupBytes;
    }

    public string Name => table.Name;

    public long Rows { get; private set; }

    public long BufferedBytes { get; private set; }

    public IEnumerable<string> Partitions => parts.Keys;

    /// <summary>Adds a row; returns the growth in buffered bytes.</summary>
    public long Add(string partition, TRow row)
    {
        if (!parts.TryGetValue(partition, out var part))
            parts[partition] = part = new PartFile(this, Path.Combine(directory, partition, fileName));
        var bytes = part.Buffer.Add(row);
        Rows++;
        BufferedBytes += bytes;
        if (part.Buffer.Rows >= MaxRowGroupRows || part.Buffer.Bytes >= rowGroupBytes)
            Flush(part);
        return bytes;
    }

    public void FlushLargest()
    {
        PartFile? largest = null;
        foreach (var part in parts.Values)
        {
            if (largest is null || part.Buffer.Bytes > largest.Buffer.Bytes)
                largest = part;
        }

        if (largest is { Buffer.Rows: > 0 })
            Flush(largest);
    }

    public void Complete()
    {
        // An empty table still gets one (empty) file so readers find its schema.
        if (parts.Count == 0)
            parts[Partition.Undated] = new PartFile(this, Path.Combine(directory, Partition.Undated, fileName));
        foreach (var part in parts.Values)
        {
            if (part.Buffer.Rows > 0 || !part.Written)
                Flush(part);
            openFiles.Close(part);
        }
    }

    private void Flush(PartFile part)
    {
        openFiles.Open(part);
        BufferedBytes -= part.Buffer.Bytes;
        part.Flush();
    }

    /// <summary>One output file. The caller's thread fills <see cref="Buffer"/>; the file itself is only touched by its background jobs, one at a time, in order.</summary>
    internal sealed class PartFile(PartitionedTableWriter<TRow> owner, string path) : OpenFiles.IFile
    {
        private Task tail = Task.CompletedTask;
        private readonly ConcurrentBag<TableBuffer<TRow>> spares = []; // written buffers, cleared, for reuse (their arrays are large)
        private FileStream? stream;
        private ParquetWriter? parquet;
        private StreamWriter? text;
        private bool created;

        public TableBuffer<TRow> Buffer { get; private set; } = owner.table.CreateBuffer();

        /// <summary>A row group (or the empty file) has been handed over for writing.</summary>
        public bool Written { get; private set; }

        public bool IsOpen { get; private set; }

        public void Open() => IsOpen = true; // opened for real by the next write job

        /// <summary>Hands the buffered rows to a background job and goes on with a spare buffer (the written one becomes a spare).</summary>
        public void Flush()
        {
            var rows = Buffer;
            Buffer = spares.TryTake(out var spare) ? spare : owner.table.CreateBuffer();
            Written = true;
            tail = owner.background.Then(tail, rows.Bytes, async () =>
            {
                await OpenFileAsync().ConfigureAwait(false);
                await WriteAsync(rows).ConfigureAwait(false);
                rows.Clear();
                spares.Add(rows);
            });
        }

        public void Close()
        {
            IsOpen = false;
            tail = owner.background.Then(tail, 0, CloseFileAsync);
        }

        private async Task OpenFileAsync()
        {
            if (stream is not null)
                return;
            if (!created)
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            stream = new FileStream(path, created ? FileMode.Open : FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            if (owner.format == AnalysisFormat.Parquet)
            {
                parquet = await ParquetWriter.CreateAsync(owner.table.Schema, stream, ParquetOutput.Options, append: created).ConfigureAwait(false);
            }
            else
            {
                stream.Seek(0, SeekOrigin.End);
                text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                if (!created)
                    WriteCsv([owner.table.Columns.Select(c => c.Name).ToArray()]);
            }

            created = true;
        }

        private async Task WriteAsync(TableBuffer<TRow> rows)
        {
            if (parquet is not null)
            {
                if (rows.Rows > 0)
                    await rows.WriteRowGroupAsync(parquet).ConfigureAwait(false);
            }
            else
            {
                WriteCsv(rows.CsvRecords());
            }
        }

        private async Task CloseFileAsync()
        {
            if (parquet is not null)
                await parquet.DisposeAsync().ConfigureAwait(false);
            text?.Dispose();
            stream?.Dispose();
            parquet = null;
            text = null;
            stream = null;
        }

        private void WriteCsv(IEnumerable<string[]> records)
        {
            using var csv = CsvWriter.Create(text!, CsvWriterOptions.Default, true);
            foreach (var record in records)
                csv.WriteRecord(record);
            csv.Flush();
        }
    }
}

/// <summary>Keeps at most N output files open, closing the least recently used (Parquet files reopen in append mode).</summary>
internal sealed class OpenFiles(int max)
{
    private readonly LinkedList<IFile> open = new();

    public void Open(IFile file)
    {
        if (file.IsOpen)
        {
            open.Remove(file);
            open.AddFirst(file);
            return;
        }

        while (open.Count >= Math.Max(1, max))
        {
            var last = open.Last!.Value;
            open.RemoveLast();
            last.Close();
        }

        file.Open();
        open.AddFirst(file);
    }

    public void Close(IFile file)
    {
        if (!file.IsOpen)
            return;
        open.Remove(file);
        file.Close();
    }

    internal interface IFile
    {
        bool IsOpen { get; }

        void Open();

        void Close();
    }
}

/// <summary>Runs the writing jobs in the background: one file's jobs in order, different files' jobs in parallel.</summary>
/// <remarks>
/// Encoding and compressing row groups is most of the cost of writing; on the single thread that takes the results
/// in order it was the pipeline's bottleneck. Each file has its own chain of jobs, so its bytes do not depend on what
/// runs beside it. The caller waits while the rows handed over but not yet written pass the budget, which bounds memory.
/// Inline, each job runs to its end before <see cref="Then"/> returns: the one-thread pipeline stays on one thread.
/// </remarks>
internal sealed class WriteBehind(long maxPendingBytes, bool inline = false)
{
    private readonly object gate = new();
    private long pendingBytes;
    private int pendingJobs;
    private ExceptionDispatchInfo? failure;

    /// <summary>Queues <paramref name="job"/> after <paramref name="previous"/> (the same file's last job); returns the new last job.</summary>
    public Task Then(Task previous, long bytes, Func<Task> job)
    {
        if (inline)
        {
            // Parquet.Net is async only: run it without the caller's context, and wait.
            Task.Run(job).GetAwaiter().GetResult();
            return Task.CompletedTask;
        }

        lock (gate)
        {
            while (failure is null && pendingBytes > 0 && pendingBytes + bytes > maxPendingBytes)
                Monitor.Wait(gate);
            failure?.Throw();
            pendingBytes += bytes;
            pendingJobs++;
        }

        return Run(previous, bytes, job);
    }

    /// <summary>Waits for every queued job; throws the first failure.</summary>
    public void Drain()
    {
        lock (gate)
        {
            while (pendingJobs > 0)
                Monitor.Wait(gate);
            failure?.Throw();
        }
    }

    private async Task Run(Task previous, long bytes, Func<Task> job)
    {
        try
        {
            await previous.ConfigureAwait(false);
            await Task.Run(job).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            lock (gate)
                failure ??= ExceptionDispatchInfo.Capture(e);
            throw;
        }
        finally
        {
            lock (gate)
            {
                pendingBytes -= bytes;
                pendingJobs--;
                Monitor.PulseAll(gate);
            }
        }
    }
}

internal static class ParquetOutput
{
    // Snappy at its fast setting (Parquet.Net defaults to the smallest size), and dictionary encoding decided on a
    // sample of 1,000 values rather than a scan of every text: writing costs about 40 % less on news text.
    // Parquet.Net's stream pool stays unbounded: it only ever holds about one row group, and bounding it sends
    // those buffers to the large-object heap again and again (full collections that stall every thread).
    public static ParquetOptions Options { get; } = new()
    {
        CompressionMethod = CompressionMethod.Snappy,
        CompressionLevel = System.IO.Compression.CompressionLevel.Fastest,
        DictionaryEncodingSampleSize = 1000,
    };
}
