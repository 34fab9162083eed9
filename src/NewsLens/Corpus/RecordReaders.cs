using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace NewsLens;

/// <summary>Reads JSON Lines, JSON (array, object with an array, or one object) and CSV/TSV files record by record.</summary>
/// <remarks>Streams: memory stays bounded by one record, so files of any size load. A bad record is skipped with its line.</remarks>
internal sealed class RecordReaders(LoadOptions options, Action<Diagnostic> report)
{
    private static readonly string[] ArrayProperties = ["articles", "data", "items", "records", "results", "documents", "docs", "rows", "entries", "posts", "stories", "news"];
    private RecordMapper? mapper; // made on first use: the loader makes readers for every file, pages included
    private JsonFields? jsonFields;

    private RecordMapper Mapper => mapper ??= new RecordMapper(options);

    /// <summary>Bytes read so far in the current file (for progress).</summary>
    public long Position { get; private set; }

    public IEnumerable<DraftArticle> JsonLines(SourceFile file)
    {
        using var reader = TextDecoding.OpenReader(file.FullPath, out var problem);
        if (reader is null)
        {
            report(new Diagnostic(file.Relative, null, DiagnosticSeverity.Skipped, problem!));
            yield break;
        }

        foreach (var draft in JsonLines(file, reader))
            yield return draft;
    }

    /// <summary>
    /// The records of the lines that start in bytes [split.Start, split.End) of a JSON Lines file (see <see cref="InputSplit"/>),
    /// numbered (record index, line) as a read of the whole file numbers them; bytes read go to <paramref name="counts"/>.
    /// </summary>
    /// <remarks>
    /// Only the range's own bytes are read. A record that carries its own id needs no number (its index is 0, see
    /// <see cref="JsonLines(SourceFile, StreamReader, RangeStart?)"/>); the first record without one, or the first
    /// diagnostic, makes the range count the lines and records before it (<see cref="RangeStart"/>): a validating scan
    /// of bytes [0, start), kept apart in <see cref="ReadCounts.Scanned"/>. Files not in UTF-8 (UTF-16, Latin-1) cannot
    /// be cut by bytes: the range at offset 0 reads the whole file, the others nothing.
    /// </remarks>
    public IEnumerable<DraftArticle> JsonLines(SourceFile file, InputSplit split, ReadCounts counts)
    {
        using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var length = stream.Length;
        var encoding = TextDecoding.DetectHead(stream, out var utf8, out var head, out var problem);
        if (encoding is null || !utf8)
        {
            counts.Read += split.Start > 0 ? head : 0;
            if (split.Start > 0)
                yield break; // the range at offset 0 reads (or reports) the file
            stream.Dispose();
            counts.Read += length;
            foreach (var draft in JsonLines(file))
                yield return draft;
            yield break;
        }

        var from = split.Start == 0 ? 0 : LineStartAtOrAfter(stream, split.Start, counts);
        var to = split.End >= length ? length : LineStartAtOrAfter(stream, split.End, counts);
        if (from >= to)
            yield break;
        var before = from == 0 ? null : new RangeStart(() => CountRecords(file, from, counts));
        counts.Read += to - from + (from == 0 ? Math.Max(0, head - to) : head); // the head read for the encoding, where not in the range
        stream.Position = from;
        using var reader = new StreamReader(new RangeStream(stream, to - from), encoding, detectEncodingFromByteOrderMarks: from == 0, bufferSize: 1 << 16);
        foreach (var draft in JsonLines(file, reader, before))
            yield return draft;
    }

