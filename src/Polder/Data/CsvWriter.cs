using System.Text;

namespace Polder.Data;

/// <summary>
/// The one CSV writer of the library and the command line (RFC 4180): fields separated by commas, a field holding a
/// comma, quote, CR or LF enclosed in double quotes with inner quotes doubled, records ended by '\n'; UTF-8 without a
/// byte order mark when it opens a stream. Its output is read back unchanged by <see cref="CsvReader"/>. Not thread-safe.
/// </summary>
public sealed class CsvWriter : IDisposable
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",\"\r\n");
    private readonly TextWriter _w;
    private readonly bool _ownsWriter;
    private int _fields;
    private bool _lastEmpty;

    /// <summary>Writes to <paramref name="writer"/>; <paramref name="ownsWriter"/> says whether <see cref="Dispose"/> disposes it.</summary>
    public CsvWriter(TextWriter writer, bool ownsWriter = false)
    {
        _w = writer ?? throw new ArgumentNullException(nameof(writer));
        _ownsWriter = ownsWriter;
    }

    /// <summary>Writes UTF-8 (no byte order mark) to <paramref name="stream"/>, left open unless <paramref name="leaveOpen"/> is false.</summary>
    public CsvWriter(Stream stream, bool leaveOpen = true)
        : this(new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen) { NewLine = "\n" }, ownsWriter: true) { }

    /// <summary>Records ended so far (the header included).</summary>
    public long Records { get; private set; }

    /// <summary><paramref name="field"/> as it stands in a CSV record: quoted when it holds a comma, quote, CR or LF.</summary>
    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field)) return "";
        return field.AsSpan().IndexOfAny(Special) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Writes one field of the current record (null and empty are written as nothing).</summary>
    public void WriteField(string? field)
    {
        if (_fields++ > 0) _w.Write(',');
        _lastEmpty = string.IsNullOrEmpty(field);
        if (string.IsNullOrEmpty(field)) return;
        if (field.AsSpan().IndexOfAny(Special) < 0) { _w.Write(field); return; }
        _w.Write('"');
        _w.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        _w.Write('"');
    }

    /// <summary>Ends the current record.</summary>
    public void EndRecord()
    {
        if (_fields == 1 && _lastEmpty) _w.Write("\"\""); // else a blank line, which readers skip
        _w.Write('\n');
        _fields = 0;
        Records++;
    }

    /// <summary>Writes <paramref name="fields"/> as one record.</summary>
    public void WriteRecord(IEnumerable<string?> fields)
    {
        foreach (var f in fields) WriteField(f);
        EndRecord();
    }

    /// <summary>Flushes the underlying writer.</summary>
    public void Flush() => _w.Flush();

    /// <summary>Flushes, and disposes the underlying writer when this writer owns it.</summary>
    public void Dispose()
    {
        if (_ownsWriter) _w.Dispose(); else _w.Flush();
    }
}
