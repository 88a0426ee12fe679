namespace Polder.Data;

/// <summary>
/// The one CSV parser of Polder: splits a UTF-8 byte stream into delimited records (RFC 4180 quoting when a quote byte is
/// given), without decoding. <see cref="CsvReader"/> (which throws at the first bad record) and the community reader
/// (which rejects a bad record, counts it and reads on) both parse with it, so malformed input gets the same reason
/// everywhere. A byte order mark at the start is skipped. Memory is bounded by the maximum record length: a longer
/// record is scanned to its end and reported, not kept. Not thread-safe.
/// </summary>
internal sealed class CsvRecordSplitter
{
    private enum State { StartField, Unquoted, Quoted, AfterQuote }

    private readonly Stream _stream;
    private readonly byte[] _buf = new byte[1 << 16];
    private int _pos, _len;
    private readonly byte _delim;
    private readonly int _quote;
    private readonly int _maxRecord, _maxField;
    private byte[] _rec = new byte[4096];
    private readonly List<(int Start, int Length)> _fields = new(32);
    private long _line = 1;

    public CsvRecordSplitter(Stream stream, byte delimiter, int quote, int maxRecordBytes, int maxFieldBytes)
    {
        _stream = stream; _delim = delimiter; _quote = quote; _maxRecord = maxRecordBytes; _maxField = maxFieldBytes;
    }

    /// <summary>Line on which the current record starts (1-based).</summary>
    public long StartLine { get; private set; }
    /// <summary>Number of fields of the current record.</summary>
    public int FieldCount => _fields.Count;
    /// <summary>The raw bytes of field <paramref name="i"/> (unquoted).</summary>
    public ReadOnlySpan<byte> Field(int i) => _rec.AsSpan(_fields[i].Start, _fields[i].Length);
    /// <summary>The first problem of the current record, or null.</summary>
    public string? Error { get; private set; }
    /// <summary>0-based field index of <see cref="Error"/>, or -1 for the whole record.</summary>
    public int ErrorField { get; private set; }
    /// <summary>The 1-based line of <see cref="Error"/> (a record may span lines).</summary>
    public long ErrorLine { get; private set; }

    /// <summary>The reason for a quote inside an unquoted field.</summary>
    public const string QuoteInUnquotedField = "a quote inside an unquoted field (enclose the field in quotes and double the quote)";

    private int _recLen, _fieldStart;
    private bool _overflow;

    private bool _started;

    private bool Fill()
    {
        _len = _stream.Read(_buf, 0, _buf.Length);
        _pos = 0;
        if (!_started && _len > 0)
        {
            _started = true;
            // a byte order mark is not data (a short first read that splits it is not worth handling)
            if (_buf.AsSpan(0, _len).StartsWith("\uFEFF"u8)) _pos = 3;
            if (_pos == _len) return Fill();
        }
        return _len > 0;
    }

    private void SetError(int field, string reason)
    {
        if (Error is not null) return;
        Error = reason; ErrorField = field; ErrorLine = _line;
    }

    private void Append(byte b)
    {
        if (_overflow) return;
        if (_recLen >= _maxRecord)
        {
            _overflow = true;
            SetError(-1, $"record longer than the maximum of {_maxRecord:N0} bytes (rest of the record skipped)");
            return;
        }
        if (_recLen == _rec.Length) Array.Resize(ref _rec, (int)Math.Min((long)_rec.Length * 2, Math.Max(_maxRecord, 16)));
        _rec[_recLen++] = b;
    }

    private void EndField()
    {
        int len = _recLen - _fieldStart;
        if (len > _maxField && Error is null) SetErrorOverride(_fields.Count, $"field longer than the maximum of {_maxField:N0} bytes", StartLine);
        _fields.Add((_fieldStart, len));
        _fieldStart = _recLen;
    }

    /// <summary>Reads the next non-blank record; false at the end of the stream.</summary>
    public bool Next()
    {
        _fields.Clear();
        _recLen = 0; _fieldStart = 0; _overflow = false;
        Error = null; ErrorField = -1; ErrorLine = 0;
        StartLine = _line;
        var st = State.StartField;
        bool any = false;
        long quoteLine = 0;
        while (true)
        {
            if (_pos >= _len && !Fill())
            {
                if (!any) return false;
                if (st == State.Quoted) SetErrorOverride(_fields.Count, $"unterminated quoted field (opened on line {quoteLine}, never closed)", quoteLine);
                if (st is State.Unquoted or State.StartField) StripCr();
                EndField();
                return true;
            }
            // Fast path: copy runs of ordinary bytes in bulk.
            if ((st is State.Unquoted or State.Quoted) && !_overflow)
            {
                var span = _buf.AsSpan(_pos, _len - _pos);
                int stop = st == State.Unquoted
                    ? (_quote >= 0 ? span.IndexOfAny(_delim, (byte)'\n', (byte)_quote) : span.IndexOfAny(_delim, (byte)'\n'))
                    : (_quote >= 0 ? span.IndexOfAny((byte)_quote, (byte)'\n') : span.IndexOf((byte)'\n'));
                int run = stop < 0 ? span.Length : stop;
                if (run > 0)
                {
                    int room = _maxRecord - _recLen;
                    if (run <= room)
                    {
                        EnsureCapacity(_recLen + run);
                        span[..run].CopyTo(_rec.AsSpan(_recLen));
                        _recLen += run;
                        _pos += run;
                        any = true;
                        continue;
                    }
                }
            }
            byte b = _buf[_pos++];
            any = true;
            switch (st)
            {
                case State.StartField:
                    if (b == _quote) { st = State.Quoted; quoteLine = _line; continue; }
                    if (b == _delim) { EndField(); continue; }
                    if (b == '\n')
                    {
                        _line++;
                        StripCr();
                        if (_fields.Count == 0 && _recLen == 0) { StartLine = _line; any = false; continue; } // blank line
                        EndField();
                        return true;
                    }
                    Append(b); st = State.Unquoted; continue;
                case State.Unquoted:
                    if (b == _delim) { EndField(); st = State.StartField; continue; }
                    if (b == '\n')
                    {
                        _line++;
                        StripCr();
                        if (_fields.Count == 0 && _recLen == 0) { StartLine = _line; any = false; st = State.StartField; continue; }
                        EndField();
                        return true;
                    }
                    if (b == _quote) SetError(_fields.Count, QuoteInUnquotedField); // kept as a character; the record is rejected
                    Append(b); continue;
                case State.Quoted:
                    if (b == _quote) { st = State.AfterQuote; continue; }
                    if (b == '\n') _line++;
                    Append(b); continue;
                default: // AfterQuote
                    if (b == _quote) { Append(b); st = State.Quoted; continue; }
                    if (b == _delim) { EndField(); st = State.StartField; continue; }
                    if (b == '\r') continue;
                    if (b == '\n') { _line++; EndField(); return true; }
                    SetError(_fields.Count, $"broken quoting: unexpected '{(b is >= 32 and < 127 ? ((char)b).ToString() : "0x" + b.ToString("X2"))}' after the closing quote (a quote inside a quoted field must be doubled: \"\")");
                    Append(b); st = State.Unquoted; continue;
            }
        }
    }

    private void SetErrorOverride(int field, string reason, long line) { Error = reason; ErrorField = field; ErrorLine = line; }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _rec.Length) return;
        long n = _rec.Length;
        while (n < needed) n *= 2;
        Array.Resize(ref _rec, (int)Math.Min(n, Math.Max(_maxRecord, needed)));
    }

    private void StripCr()
    {
        if (_recLen > _fieldStart && _rec[_recLen - 1] == '\r') _recLen--;
    }
}
