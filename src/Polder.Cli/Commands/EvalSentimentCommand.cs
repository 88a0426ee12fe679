using Polder.Sentiment;

namespace Polder.Cli.Commands;

/// <summary><c>polder eval sentiment --data CSV --text-column C --label-column L [--model M]</c>: accuracy and F1 as JSON.</summary>
public sealed class EvalSentimentCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "eval sentiment";

    /// <inheritdoc />
    public string Summary => "--data CSV --text-column C --label-column L [--model M]  accuracy, macro-F1, per-class F1 as JSON";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        if (a.Positional.Count > 0) throw new CliUsageException("usage: polder eval sentiment --data CSV --text-column C --label-column L [--model M]");
        string data = a.Required("data"), text = a.Required("text-column"), label = a.Required("label-column");
        string? modelPath = a.Option("model");
        var examples = SentimentInput.Examples(data, context.In, text, label).Select(e => e.Example).ToList();
        var gold = examples.Select(e => e.Label).ToList();
        List<string> predicted;
        if (modelPath is not null)
        {
            using var model = SentimentInput.LoadModel(modelPath);
            predicted = model.PredictMany(examples.Select(e => e.Text)).Select(p => p.Label.ToName()).ToList();
        }
        else
        {
            var analyzer = SentimentAnalyzer.Default;
            predicted = examples.Select(e => analyzer.Classify(e.Text).ToName()).ToList();
        }
        var ev = SentimentEvaluation.Compute(gold, predicted);
        using var json = new JsonLineWriter(context.Out);
        var w = json.Begin();
        w.WriteStartObject();
        w.WriteString("model", modelPath ?? "zero-shot");
        w.WriteNumber("count", ev.Count);
        w.WriteNumber("accuracy", Math.Round(ev.Accuracy, 4));
        w.WriteNumber("macro_f1", Math.Round(ev.MacroF1, 4));
        w.WriteStartObject("classes");
        foreach (var c in ev.Classes)
        {
            w.WriteStartObject(c.Label);
            w.WriteNumber("precision", Math.Round(c.Precision, 4));
            w.WriteNumber("recall", Math.Round(c.Recall, 4));
            w.WriteNumber("f1", Math.Round(c.F1, 4));
            w.WriteNumber("support", c.Support);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
        json.End();
        return 0;
    }
}
