using System.Text;

namespace Polder.Data;

/// <summary>
/// The RFC 4180 reader of the library and the command line: fields separated by a delimiter (comma, or another such as
/// tab or semicolon), optionally enclosed in double quotes, <c>""</c> for a quote inside a quoted field, line breaks
/// allowed inside quoted fields, CRLF or LF between records. Streams records; never loads the whole input.
/// </summary>
/// <remarks>
/// <para>Strict: malformed input is an <see cref="InvalidDataException"/> naming the source, the 1-based line and the
/// field: a quote inside an unquoted field, text after a closing quote, a quoted field never closed, or a record whose
/// field count differs from the first record's (the header). Short records are never padded.</para>
/// <para>Blank lines between records are skipped (a one-column record holding an empty value is written <c>""</c>).
/// A byte order mark at the start is not data. A lone CR outside quotes is an ordinary character: lines are counted
/// at LF, as editors and <c>grep -n</c> do.</para>
/// <para>Formats without quoting, such as tab-separated files whose text holds bare quotes, pass <c>quote: null</c>:
/// every character between delimiters is then data.</para>
/// </remarks>
public sealed class CsvReader : IDisposable
{
    private const int NoQuote = -2; // never equal to a character or to the end of input (-1)

    private readonly TextReader _reader;
    private readonly char _separator;
    private readonly int _quote;
    private readonly char[] _buffer = new char[1 << 14];
    private int _pos, _len;
    private bool _started, _ended;
    private readonly StringBuilder _field = new();
    private readonly List<string> _record = [];
    private long _line = 1;
    private int _expected = -1;

