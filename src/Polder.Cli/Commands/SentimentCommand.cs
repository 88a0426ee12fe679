using System.Text.Json;
using Polder.Sentiment;

namespace Polder.Cli.Commands;

/// <summary><c>polder sentiment FILE [--model M] [--text-column C] [--aspects]</c>: one JSON object per document.</summary>
public sealed class SentimentCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "sentiment";

    /// <inheritdoc />
    public string Summary => "sentiment per document: {\"label\",\"score\",\"tokens\"} (default: the lexicon)";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var args = context.Args;
        var path = args.Positional.Count == 1 ? args.Positional[0]
            : throw new CliUsageException("usage: polder sentiment FILE (- for stdin) [--model model.zip] [--text-column C] [--aspects]");
        string? modelPath = args.Option("model");
        string? textColumn = args.Option("text-column");
        bool aspects = args.Flag("aspects");
        var docs = SentimentInput.Documents(path, context.In, textColumn);
        using var json = new JsonLineWriter(context.Out);
        if (modelPath is not null)
        {
            if (aspects) throw new CliUsageException("--aspects works with the zero-shot analyser only (drop --model)");
            using var model = SentimentInput.LoadModel(modelPath);
            foreach (var chunk in docs.Chunk(2048))
            {
                var preds = model.PredictMany(chunk.Select(d => d.Text));
                foreach (var p in preds)
                {
                    var w = json.Begin();
                    w.WriteStartObject();
                    w.WriteString("label", p.Label.ToName());
                    w.WriteNumber("score", Math.Round(p.Score, 4));
                    w.WriteStartObject("probabilities");
                    w.WriteNumber("negative", Math.Round(p.Negative, 4));
                    w.WriteNumber("neutral", Math.Round(p.Neutral, 4));
                    w.WriteNumber("positive", Math.Round(p.Positive, 4));
                    w.WriteEndObject();
                    w.WriteEndObject();
                    json.End();
                }
            }
            return 0;
        }
        var analyzer = SentimentAnalyzer.Default;
        foreach (var (_, text) in docs)
        {
            var w = json.Begin();
            if (aspects)
            {
                var a = analyzer.AnalyzeAspects(text);
                w.WriteStartObject();
                WriteResultFields(w, a.Overall);
                w.WriteStartArray("sentences");
                foreach (var s in a.Sentences)
                {
                    w.WriteStartObject();
                    w.WriteString("text", s.Text);
                    w.WriteString("label", s.Label.ToName());
                    w.WriteNumber("score", Math.Round(s.Score, 4));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("targets");
                foreach (var t in a.Targets)
                {
                    w.WriteStartObject();
                    w.WriteString("target", t.Target);
                    w.WriteString("label", t.Label.ToName());
                    w.WriteNumber("score", Math.Round(t.Score, 4));
                    w.WriteNumber("mentions", t.Mentions);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteStartObject();
                WriteResultFields(w, analyzer.Analyze(text));
                w.WriteEndObject();
            }
            json.End();
        }
        return 0;
    }

    /// <summary>Writes label, score and the contributing tokens of a zero-shot result.</summary>
    public static void WriteResultFields(Utf8JsonWriter w, SentimentResult r)
    {
        w.WriteString("label", r.Label.ToName());
        w.WriteNumber("score", Math.Round(r.Score, 4));
        w.WriteStartArray("tokens");
        foreach (var c in r.Contributions)
        {
            w.WriteStartObject();
            w.WriteString("text", c.Text);
            w.WriteNumber("start", c.Start);
            w.WriteNumber("weight", Math.Round(c.Weight, 4));
            w.WriteNumber("prior", Math.Round(c.Prior, 3));
            if (c.Cues != SentimentCues.None)
            {
                w.WriteStartArray("cues");
                foreach (var cue in Enum.GetValues<SentimentCues>())
                    if (cue != SentimentCues.None && (c.Cues & cue) != 0) w.WriteStringValue(CueName(cue));
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string CueName(SentimentCues cue) => cue switch
    {
        SentimentCues.BeforeContrast => "before-contrast",
        SentimentCues.AfterContrast => "after-contrast",
        SentimentCues.InformationQuestion => "information-question",
        _ => cue.ToString().ToLowerInvariant(),
    };
}
