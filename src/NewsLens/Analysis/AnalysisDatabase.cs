using System.Data.Common;
using System.Numerics;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace NewsLens;

/// <summary>SQL over the tables <see cref="Pipeline"/> wrote (Parquet or CSV), through an in-process DuckDB.</summary>
/// <remarks>
/// Each table folder becomes a view of the same name, read with Hive partitioning, so <c>year</c> and <c>month</c>
/// (text: "2024", "07", or "unknown" for undated articles) are columns too. Every shard's files in the folder are read.
/// <code>
/// using var db = AnalysisDatabase.Open("out/");
/// db.Query("SELECT outlet, count(*) AS n FROM articles GROUP BY outlet ORDER BY n DESC")
/// </code>
/// </remarks>
public sealed class AnalysisDatabase : IDisposable
{
    private readonly DuckDBConnection connection;

    private AnalysisDatabase(DuckDBConnection connection, IReadOnlyList<string> tables)
    {
        this.connection = connection;
        Tables = tables;
    }

    /// <summary>The tables found, each a view.</summary>
    public IReadOnlyList<string> Tables { get; }

    /// <summary>The open DuckDB connection, for anything beyond <see cref="Query"/>.</summary>
    public DbConnection Connection => connection;

    /// <summary>Opens an in-memory database with one view per table folder under <paramref name="outputDirectory"/>.</summary>
    public static AnalysisDatabase Open(string outputDirectory)
    {
        if (!Directory.Exists(outputDirectory))
            throw new DirectoryNotFoundException($"{outputDirectory}: no such analysis output folder");
        var root = Path.GetFullPath(outputDirectory);
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var tables = new List<string>();
        try
        {
            foreach (var table in AnalysisTables.Names)
            {
                var folder = Path.Combine(root, table);
                if (!Directory.Exists(folder))
                    continue;
                var reader = ReaderFor(folder);
                if (reader is null)
                    continue;
                using var command = connection.CreateCommand();
                command.CommandText = $"CREATE VIEW {table} AS SELECT * FROM {reader}";
                command.ExecuteNonQuery();
                tables.Add(table);
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new AnalysisDatabase(connection, tables);
    }

    /// <summary>Runs a query and returns its result as a DataFrame.</summary>
    public DataFrame Query(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return ToDataFrame(reader);
    }

    /// <summary>Runs a query that returns one value.</summary>
    public T Scalar<T>(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value switch
        {
            T typed => typed,
            BigInteger big => (T)Convert.ChangeType((long)big, typeof(T), System.Globalization.CultureInfo.InvariantCulture),
            _ => (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// Co-occurrence edges with their measures (PMI, NPMI, Jaccard, G²), computed from the additive counts in the
    /// <c>cooccurrence</c> table: the same result as <see cref="NewsLens.Cooccurrence.Compute"/> on the corpus in memory,
    /// over every shard. Slicing by period works for month, quarter and year (the partitions are months).
    /// </summary>
    public CooccurrenceTable Cooccurrence(CooccurrenceOptions? options = null)
    {
        options ??= new CooccurrenceOptions();
        if (options.Period is { } bucket && bucket is not (TimeBucket.Month or TimeBucket.Quarter or TimeBucket.Year))
            throw new NotSupportedException($"period {bucket}: the output is partitioned by month, so only month, quarter and year slices can be computed from it");
        if (!Tables.Contains("cooccurrence") || !Tables.Contains("articles"))
            throw new InvalidOperationException("the output folder lacks the cooccurrence or articles table");
        var window = options.Window.ToString().ToLowerInvariant();
        var windowsPerArticle = options.Window switch
        {
            CooccurrenceWindow.Sentence => "greatest(1, sentences)",
            CooccurrenceWindow.Paragraph => "greatest(1, paragraphs)",
            _ => "1",
        };

        var windows = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (year, month, value) in Rows($"SELECT year, month, CAST(sum({windowsPerArticle}) AS BIGINT) FROM articles GROUP BY ALL"))
        {
            var label = PeriodLabel(year, month, options.Period);
            windows[label] = windows.GetValueOrDefault(label) + checked((int)value);
        }

        var kinds = options.Kinds is null ? "" : " AND a IN (SELECT actor FROM mentions WHERE kind IN ("
            + string.Join(", ", options.Kinds.Select(k => $"'{k.ToString().ToLowerInvariant()}'")) + ")) AND b IN (SELECT actor FROM mentions WHERE kind IN ("
            + string.Join(", ", options.Kinds.Select(k => $"'{k.ToString().ToLowerInvariant()}'")) + "))";
        var own = new Dictionary<(string Period, string Actor), int>();
        var pairs = new Dictionary<(string Period, string A, string B), int>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT year, month, a, b, CAST(sum(count) AS BIGINT) FROM cooccurrence WHERE \"window\" = '{window}'{kinds} GROUP BY ALL";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var label = PeriodLabel(reader.GetString(0), reader.GetString(1), options.Period);
                var (a, b, count) = (reader.GetString(2), reader.GetString(3), checked((int)reader.GetInt64(4)));
                if (a == b)
                    own[(label, a)] = own.GetValueOrDefault((label, a)) + count;
                else
                    pairs[(label, a, b)] = pairs.GetValueOrDefault((label, a, b)) + count;
            }
        }

        var edges = new List<CooccurrenceEdge>();
        foreach (var period in windows.Keys)
        {
            var periodEdges = pairs
                .Where(p => p.Key.Period == period && p.Value >= options.MinCount)
                .Select(p => NewsLens.Cooccurrence.Edge(options.Period is null ? null : period, p.Key.A, p.Key.B, p.Value,
                    own[(period, p.Key.A)], own[(period, p.Key.B)], windows[period]))
                .OrderByDescending(e => e.Value(options.Measure))
                .ThenByDescending(e => e.Count)
                .ThenBy(e => e.A, StringComparer.Ordinal)
                .ThenBy(e => e.B, StringComparer.Ordinal);
            edges.AddRange(options.Top is { } top ? periodEdges.Take(top) : periodEdges);
        }

        return new CooccurrenceTable(options, edges, windows);
    }

    public void Dispose() => connection.Dispose();

    private IEnumerable<(string Year, string Month, long Value)> Rows(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return (reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
    }

    // The label Cooccurrence.Compute gives a period: "" unsliced, "undated", "2024-07", "2024-Q3", "2024".
    private static string PeriodLabel(string year, string month, TimeBucket? bucket)
    {
        if (bucket is null)
            return "";
        if (year == "unknown")
            return "undated";
        var first = new DateOnly(
            int.Parse(year, System.Globalization.CultureInfo.InvariantCulture), int.Parse(month, System.Globalization.CultureInfo.InvariantCulture), 1);
        return TimeBuckets.Label(TimeBuckets.Start(first, bucket.Value), bucket.Value);
    }

    private static string? ReaderFor(string folder)
    {
        // An unpartitioned table (statements) is one file in its folder.
        if (Directory.EnumerateFiles(folder, "*.parquet", SearchOption.TopDirectoryOnly).Any())
            return $"read_parquet('{Path.Combine(folder, "*.parquet").Replace("'", "''")}')";

        var glob = Path.Combine(folder, "*", "*", "part-*").Replace("'", "''");
        var hive = "hive_partitioning = true, hive_types = {'year': VARCHAR, 'month': VARCHAR}";
        var files = Directory.EnumerateFiles(folder, "part-*", SearchOption.AllDirectories).ToArray();
        if (files.Any(f => f.EndsWith(".parquet", StringComparison.Ordinal)))
            return $"read_parquet('{glob}.parquet', {hive}, union_by_name = true)";
        if (files.Any(f => f.EndsWith(".csv", StringComparison.Ordinal)))
            return $"read_csv('{glob}.csv', {hive}, header = true, union_by_name = true)";
        return null;
    }

    private static DataFrame ToDataFrame(DbDataReader reader)
    {
        var columns = new List<DataFrameColumn>();
        var types = new Type[reader.FieldCount];
        for (var i = 0; i < reader.FieldCount; i++)
        {
            types[i] = reader.GetFieldType(i);
            columns.Add(CreateColumn(reader.GetName(i), types[i]));
        }

        while (reader.Read())
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                Append(columns[i], value);
            }
        }

        return new DataFrame(columns);
    }

