using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Polder.Community.Reading;

/// <summary>
/// Streams posts from a Parquet file one row group at a time (Parquet.Net). Columns are found by the names of the
/// <see cref="PostMapping"/>; string, integer, floating-point, boolean and timestamp columns are accepted (timestamps
/// are read as ISO 8601, so use <see cref="TimeFormat.Iso8601"/> for them). The "line" of an issue is the 1-based row
/// number. Not thread-safe; enumerate <see cref="Read"/> once.
/// </summary>
public sealed class ParquetPostReader
{
    private readonly Stream _stream;
    private readonly PostMapping _mapping;
    private readonly ReadOptions _options;
    private readonly string _source;

    /// <summary>Creates a reader over a seekable <paramref name="stream"/>.</summary>
    public ParquetPostReader(Stream stream, string sourceName, PostMapping mapping, ReadOptions? options = null)
    {
        _stream = stream; _mapping = mapping; _options = options ?? ReadOptions.Default; _source = sourceName;
        Report = new ReadReport(sourceName, _options.MaxIssuesKept);
    }

    /// <summary>The account of the rows read so far.</summary>
    public ReadReport Report { get; }

    /// <summary>Reads the rows, yielding accepted posts.</summary>
    /// <exception cref="CommunityReadException">A mapped column is missing, or fail-fast met a bad row.</exception>
    public IEnumerable<PostRecord> Read()
    {
        var conv = new RowConverter(_mapping, _source, _options.KnownActors);
        var reader = ParquetReader.CreateAsync(_stream, leaveStreamOpen: true).GetAwaiter().GetResult();
        try
        {
        var fields = reader.Schema.GetDataFields();
        var slotField = new DataField[conv.Columns.Length];
        for (int s = 0; s < slotField.Length; s++)
        {
            slotField[s] = fields.FirstOrDefault(f => f.Name == conv.Columns[s])
                ?? throw new CommunityReadException(new ReadIssue(_source, 0, conv.Columns[s],
                    $"missing column '{conv.Columns[s]}' (file has: {string.Join(", ", fields.Select(f => f.Name))})"));
        }
        long row = 0;
        var values = new string?[slotField.Length];
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            string?[][] columns;
            int count;
            using (var rg = reader.OpenRowGroupReader(g))
            {
                count = checked((int)rg.RowCount);
                columns = new string?[slotField.Length][];
                for (int s = 0; s < slotField.Length; s++) columns[s] = ReadColumn(rg, slotField[s], count);
            }
            for (int i = 0; i < count; i++)
            {
                row++;
                for (int s = 0; s < values.Length; s++) values[s] = columns[s][i] ?? "";
                if (conv.TryConvert(values, row, out var rec, out var field, out var reason))
                {
                    Report.Accept();
                    yield return rec;
                }
                else
                {
                    var issue = new ReadIssue(_source, row, field, reason);
                    Report.Reject(issue);
                    if (_options.Policy == ReadPolicy.FailFast) throw new CommunityReadException(issue);
                }
            }
        }
        }
        finally { reader.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    private string?[] ReadColumn(ParquetRowGroupReader rg, DataField field, int count)
    {
        var t = field.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>) || t == typeof(ReadOnlyMemory<byte>))
        {
            var buf = new string?[count];
            rg.ReadAsync(field, buf.AsMemory()).AsTask().GetAwaiter().GetResult();
            return buf;
        }
        if (t == typeof(long)) return Values<long>(rg, field, count, v => v.ToString(CultureInfo.InvariantCulture));
        if (t == typeof(int)) return Values<int>(rg, field, count, v => v.ToString(CultureInfo.InvariantCulture));
        if (t == typeof(short)) return Values<short>(rg, field, count, v => v.ToString(CultureInfo.InvariantCulture));
        if (t == typeof(double)) return Values<double>(rg, field, count, v => v.ToString("R", CultureInfo.InvariantCulture));
        if (t == typeof(float)) return Values<float>(rg, field, count, v => v.ToString("R", CultureInfo.InvariantCulture));
        if (t == typeof(bool)) return Values<bool>(rg, field, count, v => v ? "true" : "false");
        if (t == typeof(DateTime)) return Values<DateTime>(rg, field, count, v => DateTime.SpecifyKind(v, DateTimeKind.Utc).ToString("o", CultureInfo.InvariantCulture));
        if (t == typeof(DateTimeOffset)) return Values<DateTimeOffset>(rg, field, count, v => v.ToString("o", CultureInfo.InvariantCulture));
        throw new CommunityReadException(new ReadIssue(_source, 0, field.Name, $"unsupported column type {t.Name}"));
    }

    private static string?[] Values<T>(ParquetRowGroupReader rg, DataField field, int count, Func<T, string> format) where T : struct
    {
        var result = new string?[count];
        if (field.IsNullable)
        {
            var buf = new T?[count];
            rg.ReadAsync<T>(field, buf.AsMemory()).AsTask().GetAwaiter().GetResult();
            for (int i = 0; i < count; i++) result[i] = buf[i] is { } v ? format(v) : null;
        }
        else
        {
            var buf = new T[count];
            rg.ReadAsync<T>(field, buf.AsMemory()).AsTask().GetAwaiter().GetResult();
            for (int i = 0; i < count; i++) result[i] = format(buf[i]);
        }
        return result;
    }
}
