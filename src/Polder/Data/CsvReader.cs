using System.Text;
using System.Text.Unicode;

namespace Polder.Data;

/// <summary>
/// The RFC 4180 reader of the library and the command line: fields separated by a delimiter (comma, or another such as
/// tab or semicolon), optionally enclosed in double quotes, <c>""</c> for a quote inside a quoted field, line breaks
/// allowed inside quoted fields, CRLF or LF between records. Streams records; never loads the whole input. It parses
/// with <see cref="CsvRecordSplitter"/>, the same splitter the community reader uses, so both give the same errors.
/// </summary>
/// <remarks>
/// <para>Strict: malformed input is an <see cref="InvalidDataException"/> naming the source, the 1-based line and the
/// field: a quote inside an unquoted field, text after a closing quote, a quoted field never closed, invalid UTF-8 (from
/// a file or stream: the bytes are checked, never replaced), a record or field over the size limit, or a record whose
/// field count differs from the first record's (the header). Short records are never padded.</para>
/// <para>Blank lines between records are skipped (a one-column record holding an empty value is written <c>""</c>).
/// A byte order mark at the start is not data. A lone CR outside quotes is an ordinary character: lines are counted
/// at LF, as editors and <c>grep -n</c> do.</para>
/// <para>Formats without quoting, such as tab-separated files whose text holds bare quotes, pass <c>quote: null</c>:
/// every character between delimiters is then data.</para>
/// <para>Why not Sep or CsvHelper (both measured in benchmarks/Polder.Benchmarks/CsvReaderBenchmarks.cs on the reddit
/// CSV, 4.5 MB, every field as a string; one ShortRun on a loaded 2-core machine): this reader 28.3 ms, Sep 23.2 ms
/// (0.82x), CsvHelper 16.1 ms (0.57x). Sep 0.18 accepts malformed quoting and invalid UTF-8 without a word; CsvHelper 34
/// rejects malformed quoting but replaces invalid UTF-8 and names records by number rather than file, line and field.
/// Neither is as strict, so the library keeps its own (at most 1.8x slower, a few ms per MB).</para>
/// <para>Not thread-safe: one reader per input.</para>
/// </remarks>
public sealed class CsvReader : IDisposable
{
    /// <summary>The longest record (and field) accepted, in UTF-8 bytes: a longer one is an error, not an unbounded allocation.</summary>
    public const int MaxRecordBytes = 64 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly CsvRecordSplitter _split;
    private int _expected = -1;

    /// <summary>
    /// Reads from <paramref name="reader"/>, fields separated by <paramref name="separator"/>.
    /// </summary>
    /// <param name="reader">The input; disposed with this reader.</param>
    /// <param name="separator">The field delimiter (an ASCII character).</param>
    /// <param name="source">
    /// Names the input in errors, e.g. a file path or <c>&lt;stdin&gt;</c>; by default the file of a
    /// <see cref="StreamReader"/> over a <see cref="FileStream"/>, else <c>&lt;input&gt;</c>.
    /// </param>
    /// <param name="quote">The quote character (ASCII); null for a format without quoting.</param>
    public CsvReader(TextReader reader, char separator = ',', string? source = null, char? quote = '"')
        : this(new TextReaderStream(reader ?? throw new ArgumentNullException(nameof(reader))), separator,
            source ?? (reader is StreamReader { BaseStream: FileStream fs } ? fs.Name : "<input>"), quote)
    {
    }

    /// <summary>Reads UTF-8 bytes from <paramref name="stream"/> (disposed with this reader), checking them strictly.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="separator">The field delimiter (an ASCII character).</param>
    /// <param name="source">Names the input in errors.</param>
    /// <param name="quote">The quote character (ASCII); null for a format without quoting.</param>
    public CsvReader(Stream stream, char separator, string source, char? quote = '"')
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        if (quote == separator) throw new ArgumentException("the quote character cannot be the separator", nameof(quote));
        if (separator > 127) throw new ArgumentException("the separator must be an ASCII character", nameof(separator));
        if (quote > 127) throw new ArgumentException("the quote must be an ASCII character", nameof(quote));
        Source = source;
        _split = new CsvRecordSplitter(stream, (byte)separator, quote is { } q ? (byte)q : -1, MaxRecordBytes, MaxRecordBytes);
    }

    /// <summary>Opens <paramref name="path"/> as UTF-8 (invalid bytes are an error naming the line and field); errors name the path.</summary>
    public static CsvReader OpenFile(string path, char separator = ',', char? quote = '"') =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), separator, path, quote);

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
        if (!_split.Next()) return null;
        LineNumber = _split.StartLine;
        if (_split.Error is { } error)
            throw Error(_split.ErrorLine, _split.ErrorField >= 0 ? $"field {_split.ErrorField + 1}: {error}" : error);
        var record = new string[_split.FieldCount];
        for (int i = 0; i < record.Length; i++)
        {
            var f = _split.Field(i);
            if (!Utf8.IsValid(f)) throw Error(LineNumber, $"field {i + 1}: invalid UTF-8");
            record[i] = f.IsEmpty ? "" : Encoding.UTF8.GetString(f);
        }
        if (_expected < 0) _expected = record.Length;
        else if (record.Length != _expected)
            throw Error(LineNumber, $"{record.Length} fields, but the header has {_expected}");
        return record;
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
    public void Dispose() => _stream.Dispose();

    private InvalidDataException Error(long line, string message) => new($"{Source}:{line}: {message}");

    /// <summary>The UTF-8 bytes of a text reader, for the byte-level splitter (the reader's text is already decoded).</summary>
    private sealed class TextReaderStream(TextReader reader) : Stream
    {
        private readonly char[] _chars = new char[1 << 13];
        private readonly byte[] _bytes = new byte[(1 << 13) * 3 + 8];
        private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
        private int _pos, _len;
        private bool _done;

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_pos == _len)
            {
                if (_done) return 0;
                int n = reader.Read(_chars, 0, _chars.Length);
                _done = n == 0;
                _len = _encoder.GetBytes(_chars, 0, n, _bytes, 0, flush: _done);
                _pos = 0;
            }
            int k = Math.Min(count, _len - _pos);
            Array.Copy(_bytes, _pos, buffer, offset, k);
            _pos += k;
            return k;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) reader.Dispose();
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
