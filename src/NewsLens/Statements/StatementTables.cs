using Parquet;
using Parquet.Schema;

namespace NewsLens;

/// <summary>What <see cref="StatementTables.Link"/> did: quotes read, statements written, files rewritten.</summary>
public sealed record StatementSummary(long Quotes, long Statements, long LinkedQuotes, int QuoteFiles, double Seconds);

/// <summary>
/// Statements over an analysis folder (<see cref="Pipeline"/> output, any number of shards): reads every
/// <c>quotes</c> Parquet file under it, links them as one corpus, writes the <c>statement</c> id into each quotes
/// file and one <c>statements</c> table (<c>statements/statements.parquet</c>).
/// </summary>
/// <remarks>
/// Files are found by walking the folder, so the layout of partitions and shard file names does not matter; the
/// result depends only on the quotes (linking works in a canonical order), not on how many shards or threads wrote them.
/// </remarks>
public static class StatementTables
{
    /// <summary>The file the statements table is written to, under the analysis folder.</summary>
    public const string FileName = "statements.parquet";

    public static StatementSummary Link(string folder, StatementOptions? options = null) =>
        LinkAsync(folder, options).GetAwaiter().GetResult();

    public static async Task<StatementSummary> LinkAsync(string folder, StatementOptions? options = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var quotesFolder = Path.Combine(folder, "quotes");
        if (!Directory.Exists(quotesFolder))
            throw new DirectoryNotFoundException($"{folder}: no quotes table (run `newslens analyze` with the quotes stage first)");
        var files = Directory.EnumerateFiles(quotesFolder, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            var csv = Directory.EnumerateFiles(quotesFolder, "*.csv", SearchOption.AllDirectories).Any();
            throw new InvalidDataException(csv
                ? $"{quotesFolder}: statements need the Parquet tables (analyze --format parquet), found only CSV"
                : $"{quotesFolder}: no quotes files");
        }

        var articles = await ReadArticlesAsync(folder).ConfigureAwait(false);
        var quotes = new List<LinkQuote>();
        var sentences = new List<int>();
        var spans = new List<(int File, int Count)>();
        for (var f = 0; f < files.Length; f++)
        {
            var rows = await ReadQuotesAsync(files[f]).ConfigureAwait(false);
            foreach (var (row, sentence) in rows)
            {
                quotes.Add(row with { Date = articles.GetValueOrDefault(row.ArticleId).Date });
                sentences.Add(sentence);
            }

            spans.Add((f, rows.Count));
        }

        await AddContextsAsync(folder, quotes, sentences).ConfigureAwait(false);

        var ids = StatementLinker.Link(quotes, options);
        var offset = 0;
        foreach (var (f, count) in spans)
        {
            await RewriteAsync(files[f], ids.AsMemory(offset, count)).ConfigureAwait(false);
            offset += count;
        }

        var renderings = new List<StatementRendering>(quotes.Count);
        for (var i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            renderings.Add(new StatementRendering(q.ArticleId, articles.GetValueOrDefault(q.ArticleId).Outlet, q.Date, q.Speaker, q.Text, q.Start, q.End)
            {
                Statement = ids[i],
            });
        }

        var statements = StatementExtensions.Build(renderings);
        var output = Path.Combine(folder, "statements");
        Directory.CreateDirectory(output);
        var target = Path.Combine(output, FileName);
        var temporary = target + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await using var writer = await ParquetWriter.CreateAsync(AnalysisTables.Statements.Schema, stream).ConfigureAwait(false);
            var buffer = AnalysisTables.Statements.CreateBuffer();
            foreach (var statement in statements)
            {
                buffer.Add(statement);
                if (buffer.Rows >= 100_000)
                {
                    await buffer.WriteRowGroupAsync(writer).ConfigureAwait(false);
                    buffer.Clear();
                }
            }

            if (buffer.Rows > 0 || statements.Count == 0)
                await buffer.WriteRowGroupAsync(writer).ConfigureAwait(false);
        }

