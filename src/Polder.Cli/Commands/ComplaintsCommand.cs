using System.Globalization;
using Polder.Topics;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder complaints FILE [--text-column C] [--min-score S]</c>: the Signalen complaint category of every input line
/// (or CSV record), or none, with the score and the evidence behind it (terms, matched text, offsets, weights).
/// </summary>
public sealed class ComplaintsCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "complaints";

    /// <inheritdoc />
    public string Summary => "Signalen complaint category per line: {\"line\",\"main\",\"main_name\",\"sub\",\"score\",\"evidence\":[…]} (main null: no category)";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var args = context.Args;
        var path = args.Positional.Count == 1 ? args.Positional[0]
            : throw new CliUsageException("usage: polder complaints FILE (- for stdin) [--text-column C] [--min-score S]");
        string? textColumn = args.Option("text-column");
        var classifier = ComplaintClassifier.Signalen;
        if (args.Option("min-score") is { } s)
            classifier = classifier.WithMinimumScore(float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v : throw new CliUsageException($"--min-score: '{s}' is not a number"));
        using var json = new JsonLineWriter(context.Out);
        foreach (var (line, text) in SentimentInput.Documents(path, context.In, textColumn))
        {
            var r = classifier.Classify(text);
            var w = json.Begin();
            w.WriteStartObject();
            w.WriteNumber("line", line);
            if (r.Category is { } c)
            {
                w.WriteString("main", c.MainSlug);
                w.WriteString("main_name", c.MainName);
                w.WriteString("sub", c.Slug);
            }
            else
            {
                w.WriteNull("main");
                w.WriteNull("main_name");
                w.WriteNull("sub");
            }
            w.WriteNumber("score", r.Score);
            w.WriteStartArray("evidence");
            foreach (var e in r.Evidence)
            {
                w.WriteStartObject();
                w.WriteString("term", e.Term);
                w.WriteString("text", e.Text);
                // offsets in UTF-16 code units of the line (or CSV field), as .NET and JavaScript strings count
                w.WriteNumber("start", e.Start);
                w.WriteNumber("length", e.Length);
                w.WriteNumber("weight", e.Weight);
                w.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
                if (e.SubSlug is null) w.WriteNull("sub"); else w.WriteString("sub", e.SubSlug);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            json.End();
        }
        return 0;
    }
}
