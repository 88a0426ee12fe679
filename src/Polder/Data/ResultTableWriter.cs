using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Polder.Data;

/// <summary>Writes <see cref="ResultTable"/>s as CSV (RFC 4180, invariant culture, NaN/null as empty) or Parquet.</summary>
public static class ResultTableWriter
{
    /// <summary>Writes every table as <c>name.csv</c> and <c>name.parquet</c> into <paramref name="directory"/> (created when missing).</summary>
    public static IReadOnlyList<string> WriteAll(IEnumerable<ResultTable> tables, string directory) => WriteAll(tables, directory, null);

    /// <summary>As <see cref="WriteAll(IEnumerable{ResultTable}, string)"/>, calling <paramref name="afterGroup"/> after each row group (a caller bounds the rows' garbage there).</summary>
    internal static IReadOnlyList<string> WriteAll(IEnumerable<ResultTable> tables, string directory, Action? afterGroup)
    {
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        foreach (var t in tables)
        {
            var csv = Path.Combine(directory, t.Name + ".csv");
            var pq = Path.Combine(directory, t.Name + ".parquet");
            // one pass: a lazy table (a row per post) makes each row once, for both files
            using (var c = File.Create(csv))
            using (var w = new CsvWriter(c))
            using (var q = File.Create(pq))
            using (var parquet = new ParquetTableWriter(t.Columns, q))
            {
                WriteCsvHeader(w, t.Columns);
                WriteGroups(t, parquet, row => WriteCsvRow(w, row), afterGroup);
            }
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
        WriteGroups(table, w, null, null);
    }

    // A table with a row per post is made a row at a time and written a group at a time (an empty table: one empty
    // group); no row outlives its turn, so none reaches an older GC generation.
    private static void WriteGroups(ResultTable table, ParquetTableWriter w, Action<object?[]>? alsoTo, Action? afterGroup)
    {
        int total = table.Rows.Count;
        for (int start = 0; start == 0 || start < total; start += RowGroupSize)
        {
            int n = Math.Min(RowGroupSize, total - start);
            w.EnsureCapacity(n);
            for (int i = 0; i < n; i++)
            {
                var row = table.Rows[start + i];
                alsoTo?.Invoke(row);
                w.Add(row);
            }
            w.Flush();
            afterGroup?.Invoke();
        }
    }

    /// <summary>Writes CSV rows (no header) to <paramref name="w"/>.</summary>
    internal static void WriteCsvRows(CsvWriter w, IEnumerable<object?[]> rows)
    {
        foreach (var row in rows) WriteCsvRow(w, row);
    }

    private static void WriteCsvRow(CsvWriter w, object?[] row)
    {
        for (int i = 0; i < row.Length; i++) w.WriteField(Format(row[i]));
        w.EndRecord();
    }

    /// <summary>Writes the header record of <paramref name="columns"/>.</summary>
    internal static void WriteCsvHeader(CsvWriter w, IReadOnlyList<TableColumn> columns) => w.WriteRecord(columns.Select(c => c.Name));

    /// <summary>
    /// A Parquet file written one row group at a time (an empty file has the schema and no group). The rows of a group
    /// go straight into typed column buffers, reused for every group, so the writer holds no rows. Not thread-safe.
    /// </summary>
    internal sealed class ParquetTableWriter : IDisposable
    {
        private readonly IReadOnlyList<TableColumn> _columns;
        private readonly DataField[] _fields;
        private readonly ParquetWriter _writer;
        // per column, the buffer of its type (the others null)
        private readonly long?[]?[] _integers;
        private readonly double?[]?[] _reals;
        private readonly DateTime?[]?[] _times;
        private readonly string?[]?[] _texts;
        private int _capacity, _count;

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
            int k = columns.Count;
            _integers = new long?[k][]; _reals = new double?[k][]; _times = new DateTime?[k][]; _texts = new string?[k][];
            _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), stream).GetAwaiter().GetResult();
        }

        /// <summary>Writes <paramref name="rows"/> as one row group.</summary>
        public void Write(IReadOnlyList<object?[]> rows)
        {
            EnsureCapacity(rows.Count);
            foreach (var r in rows) Add(r);
            Flush();
        }

        /// <summary>Makes room for <paramref name="rows"/> rows in the current group.</summary>
        public void EnsureCapacity(int rows)
        {
            if (rows <= _capacity) return;
            for (int c = 0; c < _columns.Count; c++)
                switch (_columns[c].Type)
                {
                    case ColumnType.Integer: Array.Resize(ref _integers[c], rows); break;
                    case ColumnType.Real: Array.Resize(ref _reals[c], rows); break;
                    case ColumnType.Time: Array.Resize(ref _times[c], rows); break;
                    default: Array.Resize(ref _texts[c], rows); break;
                }
            _capacity = rows;
        }

        /// <summary>Adds a row to the current group (room made by <see cref="EnsureCapacity"/>).</summary>
        public void Add(object?[] row)
        {
            if (_count == _capacity) EnsureCapacity(Math.Max(16, _capacity * 2));
            int i = _count++;
            for (int c = 0; c < _fields.Length; c++)
            {
                var v = row[c];
                switch (_columns[c].Type)
                {
                    case ColumnType.Integer: _integers[c]![i] = v is not null ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null; break;
                    case ColumnType.Real: _reals[c]![i] = v is double d && !double.IsNaN(d) ? d : null; break;
                    case ColumnType.Time: _times[c]![i] = v is DateTimeOffset t ? t.UtcDateTime : null; break;
                    default: _texts[c]![i] = v is not null ? Format(v) : null; break;
                }
            }
        }

        /// <summary>Writes the rows added since the last flush as one row group (an empty one when none were).</summary>
        public void Flush() => FlushAsync().GetAwaiter().GetResult();

        private async Task FlushAsync()
        {
            int n = _count;
            using (var group = _writer.CreateRowGroup())
            {
                for (int c = 0; c < _fields.Length; c++)
                {
                    switch (_columns[c].Type)
                    {
                        case ColumnType.Integer: await group.WriteAsync<long>(_fields[c], (_integers[c] ?? []).AsMemory(0, n)); break;
                        case ColumnType.Real: await group.WriteAsync<double>(_fields[c], (_reals[c] ?? []).AsMemory(0, n)); break;
                        case ColumnType.Time: await group.WriteAsync<DateTime>(_fields[c], (_times[c] ?? []).AsMemory(0, n)); break;
                        default:
                            await group.WriteAsync(_fields[c], new ArraySegment<string?>(_texts[c] ?? [], 0, n)!);
                            if (n > 0) Array.Clear(_texts[c]!, 0, n); // let the group's strings go
                            break;
                    }
                }
            }
            _count = 0;
        }

        public void Dispose() => _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Rows per Parquet row group (a table with more rows has several groups).</summary>
    public const int RowGroupSize = 1 << 16;
}