        File.Move(temporary, target, overwrite: true);
        var linked = statements.Where(s => s.Renderings.Count > 1).Sum(s => (long)s.Renderings.Count);
        return new StatementSummary(quotes.Count, statements.Count, linked, files.Length, clock.Elapsed.TotalSeconds);
    }

    private static async Task<Dictionary<string, (DateOnly? Date, string? Outlet)>> ReadArticlesAsync(string folder)
    {
        var result = new Dictionary<string, (DateOnly?, string?)>(StringComparer.Ordinal);
        var articles = Path.Combine(folder, "articles");
        if (!Directory.Exists(articles))
            return result;
        foreach (var file in Directory.EnumerateFiles(articles, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            await using var reader = await ParquetReader.CreateAsync(file).ConfigureAwait(false);
            var fields = reader.Schema.DataFields.ToDictionary(f => f.Name);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = (int)group.RowCount;
                var ids = await ReadStrings(group, fields, "id", count).ConfigureAwait(false);
                var outlets = await ReadStrings(group, fields, "outlet", count).ConfigureAwait(false);
                var dates = new DateOnly?[count];
                if (fields.TryGetValue("published", out var published))
                {
                    if (published.ClrType == typeof(DateOnly))
                        await group.ReadAsync<DateOnly>(published, dates.AsMemory()).ConfigureAwait(false);
                    else if (published.ClrType == typeof(DateTime))
                    {
                        var times = new DateTime?[count];
                        await group.ReadAsync<DateTime>(published, times.AsMemory()).ConfigureAwait(false);
                        for (var r = 0; r < count; r++)
                            dates[r] = times[r] is { } t ? DateOnly.FromDateTime(t) : null;
                    }
                }
                for (var r = 0; r < count; r++)
                {
                    if (ids[r] is { } id)
                        result.TryAdd(id, (dates[r], outlets[r]));
                }
            }
        }

        return result;
    }

    // Short quotes are linked across articles by the sentence around them: read those sentences from the sentences table.
    private static async Task AddContextsAsync(string folder, List<LinkQuote> quotes, List<int> sentences)
    {
        var wanted = new Dictionary<(string Article, int Sentence), List<int>>();
        for (var i = 0; i < quotes.Count; i++)
        {
            if (sentences[i] >= 0 && StatementText.Count(quotes[i].Text) <= ShortQuoteWords)
            {
                var key = (quotes[i].ArticleId, sentences[i]);
                if (!wanted.TryGetValue(key, out var list))
                    wanted[key] = list = [];
                list.Add(i);
            }
        }

        var table = Path.Combine(folder, "sentences");
        if (wanted.Count == 0 || !Directory.Exists(table))
            return;
        foreach (var file in Directory.EnumerateFiles(table, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            await using var reader = await ParquetReader.CreateAsync(file).ConfigureAwait(false);
            var fields = reader.Schema.DataFields.ToDictionary(f => f.Name);
            if (!fields.TryGetValue("sentence", out var sentenceField))
                continue;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = (int)group.RowCount;
                var articles = await ReadStrings(group, fields, "article", count).ConfigureAwait(false);
                var indexes = new int[count];
                await group.ReadAsync<int>(sentenceField, indexes.AsMemory()).ConfigureAwait(false);
                string?[]? texts = null;
                for (var r = 0; r < count; r++)
                {
                    if (articles[r] is not { } article || !wanted.TryGetValue((article, indexes[r]), out var list))
                        continue;
                    texts ??= await ReadStrings(group, fields, "text", count).ConfigureAwait(false);
                    foreach (var i in list)
                        quotes[i] = quotes[i] with { Context = texts[r] };
                }
            }
        }
    }

    /// <summary>Quotes of at most this many words get their sentence as context.</summary>
    private const int ShortQuoteWords = 4;

    private static async Task<List<(LinkQuote Quote, int Sentence)>> ReadQuotesAsync(string file)
    {
        var rows = new List<(LinkQuote, int)>();
        try
        {
            await using var reader = await ParquetReader.CreateAsync(file).ConfigureAwait(false);
            var fields = reader.Schema.DataFields.ToDictionary(f => f.Name);
            foreach (var required in new[] { "article", "quote", "start", "end" })
            {
                if (!fields.ContainsKey(required))
                    throw new InvalidDataException($"{file}: not a quotes table (no '{required}' column)");
            }

            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = (int)group.RowCount;
                var article = await ReadStrings(group, fields, "article", count).ConfigureAwait(false);
                var text = await ReadStrings(group, fields, "quote", count).ConfigureAwait(false);
                var speaker = await ReadStrings(group, fields, "speaker", count).ConfigureAwait(false);
                var start = new int[count];
                var end = new int[count];
                var sentence = new int[count];
                await group.ReadAsync<int>(fields["start"], start.AsMemory()).ConfigureAwait(false);
                await group.ReadAsync<int>(fields["end"], end.AsMemory()).ConfigureAwait(false);
                if (fields.TryGetValue("sentence", out var sentenceField))
                    await group.ReadAsync<int>(sentenceField, sentence.AsMemory()).ConfigureAwait(false);
                else
                    Array.Fill(sentence, -1);
                for (var r = 0; r < count; r++)
                    rows.Add((new LinkQuote(article[r] ?? "", start[r], end[r], text[r] ?? "", speaker[r], null), sentence[r]));
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or NotSupportedException)
        {
            throw new InvalidDataException($"{file}: cannot read the quotes table: {e.Message}", e);
        }

        return rows;
    }

    private static async Task<string?[]> ReadStrings(ParquetRowGroupReader group, Dictionary<string, DataField> fields, string name, int count)
    {
        var values = new string?[count];
        if (fields.TryGetValue(name, out var field))
            await group.ReadAsync(field, values.AsMemory()).ConfigureAwait(false);
        return values;
    }

    // Copies every column as it is and sets the statement column (added at the end when the file has none).
    private static async Task RewriteAsync(string file, ReadOnlyMemory<string> ids)
    {
        var temporary = file + ".tmp";
        await using (var input = File.OpenRead(file))
        {
            await using var reader = await ParquetReader.CreateAsync(input).ConfigureAwait(false);
            var fields = reader.Schema.DataFields.ToList();
            var statementIndex = fields.FindIndex(f => f.Name == "statement");
            var statementField = new DataField<string>("statement", nullable: true);
            var outFields = statementIndex >= 0 ? fields.Select(f => f.Name == "statement" ? statementField : f).ToList() : [.. fields, statementField];
            await using var output = File.Create(temporary);
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(outFields.Cast<Field>()), output).ConfigureAwait(false);
            var row = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = (int)group.RowCount;
                using var target = writer.CreateRowGroup();
                foreach (var field in outFields)
                {
                    if (ReferenceEquals(field, statementField))
                    {
                        var slice = ids.Slice(row, count).ToArray().Select(s => (ReadOnlyMemory<char>?)s.AsMemory()).ToArray();
                        await target.WriteAsync<ReadOnlyMemory<char>>(statementField, slice).ConfigureAwait(false);
                        continue;
                    }

                    await CopyColumnAsync(group, target, field, count).ConfigureAwait(false);
                }

                target.CompleteValidate();
                row += count;
            }
        }

        File.Move(temporary, file, overwrite: true);
    }

    private static Task CopyColumnAsync(ParquetRowGroupReader from, ParquetRowGroupWriter to, DataField field, int count) => field.ClrType switch
    {
        var t when t == typeof(string) || t == typeof(ReadOnlyMemory<char>) => CopyStrings(from, to, field, count),
        var t when t == typeof(int) => Copy<int>(from, to, field, count),
        var t when t == typeof(long) => Copy<long>(from, to, field, count),
        var t when t == typeof(double) => Copy<double>(from, to, field, count),
        var t when t == typeof(DateOnly) => Copy<DateOnly>(from, to, field, count),
        var t when t == typeof(DateTime) => Copy<DateTime>(from, to, field, count),
        _ => throw new NotSupportedException($"column {field.Name}: {field.ClrType}"),
    };

    private static async Task CopyStrings(ParquetRowGroupReader from, ParquetRowGroupWriter to, DataField field, int count)
    {
        var values = new string?[count];
        await from.ReadAsync(field, values.AsMemory()).ConfigureAwait(false);
        var memory = values.Select(v => v is null ? (ReadOnlyMemory<char>?)null : v.AsMemory()).ToArray();
        await to.WriteAsync<ReadOnlyMemory<char>>(field, memory).ConfigureAwait(false);
    }

    private static async Task Copy<T>(ParquetRowGroupReader from, ParquetRowGroupWriter to, DataField field, int count)
        where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[count];
            await from.ReadAsync<T>(field, values.AsMemory()).ConfigureAwait(false);
            await to.WriteAsync<T>(field, new ReadOnlyMemory<T?>(values)).ConfigureAwait(false);
        }
        else
        {
            var values = new T[count];
            await from.ReadAsync<T>(field, values.AsMemory()).ConfigureAwait(false);
            await to.WriteAsync<T>(field, new ReadOnlyMemory<T>(values)).ConfigureAwait(false);
        }
    }
}
