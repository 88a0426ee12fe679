using System.Text;

namespace Polder.Data;

/// <summary>
/// A small RFC 4180 reader: comma (or another) separated fields, double-quoted fields with doubled quotes,
/// line breaks inside quoted fields, CRLF or LF records. Streams records; never loads the whole file.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char _separator;
    private readonly StringBuilder _field = new();
    private readonly List<string> _record = [];

    /// <summary>Reads from <paramref name="reader"/>, fields separated by <paramref name="separator"/>.</summary>
    public CsvReader(TextReader reader, char separator = ',')
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _separator = separator;
    }

    /// <summary>The 1-based physical line where the last record returned by <see cref="Read"/> began.</summary>
    public int LineNumber { get; private set; }

    private int _line = 1;

    /// <summary>Reads the next record; null at the end of the input. A blank line is a record with one empty field.</summary>
    public string[]? Read()
    {
        int c = _reader.Read();
        if (c < 0) return null;
        LineNumber = _line;
        _record.Clear();
        _field.Clear();
        bool quoted = false, wasQuoted = false;
        while (true)
        {
            if (c < 0)
            {
                if (quoted) throw new InvalidDataException($"CSV: unterminated quoted field starting in record at line {LineNumber}");
                _record.Add(_field.ToString());
                return [.. _record];
            }
            char ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (_reader.Peek() == '"') { _reader.Read(); _field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') _line++;
                    _field.Append(ch);
                }
            }
            else if (ch == '"' && _field.Length == 0 && !wasQuoted)
            {
                quoted = wasQuoted = true;
            }
            else if (ch == _separator)
            {
                _record.Add(_field.ToString());
                _field.Clear();
                wasQuoted = false;
            }
            else if (ch == '\r' || ch == '\n')
            {
                if (ch == '\r' && _reader.Peek() == '\n') _reader.Read();
                _line++;
                _record.Add(_field.ToString());
                return [.. _record];
            }
            else
            {
                _field.Append(ch);
            }
            c = _reader.Read();
        }
    }

    /// <summary>
    /// Every record of <paramref name="reader"/>, the header included, without disposing the reader. An unterminated
    /// quoted field is an <see cref="InvalidDataException"/>.
    /// </summary>
    public static IEnumerable<string[]> ReadRecords(TextReader reader, char separator = ',')
    {
        var csv = new CsvReader(reader, separator);
        string[]? record;
        while ((record = csv.Read()) is not null) yield return record;
    }

    /// <summary>All records of <paramref name="path"/> (UTF-8) after the header, as dictionaries keyed by column name.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadFileWithHeader(string path, char separator = ',')
    {
        using var reader = new CsvReader(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), separator);
        foreach (var row in reader.ReadWithHeader()) yield return row;
    }

    /// <summary>The records after the header row as dictionaries keyed by column name; short records get empty fields.</summary>
    public IEnumerable<IReadOnlyDictionary<string, string>> ReadWithHeader()
    {
        var header = Read() ?? throw new InvalidDataException("CSV: the file is empty (no header row)");
        string[]? record;
        while ((record = Read()) is not null)
        {
            if (record.Length == 1 && record[0].Length == 0) continue; // blank line
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++) row[header[i]] = i < record.Length ? record[i] : "";
            yield return row;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();
}
