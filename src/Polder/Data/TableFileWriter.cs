namespace Polder.Data;

/// <summary>
/// Writes one table as <c>name.csv</c> and <c>name.parquet</c> a batch of rows at a time (each batch one Parquet row
/// group), for tables too large to hold: the posts table of a streamed analysis. Same formats as
/// <see cref="ResultTableWriter"/>. Not thread-safe.
/// </summary>
public sealed class TableFileWriter : IDisposable
{
    private readonly IReadOnlyList<TableColumn> _columns;
    private readonly CsvWriter _csv;
    private readonly Stream _parquetStream;
    private readonly ResultTableWriter.ParquetTableWriter _parquet;
    private bool _any;

    /// <summary>Creates (or replaces) the two files in <paramref name="directory"/> (created when missing).</summary>
    public TableFileWriter(string directory, string name, IReadOnlyList<TableColumn> columns)
    {
        Directory.CreateDirectory(directory);
        _columns = columns;
        CsvPath = Path.Combine(directory, name + ".csv");
        ParquetPath = Path.Combine(directory, name + ".parquet");
        _csv = new CsvWriter(File.Create(CsvPath), leaveOpen: false);
        ResultTableWriter.WriteCsvHeader(_csv, columns);
        _parquetStream = File.Create(ParquetPath);
        _parquet = new ResultTableWriter.ParquetTableWriter(columns, _parquetStream);
    }

    /// <summary>The CSV file.</summary>
    public string CsvPath { get; }

    /// <summary>The Parquet file.</summary>
    public string ParquetPath { get; }

    /// <summary>Rows written.</summary>
    public long Rows { get; private set; }

    /// <summary>Appends a batch of rows (one value per column each).</summary>
    public void Write(IReadOnlyList<object?[]> rows)
    {
        foreach (var r in rows)
            if (r.Length != _columns.Count) throw new ArgumentException($"a row has {r.Length} values for {_columns.Count} columns", nameof(rows));
        if (rows.Count == 0) return;
        ResultTableWriter.WriteCsvRows(_csv, rows);
        _parquet.Write(rows);
        Rows += rows.Count;
        _any = true;
    }

    /// <summary>Finishes both files.</summary>
    public void Dispose()
    {
        if (!_any) _parquet.Write([]);
        _parquet.Dispose();
        _parquetStream.Dispose();
        _csv.Dispose();
    }
}
