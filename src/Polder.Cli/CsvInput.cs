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
        new(new Polder.Data.Utf8Lines.Reader(TextLineReader.ReadLines(path, stdin)), delimiter, path == "-" ? "<stdin>" : path);

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
}
