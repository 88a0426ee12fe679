using Polder.Topics;

namespace Polder.Cli.Commands;

/// <summary><c>polder topics FILE [--model M]</c>: the label of every input line as JSON.</summary>
public sealed class TopicsCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "topics";

    /// <inheritdoc />
    public string Summary => "topic per line: {\"label\",\"confidence\",\"top\":[[label,p],…]} (default: the shipped themes model)";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        var path = a.Positional.Count == 1 ? a.Positional[0] : throw new CliUsageException("usage: polder topics FILE (- for stdin) [--model M]");
        var modelPath = a.Option("model");
        int top = a.Int("top", 5), explain = a.Int("explain", 0);
        var model = modelPath is null ? TopicClassifier.Themes : TopicClassifier.Load(modelPath);
        using var json = new JsonLineWriter(context.Out);
        foreach (var (_, text) in TextLineReader.ReadLines(path, context.In))
        {
            var p = model.Predict(text, top);
            var w = json.Begin();
            w.WriteStartObject();
            w.WriteString("label", p.Label);
            w.WriteNumber("confidence", Math.Round(p.Confidence, 4));
            w.WriteStartArray("top");
            foreach (var (label, prob) in p.Top)
            {
                w.WriteStartArray();
                w.WriteStringValue(label);
                w.WriteNumberValue(Math.Round(prob, 4));
                w.WriteEndArray();
            }
            w.WriteEndArray();
            if (model.MultiLabel)
            {
                w.WriteStartArray("labels");
                foreach (var l in p.Labels) w.WriteStringValue(l);
                w.WriteEndArray();
            }
            if (explain > 0)
            {
                w.WriteStartArray("explain");
                foreach (var c in model.Explain(text, p.Label, explain))
                {
                    w.WriteStartArray();
                    w.WriteStringValue(c.Ngram);
                    w.WriteNumberValue(Math.Round(c.Weight, 4));
                    w.WriteEndArray();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            json.End();
        }
        return 0;
    }
}
