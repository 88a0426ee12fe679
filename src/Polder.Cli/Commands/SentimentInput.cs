using Polder.Sentiment;

namespace Polder.Cli.Commands;

/// <summary>Reads the documents (and labels) of the sentiment verbs: text lines, or CSV columns.</summary>
public static class SentimentInput
{
    /// <summary>One document per line of <paramref name="path"/>, or the <paramref name="textColumn"/> of a CSV.</summary>
    public static IEnumerable<(long Line, string Text)> Documents(string path, TextReader stdin, string? textColumn)
    {
        if (textColumn is null) return TextLineReader.ReadLines(path, stdin);
        return CsvReader.ReadColumns(path, stdin, textColumn).Select(r => (r.Line, r.Values[0]));
    }

    /// <summary>Labelled examples from the CSV columns; an unknown label is an error naming file and line.</summary>
    public static List<(long Line, SentimentExample Example)> Examples(string path, TextReader stdin, string textColumn, string labelColumn)
    {
        var list = new List<(long, SentimentExample)>();
        string name = path == "-" ? "<stdin>" : path;
        foreach (var (line, values) in CsvReader.ReadColumns(path, stdin, textColumn, labelColumn))
        {
            if (!SentimentLabels.TryParse(values[1], out var label))
                throw new InvalidDataException($"{name}:{line}: column '{labelColumn}': '{values[1]}' is not negative, neutral or positive");
            list.Add((line, new SentimentExample(values[0], label)));
        }
        if (list.Count == 0) throw new InvalidDataException($"{name}: no records after the header");
        return list;
    }

    /// <summary>Loads a model file, with a clear error when it is missing or not a model.</summary>
    public static SentimentModel LoadModel(string path)
    {
        if (!File.Exists(path)) throw new CliUsageException($"{path}: no such model file");
        using var s = File.OpenRead(path);
        try { return SentimentModel.Load(s); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}"); }
    }
}