    /// <summary>
    /// The records of JSON Lines text: a record without its own id is named by its index (1-based, counting the file's
    /// records); a record that carries its own id gets index 0, so that a byte range need not count the records before it.
    /// </summary>
    /// <param name="before">Where the text starts inside a file: lines and records before it, counted only when needed.</param>
    private IEnumerable<DraftArticle> JsonLines(SourceFile file, StreamReader reader, RangeStart? before = null)
    {
        var lines = new BoundedLineReader(reader, options.MaxLineLength);
        var index = 0;
        int FileLine(int line) => (before?.Lines ?? 0) + line;
        while (lines.Next() is { } line)
        {
            Position = reader.BaseStream.Position;
            if (line.TooLong)
            {
                report(new Diagnostic(file.Relative, FileLine(line.Number), DiagnosticSeverity.Skipped,
                    $"line is {line.Length:N0} characters long (limit {options.MaxLineLength:N0}); record skipped"));
                continue;
            }

            if (line.Text.Span.Trim().IsEmpty)
                continue;
            if (line.Text.Span.Contains('\uFFFD'))
            {
                report(new Diagnostic(file.Relative, FileLine(line.Number), DiagnosticSeverity.Skipped, "invalid UTF-8 in this line; record skipped"));
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line.Text);
            }
            catch (JsonException e)
            {
                report(new Diagnostic(file.Relative, FileLine(line.Number), DiagnosticSeverity.Skipped, "malformed JSON: " + FirstSentence(e.Message)));
                continue;
            }

            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    report(new Diagnostic(file.Relative, FileLine(line.Number), DiagnosticSeverity.Skipped, $"a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object"));
                    continue;
                }

