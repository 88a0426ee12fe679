using System.Text;

namespace Polder.Cli;

/// <summary>One CSV record: its fields and the line it starts on (1-based; a quoted field may span lines).</summary>
/// <param name="Line">The physical line the record starts on.</param>
/// <param name="Fields">The unquoted field values.</param>
public sealed record CsvRecord(long Line, IReadOnlyList<string> Fields);

/// <summary>
/// Reads RFC 4180 CSV (UTF-8, strict): fields separated by a delimiter, optionally enclosed in double quotes,
/// <c>""</c> for a quote inside a quoted field, line breaks allowed inside quoted fields, CRLF or LF. Malformed
/// input is an <see cref="InvalidDataException"/> naming the file, line and field: a quote inside an unquoted
/// field, text after a closing quote, a quoted field never closed, or a record whose field count differs
/// from the header's. Empty lines are skipped.
/// </summary>
public static class CsvReader
{
    /// <summary>Yields the records of <paramref name="path"/> (<c>-</c> = stdin), header first.</summary>
    public static IEnumerable<CsvRecord> Read(string path, TextReader stdin, char delimiter = ',')
    {
        string name = path == "-" ? "<stdin>" : path;
        int expected = -1;
        var fields = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false, wasQuoted = false;
        long recordLine = 0, quoteLine = 0;
        foreach (var (line, text) in TextLineReader.ReadLines(path, stdin))
        {
            if (!inQuotes)
            {
                if (text.Length == 0) continue;
                recordLine = line;
                fields.Clear();
                field.Clear();
                wasQuoted = false;
            }
            else field.Append('\n');
            int i = 0;
            while (i <= text.Length)
            {
                if (inQuotes)
                {
                    int q = text.IndexOf('"', i);
                    if (q < 0) { field.Append(text, i, text.Length - i); i = text.Length + 1; break; }
                    field.Append(text, i, q - i);
                    if (q + 1 < text.Length && text[q + 1] == '"') { field.Append('"'); i = q + 2; continue; }
                    inQuotes = false;
                    i = q + 1;
                    if (i < text.Length && text[i] != delimiter)
                        throw new InvalidDataException($"{name}:{line}: field {fields.Count + 1}: unexpected '{text[i]}' after the closing quote (a quote inside a quoted field must be doubled: \"\")");
                    continue;
                }
                if (i == text.Length)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                }
                char c = text[i];
                if (c == delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    i++;
                    if (i == text.Length) { fields.Add(""); break; }
                    continue;
                }
                if (c == '"')
                {
                    if (field.Length > 0 || wasQuoted)
                        throw new InvalidDataException($"{name}:{line}: field {fields.Count + 1}: a quote inside an unquoted field (enclose the field in quotes and double the quote)");
                    inQuotes = true;
                    wasQuoted = true;
                    quoteLine = line;
                    i++;
                    continue;
                }
                field.Append(c);
                i++;
            }
            if (inQuotes) continue;
            if (expected < 0) expected = fields.Count;
            else if (fields.Count != expected)
                throw new InvalidDataException($"{name}:{recordLine}: {fields.Count} fields, but the header has {expected}");
            yield return new CsvRecord(recordLine, fields.ToArray());
        }
        if (inQuotes)
            throw new InvalidDataException($"{name}:{quoteLine}: field {fields.Count + 1}: the quoted field opened here is never closed");
    }

    /// <summary>
    /// Reads the named columns of a CSV with a header: yields (line, values) per record.
    /// An unknown column is a usage error listing the header.
    /// </summary>
    public static IEnumerable<(long Line, string[] Values)> ReadColumns(string path, TextReader stdin, params string[] columns)
    {
        int[]? index = null;
        string name = path == "-" ? "<stdin>" : path;
        foreach (var record in Read(path, stdin))
        {
            if (index is null)
            {
                index = new int[columns.Length];
                for (int k = 0; k < columns.Length; k++)
                {
                    index[k] = IndexOf(record.Fields, columns[k]);
                    if (index[k] < 0)
                        throw new CliUsageException($"{name}: no column '{columns[k]}'; the header has: {string.Join(", ", record.Fields)}");
                }
                continue;
            }
            var values = new string[columns.Length];
            for (int k = 0; k < columns.Length; k++) values[k] = record.Fields[index[k]];
            yield return (record.Line, values);
        }
        if (index is null) throw new InvalidDataException($"{name}: empty file (a CSV header is expected)");
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (int i = 0; i < header.Count; i++) if (header[i] == column) return i;
        for (int i = 0; i < header.Count; i++) if (string.Equals(header[i].Trim(), column, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
