using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Polder.Data;

/// <summary>
/// The one line reader of text files: lines of a UTF-8 stream, decoded strictly (invalid bytes are never replaced). A
/// bad line is handed to a callback with the characters before the first bad byte, so the caller can name the field
/// (the same "file:line: field 'x': invalid UTF-8" that the community readers give) and throw; without a callback the
/// error names the byte of the line. Used by the edge-list and tweet readers and by the command line's text verbs.
/// </summary>
public static class Utf8Lines
{
    /// <summary>Longest accepted line (a guard against unbounded buffers on a file without newlines).</summary>
    public const int MaxLineBytes = 256 << 20;

    /// <summary>
    /// Yields (1-based line, text) for every line ('\n' or "\r\n"; a BOM on the first is dropped). On invalid UTF-8 calls
    /// <paramref name="invalid"/>(line, valid prefix), which must return the exception to throw.
    /// </summary>
    public static IEnumerable<(long Line, string Text)> Read(Stream stream, string name, Func<long, string, Exception>? invalid = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        invalid ??= (line, prefix) => new Polder.Data.PolderInputException($"invalid UTF-8 at byte {Encoding.UTF8.GetByteCount(prefix) + 1} of the line", name, line);
        var buffer = new byte[1 << 16];
        int start = 0, end = 0;
        long line = 0;
        while (true)
        {
            int nl = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (nl < 0)
            {
                if (start > 0) { Buffer.BlockCopy(buffer, start, buffer, 0, end - start); end -= start; start = 0; }
                if (end == buffer.Length)
                {
                    if (buffer.Length >= MaxLineBytes) throw new Polder.Data.PolderInputException($"line longer than {MaxLineBytes} bytes", name, line + 1);
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxLineBytes));
                }
                int read = stream.Read(buffer, end, buffer.Length - end);
                if (read > 0) { end += read; continue; }
                if (end > start) yield return (++line, Decode(buffer.AsSpan(start, end - start), line, invalid));
                yield break;
            }
            int len = nl - start;
            if (len > 0 && buffer[nl - 1] == '\r') len--;
            yield return (++line, Decode(buffer.AsSpan(start, len), line, invalid));
            start = nl + 1;
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes, long line, Func<long, string, Exception> invalid)
    {
        if (line == 1 && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            Utf8.ToUtf16(bytes, chars, out _, out int written, replaceInvalidSequences: false);
            throw invalid(line, new string(chars, 0, written));
        }
        finally { ArrayPool<char>.Shared.Return(chars); }
    }

    /// <summary>The lines as a <see cref="TextReader"/> (each ended by '\n'), so line-based parsers keep their line numbers.</summary>
    public sealed class Reader(IEnumerable<(long Line, string Text)> lines) : TextReader
    {
        private IEnumerator<(long Line, string Text)>? _lines = lines.GetEnumerator();
        private string _text = "";
        private int _pos = 1; // past the '\n' of the empty "line" before the first

        /// <inheritdoc/>
        public override int Peek() => Available() ? Current() : -1;

        /// <inheritdoc/>
        public override int Read()
        {
            if (!Available()) return -1;
            int c = Current();
            _pos++;
            return c;
        }

        /// <inheritdoc/>
        public override int Read(char[] buffer, int index, int count)
        {
            int n = 0;
            while (n < count && Available())
            {
                if (_pos < _text.Length)
                {
                    int k = Math.Min(count - n, _text.Length - _pos);
                    _text.CopyTo(_pos, buffer, index + n, k);
                    _pos += k;
                    n += k;
                }
                else { buffer[index + n++] = '\n'; _pos++; }
            }
            return n;
        }

        private int Current() => _pos < _text.Length ? _text[_pos] : '\n';

        private bool Available()
        {
            while (_pos > _text.Length)
            {
                if (_lines is null || !_lines.MoveNext()) { Dispose(true); return false; }
                (_, _text) = _lines.Current;
                _pos = 0;
            }
            return true;
        }

        /// <inheritdoc/>
        protected override void Dispose(bool disposing)
        {
            if (disposing) { _lines?.Dispose(); _lines = null; }
            base.Dispose(disposing);
        }
    }
}