                if (FromJson(doc.RootElement, ++index, line.Number, file, before, lines: true) is { } draft)
                    yield return draft;
            }
        }
    }

    public IEnumerable<DraftArticle> Json(SourceFile file)
    {
        if (file.Length > options.MaxPageBytes)
        {
            // Too big to hold: only a top-level array of objects streams.
            foreach (var draft in StreamArray(file))
                yield return draft;
            yield break;
        }

        var utf8 = TextDecoding.Utf8Page(File.ReadAllBytes(file.FullPath), out var problem, out var problemLine);
        if (utf8 is not { } json)
        {
            report(new Diagnostic(file.Relative, problemLine, DiagnosticSeverity.Skipped, problem!));
            yield break;
        }

        if (problem is not null)
            report(new Diagnostic(file.Relative, problemLine, DiagnosticSeverity.Warning, problem)); // repaired, kept

        var first = FirstNonWhiteSpace(json.Span);
        if (first is null)
        {
            report(new Diagnostic(file.Relative, null, DiagnosticSeverity.Skipped, "empty file"));
            yield break;
        }

        var (elements, error) = ParseElements(json);
        if (error is { } e && elements.Count == 0 && first == new Rune('{'))
        {
            // Several objects, one a line: JSON Lines in a .json file.
            foreach (var draft in JsonLines(file))
                yield return draft;
            yield break;
        }

        var index = 0;
        foreach (var (element, line) in elements)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                report(new Diagnostic(file.Relative, line, DiagnosticSeverity.Skipped, $"a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object"));
                continue;
            }

            if (FromJson(element, ++index, line, file) is { } draft)
                yield return draft;
        }

        if (error is { } bad)
            report(new Diagnostic(file.Relative, bad.Line, DiagnosticSeverity.Skipped,
                $"malformed JSON: {bad.Message}" + (elements.Count > 0 ? $"; the {elements.Count} records before it loaded, the rest of the file skipped" : "")));
    }

    public IEnumerable<DraftArticle> Csv(SourceFile file, bool tabs)
    {
        using var reader = TextDecoding.OpenReader(file.FullPath, out var problem);
        if (reader is null)
        {
            report(new Diagnostic(file.Relative, null, DiagnosticSeverity.Skipped, problem!));
            yield break;
        }

        var csvOptions = CsvReaderOptions.Default with
        {
            Separator = tabs ? '\t' : null,
            HasHeader = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = bad => report(new Diagnostic(file.Relative, (int)bad.LineNumber, DiagnosticSeverity.Skipped, bad.Reason switch
            {
                CsvMalformedReason.FieldCountMismatch => "row has a different number of fields than the header; row skipped",
                CsvMalformedReason.UnterminatedQuote => "malformed CSV: a quoted field is never closed; the rest of the file skipped",
                var reason => $"malformed CSV ({Words(reason.ToString())}); row skipped",
            })),
            MaxRecordSize = options.MaxLineLength,
        };
        using var csv = CsvReader.Create(reader, csvOptions, leaveOpen: false);
        IReadOnlyList<string> header;
        try
        {
            header = csv.Headers;
        }
        catch (CsvFormatException e)
        {
            report(new Diagnostic(file.Relative, 1, DiagnosticSeverity.Skipped, "malformed CSV header: " + FirstSentence(e.Message)));
            yield break;
        }

        if (header.Count == 0)
        {
            report(new Diagnostic(file.Relative, null, DiagnosticSeverity.Skipped, "empty file (no header row)"));
            yield break;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
            columns.TryAdd(RecordMapper.Normalize(header[i]), i);
        var index = 0;
        var record = new string[header.Count];
        var fields = new CsvFields(columns, record);
        while (true)
        {
            try
            {
                if (!csv.Read())
                    yield break;
            }
            catch (CsvFormatException e)
            {
                report(new Diagnostic(file.Relative, e.LineNumber > 0 ? (int)e.LineNumber : null, DiagnosticSeverity.Skipped,
                    $"malformed CSV: {FirstSentence(e.Message)}; the rest of the file skipped"));
                yield break;
            }

            Position = reader.BaseStream.Position;
            var row = (int)csv.LineNumber;
            var bad = false;
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = i < csv.FieldCount ? csv.GetString(i) ?? "" : "";
                bad |= record[i].Contains('\uFFFD');
            }

            if (bad)
            {
                report(new Diagnostic(file.Relative, row, DiagnosticSeverity.Skipped, "invalid UTF-8 in this row; row skipped"));
                continue;
            }

            yield return Map(fields, ++index, row, file);
        }
    }

    // The offset just past the first newline at or after `offset` (the file's length when there is none).
    private static long LineStartAtOrAfter(FileStream stream, long offset, ReadCounts counts)
    {
        stream.Position = offset;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var position = offset;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    counts.Read += newline + 1;
                    return position + newline + 1;
                }

                counts.Read += read;
                position += read;
            }

            return position;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Lines and records in bytes [0, end) (end is a line start): records are counted exactly as the reader numbers them
    /// (a line that is a JSON object, not too long, valid UTF-8 without U+FFFD), without building any of them.
    /// </summary>
    private (int Lines, int Records) CountRecords(SourceFile file, long end, ReadCounts counts)
    {
        using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        int lines = 0, records = 0, begin = 0, filled = 0;
        var buffer = new byte[1 << 20];
        var remaining = end;
        var bomChecked = false;
        while (true)
        {
            if (remaining > 0)
            {
                if (filled == buffer.Length)
                    Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer
                var read = stream.Read(buffer, filled, (int)Math.Min(buffer.Length - filled, remaining));
                if (read <= 0)
                    remaining = 0;
                remaining -= read;
                counts.Scanned += read;
                filled += read;
            }

            var span = buffer.AsSpan(0, filled);
            if (!bomChecked && (filled >= 3 || remaining == 0))
            {
                bomChecked = true;
                if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    begin = 3; // a byte order mark is not part of the first line
            }

            int newline;
            while (bomChecked && (newline = span[begin..].IndexOf((byte)'\n')) >= 0)
            {
                lines++;
                records += IsRecord(span.Slice(begin, newline)) ? 1 : 0;
                begin += newline + 1;
            }

            if (remaining == 0)
                return (lines, records); // `end` is a line start: nothing is left over

            Buffer.BlockCopy(buffer, begin, buffer, 0, filled - begin);
            filled -= begin;
            begin = 0;
        }
    }

    // Whether the reader would give this line a record index: see JsonLines(file, reader, ...).
    private bool IsRecord(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
            line = line[..^1];
        if (line.Length > options.MaxLineLength && Encoding.UTF8.GetCharCount(line) > options.MaxLineLength)
            return false;
        if (!System.Text.Unicode.Utf8.IsValid(line) || line.IndexOf("\uFFFD"u8) >= 0)
            return false;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            reader.Skip();
            return !reader.Read(); // a second value throws: not one JSON document
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Words(string pascal) => string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    // `index` and `line` count from `before` (a range's start) when given; `lines`: JSON Lines, where a record that
    // carries its own id gets index 0 (see JsonLines(file, reader, before)).
    private DraftArticle? FromJson(JsonElement element, int index, int line, SourceFile file, RangeStart? before = null, bool lines = false)
    {
        jsonFields ??= new JsonFields(Mapper.Wanted);
        jsonFields.Read(element);
        try
        {
            return Map(jsonFields, index, line, file, before, lines);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json's answer to a string it cannot decode (a lone surrogate escape, broken UTF-8).
            report(new Diagnostic(file.Relative, (before?.Lines ?? 0) + line, DiagnosticSeverity.Skipped, $"a string that is not valid text ({FirstSentence(e.Message)}); record skipped"));
            return null;
        }
    }

    private DraftArticle Map(IRecordFields fields, int index, int line, SourceFile file, RangeStart? before = null, bool lines = false)
    {
        var draft = Mapper.Map(fields, index, line, out var warning);
        if (warning is not null)
            report(new Diagnostic(file.Relative, (before?.Lines ?? 0) + line, DiagnosticSeverity.Warning, warning));
        if (lines && !string.IsNullOrWhiteSpace(draft.SourceId))
            return draft with { Index = 0, Before = before };
        return before is null ? draft : draft with { Index = before.Records + index, Before = before };
    }

    /// <summary>A CSV row's fields by normalised header name (the row array is refilled row after row).</summary>
    private sealed class CsvFields(Dictionary<string, int> columns, string[] record) : IRecordFields
    {
        public string? Value(string normalizedName) =>
            columns.TryGetValue(normalizedName, out var c) && record[c].Length > 0 ? record[c] : null;

        public RecordBody? Body(string normalizedName) => Value(normalizedName) is { } text ? RecordBody.Of(text) : null;
    }

    /// <summary>
    /// A JSON object's properties by normalised name, reused record after record: only the names the mapper may ask
    /// for are kept, and names are matched without allocating a string for each.
    /// </summary>
    private sealed class JsonFields(IReadOnlySet<string> wanted) : IRecordFields
    {
        private readonly Dictionary<string, JsonElement> properties = new(StringComparer.Ordinal);
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> wantedByName =
            new HashSet<string>(wanted, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        public void Read(JsonElement element)
        {
            properties.Clear();
            Span<char> name = stackalloc char[RecordMapper.MaxNormalizedLength];
            foreach (var p in element.EnumerateObject())
            {
                if (wantedByName.TryGetValue(name[..NormalizedName(p, name)], out var known))
                    properties.TryAdd(known, p.Value);
            }
        }

        public string? Value(string normalizedName) =>
            properties.TryGetValue(normalizedName, out var v) ? RecordMapper.JsonText(v) : null;

        public RecordBody? Body(string normalizedName) =>
            properties.TryGetValue(normalizedName, out var v) ? RecordBody.FromJson(v) : null;

        private static int NormalizedName(JsonProperty property, Span<char> into)
        {
            // The raw UTF-8 name; escaped ("\u0069d") or long names go through the decoded string.
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            Span<char> chars = stackalloc char[256];
            if (raw.Length > chars.Length || raw.Contains((byte)'\\'))
                return RecordMapper.Normalize(property.Name, into);
            var length = Encoding.UTF8.GetChars(raw, chars);
            return RecordMapper.Normalize(chars[..length], into);
        }
    }

    // The first character that is not white space, read without decoding the page.
    private static Rune? FirstNonWhiteSpace(ReadOnlySpan<byte> utf8)
    {
        while (Rune.DecodeFromUtf8(utf8, out var rune, out var length) == OperationStatus.Done)
        {
            if (!Rune.IsWhiteSpace(rune))
                return rune;
            utf8 = utf8[length..];
        }

        return null;
    }

    // Parses a whole JSON document into its records (array items, an array property of the root object, or the root
    // object), keeping the ones before a syntax error.
    private static (List<(JsonElement Element, int Line)> Elements, (int Line, string Message)? Error) ParseElements(ReadOnlyMemory<byte> utf8)
    {
        var elements = new List<(JsonElement, int)>();
        var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var lineCounter = new LineCounter(utf8);
        try
        {
            if (!reader.Read())
                return (elements, (1, "no JSON value"));
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var root = JsonElement.ParseValue(ref reader);
                if (reader.Read())
                    return (elements, (lineCounter.LineAt(reader.TokenStartIndex), "more than one JSON value (use .jsonl for one object a line)"));
                var array = ArrayProperties.Select(n => root.TryGetProperty(n, out var a) && a.ValueKind == JsonValueKind.Array ? a : (JsonElement?)null)
                    .FirstOrDefault(a => a is not null);
                if (array is { } items)
                    elements.AddRange(items.EnumerateArray().Select(e => (e, 1)));
                else
                    elements.Add((root, 1));
                return (elements, null);
            }

            if (reader.TokenType != JsonTokenType.StartArray)
                return (elements, (1, "neither a JSON array nor an object"));
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lineCounter.LineAt(reader.TokenStartIndex);
                elements.Add((JsonElement.ParseValue(ref reader), line));
            }

            return (elements, null);
        }
        catch (JsonException e)
        {
            return (elements, ((int)(e.LineNumber ?? 0) + 1, FirstSentence(e.Message)));
        }
    }

    // A top-level JSON array read in chunks: each item is cut out whole and parsed on its own, so memory stays at one
    // item and every item before a syntax error still loads.
    private IEnumerable<DraftArticle> StreamArray(SourceFile file)
    {
        using var stream = File.OpenRead(file.FullPath);
        var buffer = new byte[1 << 20];
        int begin = 0, end = 0, index = 0;
        var line = 1;
        var final = false;
        var scan = new ArrayScan();
        while (true)
        {
            if (!final)
            {
                if (begin > 0)
                {
                    Buffer.BlockCopy(buffer, begin, buffer, 0, end - begin);
                    end -= begin;
                    begin = 0;
                }

                if (end == buffer.Length)
                {
                    if (buffer.Length >= options.MaxLineLength)
                    {
                        report(new Diagnostic(file.Relative, line, DiagnosticSeverity.Skipped,
                            $"a JSON record over {options.MaxLineLength:N0} bytes; the rest of the file skipped"));
                        yield break;
                    }

                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                end += read;
                final = read == 0;
            }

            var items = scan.Next(buffer.AsSpan(begin, end - begin), final);
            foreach (var (bytes, offset) in items)
            {
                var itemLine = line + buffer.AsSpan(begin, offset).Count((byte)'\n');
                using var doc = JsonDocument.Parse(bytes);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    report(new Diagnostic(file.Relative, itemLine, DiagnosticSeverity.Skipped, $"a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object"));
                else if (FromJson(doc.RootElement, ++index, itemLine, file) is { } draft)
                    yield return draft;
            }

            line += buffer.AsSpan(begin, scan.Consumed).Count((byte)'\n');
            begin += scan.Consumed;
            Position = stream.Position;
            if (scan.Error is { } error)
            {
                report(new Diagnostic(file.Relative, error.Line, DiagnosticSeverity.Skipped,
                    $"malformed JSON (or not a top-level array, needed for a file this large): {error.Message}; the rest of the file skipped"));
                yield break;
            }

            if (scan.Done || (final && begin == end))
                yield break;
            if (final && scan.Consumed == 0)
            {
                report(new Diagnostic(file.Relative, line, DiagnosticSeverity.Skipped, "the JSON array is not closed; the rest of the file skipped"));
                yield break;
            }
        }
    }

    /// <summary>Cuts whole items out of a top-level JSON array, chunk by chunk (a ref struct reader cannot live in an iterator).</summary>
    private sealed class ArrayScan
    {
        private JsonReaderState state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        private bool opened;

        /// <summary>Bytes of the chunk fully handled; the next chunk starts there.</summary>
        public int Consumed { get; private set; }

        public bool Done { get; private set; }

        /// <summary>A syntax error: its line in the file, and the message.</summary>
        public (int Line, string Message)? Error { get; private set; }

        public List<(byte[] Bytes, int Offset)> Next(ReadOnlySpan<byte> chunk, bool final)
        {
            var items = new List<(byte[], int)>();
            var reader = new Utf8JsonReader(chunk, final, state);
            Consumed = 0;
            try
            {
                while (true)
                {
                    var before = reader;
                    if (!reader.Read())
                        break;
                    if (!opened)
                    {
                        if (reader.TokenType != JsonTokenType.StartArray)
                            throw new JsonException("the file does not start with '['");
                        opened = true;
                    }
                    else if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndArray)
                    {
                        Done = true;
                    }
                    else if (reader.CurrentDepth == 1)
                    {
                        var start = (int)reader.TokenStartIndex;
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                        {
                            reader = before; // the item continues in the next chunk
                            break;
                        }

                        items.Add((chunk[start..(int)reader.BytesConsumed].ToArray(), start));
                    }

                    state = reader.CurrentState;
                    Consumed = (int)reader.BytesConsumed;
                    if (Done)
                        break;
                }
            }
            catch (JsonException e)
            {
                // The reader state carries the line count across chunks: the line is the file's.
                Error = ((int)(e.LineNumber ?? 0) + 1, FirstSentence(e.Message));
            }

            return items;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    /// <summary>Line numbers for byte offsets, counted incrementally (offsets only grow).</summary>
    private sealed class LineCounter(ReadOnlyMemory<byte> bytes)
    {
        private long position;
        private int line = 1;

        public int LineAt(long offset)
        {
            var span = bytes.Span;
            for (; position < offset && position < span.Length; position++)
                if (span[(int)position] == (byte)'\n')
                    line++;
            return line;
        }
    }
}

/// <summary>Reads lines without ever holding more than a limit: an overlong line is reported by its length, not stored.</summary>
/// <remarks>A line's text lives in a buffer reused for the next line: no string per line.</remarks>
internal sealed class BoundedLineReader(TextReader reader, int limit)
{
    private readonly char[] buffer = new char[1 << 16];
    private readonly CharBuffer line = new();
    private int start;
    private int end;
    private int number;

    /// <summary>The next line (its text valid until the next call), or null at the end.</summary>
    public Line? Next()
    {
        line.Clear();
        long length = 0;
        var any = false;
        while (true)
        {
            if (start >= end)
            {
                end = reader.Read(buffer, 0, buffer.Length);
                start = 0;
                if (end <= 0)
                {
                    end = 0;
                    if (!any)
                        return null;
                    break;
                }
            }

            any = true;
            var span = buffer.AsSpan(start, end - start);
            var newline = span.IndexOf('\n');
            var take = newline < 0 ? span : span[..newline];
            if (length + take.Length <= limit)
                line.Append(take);
            length += take.Length;
            if (newline >= 0)
            {
                start += newline + 1;
                break;
            }

            start = end;
        }

        number++;
        if (line.Length > 0 && line.Written[^1] == '\r')
        {
            line.Length--;
            length--;
        }

        return new Line(number, length > limit ? ReadOnlyMemory<char>.Empty : line.Memory, length, length > limit);
    }

    public readonly record struct Line(int Number, ReadOnlyMemory<char> Text, long Length, bool TooLong);
}

/// <summary>Bytes read from the inputs: <see cref="Read"/> parsed into records, <see cref="Scanned"/> only counted (lines and records before a range).</summary>
internal sealed class ReadCounts
{
    public long Read;
    public long Scanned;
}

/// <summary>Lines and records before a byte range of a file, counted on first use only: the scan reads every byte before the range.</summary>
internal sealed class RangeStart(Func<(int Lines, int Records)> count)
{
    private (int Lines, int Records)? known;

    public int Lines => (known ??= count()).Lines;

    public int Records => (known ??= count()).Records;
}

/// <summary>A read-only window of <see cref="Length"/> bytes of a stream from its current position.</summary>
internal sealed class RangeStream(Stream inner, long size) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => size;

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var left = size - read;
        if (left <= 0)
            return 0;
        var count = inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
        read += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