    private static DataFrameColumn CreateColumn(string name, Type type) => type switch
    {
        _ when type == typeof(bool) => new BooleanDataFrameColumn(name),
        _ when type == typeof(sbyte) || type == typeof(short) || type == typeof(int) || type == typeof(byte) || type == typeof(ushort) =>
            new Int32DataFrameColumn(name),
        _ when type == typeof(long) || type == typeof(uint) || type == typeof(ulong) || type == typeof(BigInteger) => new Int64DataFrameColumn(name),
        _ when type == typeof(float) || type == typeof(double) => new DoubleDataFrameColumn(name),
        _ when type == typeof(decimal) => new DecimalDataFrameColumn(name),
        _ when type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) => new PrimitiveDataFrameColumn<DateTime>(name),
        _ => new StringDataFrameColumn(name),
    };

    private static void Append(DataFrameColumn column, object? value)
    {
        switch (column)
        {
            case StringDataFrameColumn strings:
                strings.Append(value is null ? null : Column.Format(value));
                break;
            case BooleanDataFrameColumn booleans:
                booleans.Append((bool?)value);
                break;
            case Int32DataFrameColumn ints:
                ints.Append(value is null ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case Int64DataFrameColumn longs:
                longs.Append(value switch { null => null, BigInteger big => (long)big, _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) });
                break;
            case DoubleDataFrameColumn doubles:
                doubles.Append(value is null ? null : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case DecimalDataFrameColumn decimals:
                decimals.Append((decimal?)value);
                break;
            case PrimitiveDataFrameColumn<DateTime> dates:
                dates.Append(value switch
                {
                    null => null,
                    DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                    DateTimeOffset o => o.UtcDateTime,
                    _ => (DateTime)value,
                });
                break;
        }
    }
}
