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
        w.WriteRecord(table.Columns.Select(c => c.Name));
        foreach (var row in table.Rows)
        {
            for (int i = 0; i < row.Length; i++) w.WriteField(Format(row[i]));
            w.EndRecord();
        }
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

    /// <summary>Writes <paramref name="table"/> as a one-row-group Parquet file (nullable columns; times as UTC timestamps).</summary>
    public static void WriteParquet(ResultTable table, Stream stream) => WriteParquetAsync(table, stream).GetAwaiter().GetResult();

    private static async Task WriteParquetAsync(ResultTable table, Stream stream)
    {
        var fields = table.Columns.Select(c => c.Type switch
        {
            ColumnType.Integer => (DataField)new DataField<long?>(c.Name),
            ColumnType.Real => new DataField<double?>(c.Name),
            ColumnType.Time => new DataField<DateTime?>(c.Name),
            _ => new DataField<string>(c.Name, true),
        }).ToArray();
        var schema = new ParquetSchema(fields);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        int n = table.Rows.Count;
        for (int c = 0; c < fields.Length; c++)
        {
            switch (table.Columns[c].Type)
            {
                case ColumnType.Integer:
                {
                    var a = new long?[n];
                    for (int i = 0; i < n; i++) a[i] = table.Rows[i][c] is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
                    await group.WriteAsync<long>(fields[c], a.AsMemory());
                    break;
                }
                case ColumnType.Real:
                {
                    var a = new double?[n];
                    for (int i = 0; i < n; i++) a[i] = table.Rows[i][c] is double d && !double.IsNaN(d) ? d : null;
                    await group.WriteAsync<double>(fields[c], a.AsMemory());
                    break;
                }
                case ColumnType.Time:
                {
                    var a = new DateTime?[n];
                    for (int i = 0; i < n; i++) a[i] = table.Rows[i][c] is DateTimeOffset t ? t.UtcDateTime : null;
                    await group.WriteAsync<DateTime>(fields[c], a.AsMemory());
                    break;
                }
                default:
                {
                    var a = new string?[n];
                    for (int i = 0; i < n; i++) a[i] = table.Rows[i][c] is { } v ? Format(v) : null;
                    await group.WriteAsync(fields[c], a);
                    break;
                }
            }
        }
    }
}
