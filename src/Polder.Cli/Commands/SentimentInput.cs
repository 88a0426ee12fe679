using Polder.Sentiment;

namespace Polder.Cli.Commands;

/// <summary>Reads the documents (and labels) of the sentiment verbs: text lines, or CSV columns.</summary>
public static class SentimentInput
{
    /// <summary>One document per line of <paramref name="path"/>, or the <paramref name="textColumn"/> of a CSV.</summary>
    public static IEnumerable<(long Line, string Text)> Documents(string path, TextReader stdin, string? textColumn)
    {
        if (textColumn is null) return TextLineReader.ReadLines(path, stdin);
        return CsvInput.ReadColumns(path, stdin, textColumn).Select(r => (r.Line, r.Values[0]));
    }

    /// <summary>
    /// Labelled examples from the CSV columns; an unknown label is an error naming file and line.
    /// <paramref name="labelMap"/> (from <see cref="ParseLabelMap"/>) first maps raw labels, e.g. star ratings, to label names.
    /// </summary>
    public static List<(long Line, SentimentExample Example)> Examples(string path, TextReader stdin, string textColumn, string labelColumn,
        IReadOnlyDictionary<string, string>? labelMap = null)
    {
        var list = new List<(long, SentimentExample)>();
        string name = path == "-" ? "<stdin>" : path;
        foreach (var (line, values) in CsvInput.ReadColumns(path, stdin, textColumn, labelColumn))
        {
            var raw = values[1].Trim();
            if (labelMap is not null && !labelMap.TryGetValue(raw, out raw))
                throw new InvalidDataException($"{name}:{line}: column '{labelColumn}': '{values[1]}' is not in --label-map");
            if (!SentimentLabels.TryParse(raw, out var label))
                throw new InvalidDataException($"{name}:{line}: column '{labelColumn}': '{values[1]}' is not negative, neutral or positive");
            list.Add((line, new SentimentExample(values[0], label)));
        }
        if (list.Count == 0) throw new InvalidDataException($"{name}: no records after the header");
        return list;
    }

    /// <summary>
    /// Parses <c>--label-map</c>: comma-separated <c>raw=label</c> pairs, e.g. <c>1=negative,2=negative,3=neutral,4=positive,5=positive</c>.
    /// </summary>
    public static Dictionary<string, string>? ParseLabelMap(string? spec)
    {
        if (spec is null) return null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0 || !SentimentLabels.TryParse(part[(eq + 1)..].Trim(), out _))
                throw new CliUsageException($"--label-map: '{part}' is not raw=negative|neutral|positive");
            map[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }
        if (map.Count == 0) throw new CliUsageException("--label-map is empty");
        return map;
    }

    /// <summary>Loads a model file, with a clear error when it is missing or not a model.</summary>
    public static SentimentModel LoadModel(string path)
    {
        InputFile.Require(path);
        using var s = File.OpenRead(path);
        try { return SentimentModel.Load(s); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}"); }
    }
}
