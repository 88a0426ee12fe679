using Polder.Data;

namespace Polder.Cli;

/// <summary>
/// CSV input of the verbs: a file or stdin (<c>-</c>), decoded strictly as UTF-8 line by line by
/// <see cref="TextLineReader"/> (invalid UTF-8 is an error naming the file, line and byte) and parsed by the library's
/// <see cref="CsvReader"/>, whose errors name the file (or <c>&lt;stdin&gt;</c>), line and field.
/// </summary>
public static class CsvInput
{
    /// <summary>Opens <paramref name="path"/> (<c>-</c> = <paramref name="stdin"/>) as CSV; a missing file is a usage error on the first read.</summary>
    public static CsvReader Open(string path, TextReader stdin, char delimiter = ',') =>
        new(new LinesReader(TextLineReader.ReadLines(path, stdin)), delimiter, path == "-" ? "<stdin>" : path);

    /// <summary>
    /// Reads the named columns of a CSV with a header: yields (line, values) per record. A column is matched exactly,
    /// else trimmed and ignoring case; an unknown column is a usage error listing the header.
    /// </summary>
    public static IEnumerable<(long Line, string[] Values)> ReadColumns(string path, TextReader stdin, params string[] columns)
    {
        using var csv = Open(path, stdin);
        var header = csv.Read() ?? throw new InvalidDataException($"{csv.Source}: empty file (a CSV header is expected)");
        var index = new int[columns.Length];
        for (int k = 0; k < columns.Length; k++)
        {
            index[k] = IndexOf(header, columns[k]);
            if (index[k] < 0)
                throw new CliUsageException($"{csv.Source}: no column '{columns[k]}'; the header has: {string.Join(", ", header)}");
        }
        string[]? record;
        while ((record = csv.Read()) is not null)
        {
            var values = new string[columns.Length];
            for (int k = 0; k < columns.Length; k++) values[k] = record[index[k]];
            yield return (csv.LineNumber, values);
        }
    }

    private static int IndexOf(string[] header, string column)
    {
        int i = Array.IndexOf(header, column);
        return i >= 0 ? i : Array.FindIndex(header, h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The lines of <see cref="TextLineReader"/> as text again, each ended by LF, so line numbers carry over.</summary>
    private sealed class LinesReader(IEnumerable<(long Line, string Text)> lines) : TextReader
    {
        private IEnumerator<(long Line, string Text)>? _lines = lines.GetEnumerator();
        private string _text = "";
        private int _pos = 1; // past the LF of the empty "line" before the first

        public override int Peek() => Available() ? Current() : -1;

        public override int Read()
        {
            if (!Available()) return -1;
            int c = Current();
            _pos++;
            return c;
        }

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

        protected override void Dispose(bool disposing)
        {
            if (disposing) { _lines?.Dispose(); _lines = null; }
            base.Dispose(disposing);
        }
    }
}
