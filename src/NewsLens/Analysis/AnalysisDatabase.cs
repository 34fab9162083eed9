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

    public void Dispose() => connection.Dispose();

    private static string? ReaderFor(string folder)
    {
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
