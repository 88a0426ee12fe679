using Polder.Data;

namespace Polder.Cli.Commands;

/// <summary>The labelled texts read for a topic verb, and what happened to every other row.</summary>
/// <param name="Texts">Texts of the rows used.</param>
/// <param name="Labels">Their labels.</param>
/// <param name="RowsRead">Data rows in the file (header excluded).</param>
/// <param name="EmptyLabel">Rows left out because their label is empty.</param>
/// <param name="FilteredOut">Rows left out by <c>--where</c>.</param>
/// <param name="Periods">With <c>--time-column</c>: the month (<c>yyyy-MM</c>) of each text; otherwise null.</param>
public sealed record TopicRows(List<string> Texts, List<string> Labels, int RowsRead, int EmptyLabel, int FilteredOut, List<string>? Periods = null)
{
    /// <summary>One line accounting for every row, e.g. "3106 rows: 2352 used, 754 without a label".</summary>
    public string Accounting() => $"{RowsRead} rows: {Texts.Count} used, {EmptyLabel} without a label"
        + (FilteredOut > 0 ? $", {FilteredOut} left out by --where" : "");
}

/// <summary>Reads labelled texts from a CSV for the topic verbs: <c>--data</c>, <c>--text-column</c>, <c>--label-column</c>, <c>--where</c>.</summary>
public static class TopicData
{
    /// <summary>
    /// Texts and labels of the rows that have a non-empty label and pass every <c>--where COLUMN&lt;VALUE</c>
    /// filter (operators <c>&lt; &lt;= &gt; &gt;= = !=</c>, ordinal string comparison; e.g. <c>--where "depotdat&lt;2017-05"</c>).
    /// </summary>
    public static TopicRows Read(CliArguments args)
    {
        var path = args.Required("data");
        var textColumn = args.Required("text-column");
        var labelColumn = args.Required("label-column");
        var where = args.Option("where");
        var timeColumn = args.Option("time-column");
        var periods = timeColumn is null ? null : new List<string>();
        Func<IReadOnlyDictionary<string, string>, bool> filter = _ => true;
        if (where is not null)
        {
            var parts = where.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseCondition).ToArray();
            filter = row => parts.All(p => p(row));
        }
        InputFile.Require(path);
        var texts = new List<string>();
        var labels = new List<string>();
        bool checkedColumns = false;
        int read = 0, empty = 0, filtered = 0;
        using var csv = CsvInput.Open(path, TextReader.Null); // strict UTF-8: a bad byte is an error naming file and line
        foreach (var row in csv.ReadWithHeader())
        {
            if (!checkedColumns)
            {
                foreach (var c in timeColumn is null ? new[] { textColumn, labelColumn } : [textColumn, labelColumn, timeColumn])
                    if (!row.ContainsKey(c)) throw new CliUsageException($"column '{c}' not in {path} (columns: {string.Join(", ", row.Keys)})");
                checkedColumns = true;
            }
            read++;
            var label = row[labelColumn].Trim();
            if (label.Length == 0) { empty++; continue; }
            if (!filter(row)) { filtered++; continue; }
            if (periods is not null) periods.Add(MonthOf(row[timeColumn!], path, read + 1, timeColumn!));
            texts.Add(row[textColumn]);
            labels.Add(label);
        }
        return new TopicRows(texts, labels, read, empty, filtered, periods);
    }

    // The yyyy-MM of a date such as 2017-01-04 (line counts the header as line 1).
    private static string MonthOf(string value, string path, int line, string column)
    {
        var v = value.Trim();
        bool ok = v.Length >= 7 && char.IsAsciiDigit(v[0]) && char.IsAsciiDigit(v[1]) && char.IsAsciiDigit(v[2]) && char.IsAsciiDigit(v[3])
            && v[4] == '-' && char.IsAsciiDigit(v[5]) && char.IsAsciiDigit(v[6]) && (v.Length == 7 || !char.IsAsciiDigit(v[7]));
        return ok ? v[..7] : throw new CliUsageException($"{path}, line {line}, column '{column}': '{value}' is not a date (yyyy-MM-dd)");
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseCondition(string condition)
    {
        foreach (var op in new[] { "<=", ">=", "!=", "<", ">", "=" })
        {
            int i = condition.IndexOf(op, StringComparison.Ordinal);
            if (i <= 0) continue;
            var column = condition[..i].Trim();
            var value = condition[(i + op.Length)..].Trim();
            return row =>
            {
                if (!row.TryGetValue(column, out var v)) throw new CliUsageException($"--where: no column '{column}'");
                int cmp = string.CompareOrdinal(v, value);
                return op switch { "<=" => cmp <= 0, ">=" => cmp >= 0, "!=" => cmp != 0, "<" => cmp < 0, ">" => cmp > 0, _ => cmp == 0 };
            };
        }
        throw new CliUsageException($"--where: cannot read '{condition}' (use COLUMN<VALUE, >=, =, != …)");
    }
}
