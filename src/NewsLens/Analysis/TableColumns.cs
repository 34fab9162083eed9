using System.Globalization;
using Microsoft.Data.Analysis;
using Parquet;
using Parquet.Schema;

namespace NewsLens;

/// <summary>One column of an output table: its name, Parquet type and how to read the value from a row.</summary>
/// <remarks>The same definition feeds Parquet, CSV and DataFrames, so the three never disagree on names or types.</remarks>
internal abstract class TableColumn<TRow>(string name)
{
    public string Name { get; } = name;

    public abstract DataField Field { get; }

    public abstract ColumnBuffer<TRow> CreateBuffer();

    public abstract DataFrameColumn CreateDataFrameColumn(long length);
}

/// <summary>A growable typed array holding one column's values until they are written.</summary>
internal abstract class ColumnBuffer<TRow>
{
    public abstract void Add(TRow row);

    /// <summary>Approximate managed bytes held, for the writer's memory budget.</summary>
    public abstract long Bytes { get; }

    public abstract Task WriteAsync(ParquetRowGroupWriter writer, DataField field);

    public abstract string FormatCsv(int index);

    public abstract object? Get(int index);

    public abstract void Clear();
}

internal static class Column
{
    public static TableColumn<TRow> String<TRow>(string name, Func<TRow, string?> get) => new StringColumn<TRow>(name, row => get(row)?.AsMemory());

    /// <summary>A text column whose values are slices of longer strings (a sentence of an article's text).</summary>
    public static TableColumn<TRow> Text<TRow>(string name, Func<TRow, ReadOnlyMemory<char>> get) => new StringColumn<TRow>(name, row => get(row));

    public static TableColumn<TRow> Int<TRow>(string name, Func<TRow, int> get) => new ValueColumn<TRow, int>(name, get);

    public static TableColumn<TRow> Long<TRow>(string name, Func<TRow, long> get) => new ValueColumn<TRow, long>(name, get);

    public static TableColumn<TRow> Double<TRow>(string name, Func<TRow, double> get) => new ValueColumn<TRow, double>(name, get);

    public static TableColumn<TRow> NullableInt<TRow>(string name, Func<TRow, int?> get) => new NullableColumn<TRow, int>(name, get);

    public static TableColumn<TRow> NullableDouble<TRow>(string name, Func<TRow, double?> get) => new NullableColumn<TRow, double>(name, get);

    public static TableColumn<TRow> Date<TRow>(string name, Func<TRow, DateOnly?> get) => new NullableColumn<TRow, DateOnly>(name, get);

    internal static string Format(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

internal sealed class StringColumn<TRow>(string name, Func<TRow, ReadOnlyMemory<char>?> get) : TableColumn<TRow>(name)
{
    public override DataField Field { get; } = new DataField<string>(name, nullable: true);

    public override ColumnBuffer<TRow> CreateBuffer() => new Buffer(get);

    public override DataFrameColumn CreateDataFrameColumn(long length) => new StringDataFrameColumn(Name, length);

    // Text is held as slices of strings that exist anyway (an article's text, a catalog name), never copied:
    // a sentence's text costs no allocation until Parquet encodes it.
    private sealed class Buffer(Func<TRow, ReadOnlyMemory<char>?> get) : ColumnBuffer<TRow>
    {
        private ReadOnlyMemory<char>?[] values = new ReadOnlyMemory<char>?[256];
        private int count;
        private long bytes;

        public override long Bytes => bytes;

        public override void Add(TRow row)
        {
            if (count == values.Length)
                Array.Resize(ref values, values.Length * 2);
            var value = get(row);
            values[count++] = value;
            bytes += 24 + (value is { } text ? 2L * text.Length : 0);
        }

        public override Task WriteAsync(ParquetRowGroupWriter writer, DataField field) =>
            writer.WriteAsync<ReadOnlyMemory<char>>(field, new ReadOnlyMemory<ReadOnlyMemory<char>?>(values, 0, count));

        public override string FormatCsv(int index) => values[index]?.ToString() ?? "";

        public override object? Get(int index) => values[index]?.ToString();

        public override void Clear()
        {
            Array.Clear(values, 0, count); // let the texts go
            count = 0;
            bytes = 0;
        }
    }
}

internal sealed class ValueColumn<TRow, T>(string name, Func<TRow, T> get) : TableColumn<TRow>(name)
    where T : unmanaged
{
    public override DataField Field { get; } = new DataField<T>(name, nullable: false);

    public override ColumnBuffer<TRow> CreateBuffer() => new Buffer(get);

    public override DataFrameColumn CreateDataFrameColumn(long length) => DataFrameColumnFor<T>(Name, length);

    internal static DataFrameColumn DataFrameColumnFor<TValue>(string name, long length) => typeof(TValue) switch
    {
        var t when t == typeof(int) => new Int32DataFrameColumn(name, length),
        var t when t == typeof(long) => new Int64DataFrameColumn(name, length),
        var t when t == typeof(double) => new DoubleDataFrameColumn(name, length),
        var t when t == typeof(DateOnly) => new PrimitiveDataFrameColumn<DateTime>(name, length),
        _ => throw new NotSupportedException(typeof(TValue).Name),
    };

    private sealed class Buffer(Func<TRow, T> get) : ColumnBuffer<TRow>
    {
        private T[] values = new T[256];
        private int count;

        public override long Bytes => (long)count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();

        public override void Add(TRow row)
        {
            if (count == values.Length)
                Array.Resize(ref values, values.Length * 2);
            values[count++] = get(row);
        }

        public override Task WriteAsync(ParquetRowGroupWriter writer, DataField field) =>
            writer.WriteAsync<T>(field, new ReadOnlyMemory<T>(values, 0, count));

        public override string FormatCsv(int index) => Column.Format(values[index]);

        public override object? Get(int index) => values[index];

        public override void Clear() => count = 0;
    }
}

internal sealed class NullableColumn<TRow, T>(string name, Func<TRow, T?> get) : TableColumn<TRow>(name)
    where T : struct
{
    public override DataField Field { get; } = new DataField<T?>(name, nullable: true);

    public override ColumnBuffer<TRow> CreateBuffer() => new Buffer(get);

    public override DataFrameColumn CreateDataFrameColumn(long length) => ValueColumn<TRow, int>.DataFrameColumnFor<T>(Name, length);

    private sealed class Buffer(Func<TRow, T?> get) : ColumnBuffer<TRow>
    {
        private T?[] values = new T?[256];
        private int count;

        public override long Bytes => (long)count * (System.Runtime.CompilerServices.Unsafe.SizeOf<T>() + 4);

        public override void Add(TRow row)
        {
            if (count == values.Length)
                Array.Resize(ref values, values.Length * 2);
            values[count++] = get(row);
        }

        public override Task WriteAsync(ParquetRowGroupWriter writer, DataField field) =>
            writer.WriteAsync<T>(field, new ReadOnlyMemory<T?>(values, 0, count));

        public override string FormatCsv(int index) => Column.Format(values[index]);

        public override object? Get(int index) => values[index] switch
        {
            null => null,
            DateOnly date => date.ToDateTime(TimeOnly.MinValue), // DataFrames have no DateOnly column
            var value => value,
        };

        public override void Clear() => count = 0;
    }
}
