using System.Globalization;
using Polder.Data;

namespace Polder.Prediction.Opinion;

/// <summary>
/// The CSV dialect of per-wave survey files: <c>;</c>-separated with a decimal comma as Dutch open data publishes it, or
/// <c>,</c>-separated as a spreadsheet re-saves it; the header decides which.
/// </summary>
internal static class WaveCsv
{
    /// <summary>Opens <paramref name="stream"/> (left open) positioned at its header, with the separator under which the
    /// header has a column <paramref name="column"/> (<c>;</c>, else <c>,</c>).</summary>
    public static CsvReader Open(Stream stream, string source, string column, out char separator)
    {
        var text = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        string first = text.ReadLine() ?? throw new InvalidDataException($"{source}: empty file (a header row is expected)");
        separator = first.Split(';').Any(h => h.Trim().TrimStart('\uFEFF') == column) ? ';' : ',';
        return new CsvReader(new PrefixedReader(first, text), separator, source);
    }

    /// <summary>Parses a finite number, reading a comma as the decimal mark when the separator is <c>;</c>.</summary>
    public static bool TryParseNumber(string raw, char separator, out double value) =>
        double.TryParse(separator == ';' ? raw.Trim().Replace(',', '.') : raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    // Hands the CSV reader the already-read header line, then the rest of the file, so line numbers stay true.
    private sealed class PrefixedReader(string firstLine, TextReader rest) : TextReader
    {
        private StringReader? _first = new(firstLine + "\n");

        public override int Read()
        {
            if (_first is not null) { int c = _first.Read(); if (c >= 0) return c; _first = null; }
            return rest.Read();
        }

        public override int Peek()
        {
            if (_first is not null) { int c = _first.Peek(); if (c >= 0) return c; _first = null; }
            return rest.Peek();
        }

        public override int Read(char[] buffer, int index, int count)
        {
            if (_first is not null) { int n = _first.Read(buffer, index, count); if (n > 0) return n; _first = null; }
            return rest.Read(buffer, index, count);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }
}
