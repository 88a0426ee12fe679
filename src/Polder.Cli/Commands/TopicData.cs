using Polder.Data;

namespace Polder.Cli.Commands;

/// <summary>Reads labelled texts from a CSV for the topic verbs: <c>--data</c>, <c>--text-column</c>, <c>--label-column</c>, <c>--where</c>.</summary>
public static class TopicData
{
    /// <summary>
    /// Texts and labels of the rows that have a non-empty label and pass every <c>--where COLUMN&lt;VALUE</c>
    /// filter (operators <c>&lt; &lt;= &gt; &gt;= = !=</c>, ordinal string comparison; e.g. <c>--where "depotdat&lt;2017-05"</c>).
    /// </summary>
    public static (List<string> Texts, List<string> Labels) Read(CliArguments args)
    {
        var path = args.Required("data");
        var textColumn = args.Required("text-column");
        var labelColumn = args.Required("label-column");
        var where = args.Option("where");
        Func<IReadOnlyDictionary<string, string>, bool> filter = _ => true;
        if (where is not null)
        {
            var parts = where.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseCondition).ToArray();
            filter = row => parts.All(p => p(row));
        }
        if (!File.Exists(path)) throw new CliUsageException($"--data: no such file '{path}'");
        var texts = new List<string>();
        var labels = new List<string>();
        bool checkedColumns = false;
        foreach (var row in Polder.Data.CsvReader.ReadFileWithHeader(path))
        {
            if (!checkedColumns)
            {
                foreach (var c in new[] { textColumn, labelColumn })
                    if (!row.ContainsKey(c)) throw new CliUsageException($"column '{c}' not in {path} (columns: {string.Join(", ", row.Keys)})");
                checkedColumns = true;
            }
            var label = row[labelColumn].Trim();
            if (label.Length == 0 || !filter(row)) continue;
            texts.Add(row[textColumn]);
            labels.Add(label);
        }
        return (texts, labels);
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