    /// <summary>
    /// Reads from <paramref name="reader"/>, fields separated by <paramref name="separator"/>.
    /// </summary>
    /// <param name="reader">The input; disposed with this reader.</param>
    /// <param name="separator">The field delimiter.</param>
    /// <param name="source">
    /// Names the input in errors, e.g. a file path or <c>&lt;stdin&gt;</c>; by default the file of a
    /// <see cref="StreamReader"/> over a <see cref="FileStream"/>, else <c>&lt;input&gt;</c>.
    /// </param>
    /// <param name="quote">The quote character; null for a format without quoting.</param>
    public CsvReader(TextReader reader, char separator = ',', string? source = null, char? quote = '"')
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        if (quote == separator) throw new ArgumentException("the quote character cannot be the separator", nameof(quote));
        _separator = separator;
        _quote = quote ?? NoQuote;
        Source = source ?? (reader is StreamReader { BaseStream: FileStream fs } ? fs.Name : "<input>");
    }

    /// <summary>Opens <paramref name="path"/> (UTF-8, or the encoding its byte order mark names); errors name the path.</summary>
    public static CsvReader OpenFile(string path, char separator = ',', char? quote = '"') =>
        new(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), separator, path, quote);

    /// <summary>How errors name the input: a file path, <c>&lt;stdin&gt;</c> or <c>&lt;input&gt;</c>.</summary>
    public string Source { get; }

    /// <summary>The 1-based physical line where the last record returned by <see cref="Read"/> began.</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// Reads the next record; null at the end of the input. The first record fixes the field count every later
    /// record must have.
    /// </summary>
    /// <exception cref="InvalidDataException">Malformed input, naming <see cref="Source"/>, the line and the field.</exception>
    public string[]? Read()
    {
        int c;
        while (true) // skip blank lines
        {
            c = Next();
            if (c < 0) return null;
            if (c == '\n') { _line++; continue; }
            if (c == '\r' && Peek() == '\n') { _pos++; _line++; continue; }
            break;
        }
        LineNumber = _line;
        _record.Clear();
        while (true) // one field per pass; c is its first character
        {
            _field.Clear();
            if (c == _quote)
            {
                long quoteLine = _line;
                while (true)
                {
                    c = Next();
                    if (c < 0) throw Error(quoteLine, $"field {_record.Count + 1}: the quoted field opened here is never closed");
                    if (c == _quote)
                    {
                        if (Peek() != _quote) break;
                        _pos++;
                    }
                    else if (c == '\n') _line++;
                    _field.Append((char)c);
                }
                c = Next();
                if (!EndsField(c))
                    throw Error(_line, $"field {_record.Count + 1}: unexpected '{Printable(c)}' after the closing quote (a quote inside a quoted field must be doubled: \"\")");
            }
            else
            {
                while (!EndsField(c))
                {
                    if (c == _quote)
                        throw Error(_line, $"field {_record.Count + 1}: a quote inside an unquoted field (enclose the field in quotes and double the quote)");
                    _field.Append((char)c);
                    c = Next();
                }
            }
            _record.Add(_field.ToString());
            if (c != _separator) break;
            c = Next();
        }
        if (c == '\r') _pos++; // the LF of CRLF
        if (c >= 0) _line++;
        if (_expected < 0) _expected = _record.Count;
        else if (_record.Count != _expected)
            throw Error(LineNumber, $"{_record.Count} fields, but the header has {_expected}");
        return [.. _record];
    }

    /// <summary>
    /// Reads the header row and returns each column's index by its name (trimmed, a byte order mark dropped; a repeated
    /// name keeps its first column). Call it before the first <see cref="Read"/> of data.
    /// </summary>
    /// <param name="required">Columns that must be there.</param>
    /// <exception cref="InvalidDataException">An empty input, or a required column missing (naming the source and line 1).</exception>
    public Dictionary<string, int> ReadHeader(params string[] required)
    {
        var header = Read() ?? throw new InvalidDataException($"{Source}: empty file (a CSV header is expected)");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++) index.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        foreach (var name in required)
            if (!index.ContainsKey(name)) throw Error(1, $"column {name} is missing (header: {string.Join(", ", header)})");
        return index;
    }

    /// <summary>
    /// The records after the header row as dictionaries keyed by column name (a repeated name keeps its last column).
    /// An empty input is an <see cref="InvalidDataException"/>.
    /// </summary>
    public IEnumerable<IReadOnlyDictionary<string, string>> ReadWithHeader()
    {
        var header = Read() ?? throw new InvalidDataException($"{Source}: empty file (a CSV header is expected)");
        string[]? record;
        while ((record = Read()) is not null)
        {
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++) row[header[i]] = record[i];
            yield return row;
        }
    }

    /// <summary>
    /// Every record of <paramref name="reader"/>, the header included, without disposing the reader; see
    /// <see cref="CsvReader(TextReader, char, string?, char?)"/> for the parameters.
    /// </summary>
    public static IEnumerable<string[]> ReadRecords(TextReader reader, char separator = ',', string? source = null, char? quote = '"')
    {
        var csv = new CsvReader(reader, separator, source, quote);
        string[]? record;
        while ((record = csv.Read()) is not null) yield return record;
    }

    /// <summary>All records of <paramref name="path"/> after the header, as dictionaries keyed by column name.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadFileWithHeader(string path, char separator = ',')
    {
        using var reader = OpenFile(path, separator);
        foreach (var row in reader.ReadWithHeader()) yield return row;
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    private bool EndsField(int c) => c < 0 || c == _separator || c == '\n' || (c == '\r' && Peek() == '\n');

    private InvalidDataException Error(long line, string message) => new($"{Source}:{line}: {message}");

    private static string Printable(int c) => c switch { '\r' => "\\r", '\t' => "\\t", _ => ((char)c).ToString() };

    private int Next()
    {
        if (_pos == _len && !Fill()) return -1;
        return _buffer[_pos++];
    }

    private int Peek()
    {
        if (_pos == _len && !Fill()) return -1;
        return _buffer[_pos];
    }

    // Reads blocks itself rather than relying on TextReader.Peek, which can report the end early on pipes.
    private bool Fill()
    {
        if (_ended) return false;
        _pos = 0;
        _len = _reader.Read(_buffer, 0, _buffer.Length);
        if (_len == 0) { _ended = true; return false; }
        if (!_started)
        {
            _started = true;
            if (_buffer[0] == '\uFEFF') _pos = 1;
            if (_pos == _len) return Fill();
        }
        return true;
    }
}
