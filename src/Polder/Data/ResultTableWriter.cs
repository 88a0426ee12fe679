using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Polder.Data;

/// <summary>Writes <see cref="ResultTable"/>s as CSV (RFC 4180, invariant culture, NaN/null as empty) or Parquet.</summary>
public static class ResultTableWriter
{
    /// <summary>Writes every table as <c>name.csv</c> and <c>name.parquet</c> into <paramref name="directory"/> (created when missing).</summary>
    public static IReadOnlyList<string> WriteAll(IEnumerable<ResultTable> tables, string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        foreach (var t in tables)
        {
            var csv = Path.Combine(directory, t.Name + ".csv");
            using (var s = File.Create(csv)) WriteCsv(t, s);
            var pq = Path.Combine(directory, t.Name + ".parquet");
            using (var s = File.Create(pq)) WriteParquet(t, s);
            files.Add(csv); files.Add(pq);
        }
        return files;
    }

    /// <summary>Writes <paramref name="table"/> as CSV to <paramref name="stream"/> (left open).</summary>
    public static void WriteCsv(ResultTable table, Stream stream)
    {
        using var w = new CsvWriter(stream);
        WriteCsvHeader(w, table.Columns);
        WriteCsvRows(w, table.Rows);
    }

    private static string Format(object? v) => v switch
    {
        null => "",
        double d when double.IsNaN(d) || double.IsInfinity(d) => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Writes <paramref name="table"/> as a Parquet file in row groups of <see cref="RowGroupSize"/> rows (nullable columns; times as UTC timestamps).</summary>
    public static void WriteParquet(ResultTable table, Stream stream)
    {
        using var w = new ParquetTableWriter(table.Columns, stream);
        int total = table.Rows.Count;
        // a table with a row per post is made and written a group at a time (an empty table: one empty group)
        for (int start = 0; start == 0 || start < total; start += RowGroupSize)
        {
            int n = Math.Min(RowGroupSize, total - start);
            var rows = new object?[n][];
            for (int i = 0; i < n; i++) rows[i] = table.Rows[start + i];
            w.Write(rows);
        }
    }

    /// <summary>Writes CSV rows (no header) to <paramref name="w"/>.</summary>
    internal static void WriteCsvRows(CsvWriter w, IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Length; i++) w.WriteField(Format(row[i]));
            w.EndRecord();
        }
    }

    /// <summary>Writes the header record of <paramref name="columns"/>.</summary>
    internal static void WriteCsvHeader(CsvWriter w, IReadOnlyList<TableColumn> columns) => w.WriteRecord(columns.Select(c => c.Name));

    /// <summary>A Parquet file written one row group at a time (an empty file has the schema and no group). Not thread-safe.</summary>
    internal sealed class ParquetTableWriter : IDisposable
    {
        private readonly IReadOnlyList<TableColumn> _columns;
        private readonly DataField[] _fields;
        private readonly ParquetWriter _writer;

        public ParquetTableWriter(IReadOnlyList<TableColumn> columns, Stream stream)
        {
            _columns = columns;
            _fields = columns.Select(c => c.Type switch
            {
                ColumnType.Integer => (DataField)new DataField<long?>(c.Name),
                ColumnType.Real => new DataField<double?>(c.Name),
                ColumnType.Time => new DataField<DateTime?>(c.Name),
                _ => new DataField<string>(c.Name, true),
            }).ToArray();
            _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), stream).GetAwaiter().GetResult();
        }

        public void Write(IReadOnlyList<object?[]> rows) => WriteAsync(rows).GetAwaiter().GetResult();

        private async Task WriteAsync(IReadOnlyList<object?[]> rows)
        {
            int n = rows.Count;
            using var group = _writer.CreateRowGroup();
            for (int c = 0; c < _fields.Length; c++)
            {
                switch (_columns[c].Type)
                {
                    case ColumnType.Integer:
                    {
                        var a = new long?[n];
                        for (int i = 0; i < n; i++) a[i] = rows[i][c] is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
                        await group.WriteAsync<long>(_fields[c], a.AsMemory());
                        break;
                    }
                    case ColumnType.Real:
                    {
                        var a = new double?[n];
                        for (int i = 0; i < n; i++) a[i] = rows[i][c] is double d && !double.IsNaN(d) ? d : null;
                        await group.WriteAsync<double>(_fields[c], a.AsMemory());
                        break;
                    }
                    case ColumnType.Time:
                    {
                        var a = new DateTime?[n];
                        for (int i = 0; i < n; i++) a[i] = rows[i][c] is DateTimeOffset t ? t.UtcDateTime : null;
                        await group.WriteAsync<DateTime>(_fields[c], a.AsMemory());
                        break;
                    }
                    default:
                    {
                        var a = new string?[n];
                        for (int i = 0; i < n; i++) a[i] = rows[i][c] is { } v ? Format(v) : null;
                        await group.WriteAsync(_fields[c], a);
                        break;
                    }
                }
            }
        }

        public void Dispose() => _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Rows per Parquet row group (a table with more rows has several groups).</summary>
    public const int RowGroupSize = 1 << 16;
}
