using Polder.Sentiment;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder eval sentiment --data CSV --text-column C --label-column L [--model M | --cv K [--seeds N] [--seed S]]
/// [--label-map raw=label,…]</c>: accuracy and F1 as JSON, of the zero-shot analyser, a trained model, or the trainer's
/// repeated stratified k-fold cross-validation on the data.
/// </summary>
public sealed class EvalSentimentCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "eval sentiment";

    /// <inheritdoc />
    public string Summary => "evaluate sentiment (the lexicon, a model, or cross-validation): accuracy, macro-F1, per-class F1 as JSON";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        if (a.Positional.Count > 0) throw new CliUsageException("usage: polder eval sentiment --data CSV --text-column C --label-column L [--model M | --cv K [--seeds N] [--seed S]] [--label-map raw=label,…]");
        string data = a.Required("data"), text = a.Required("text-column"), label = a.Required("label-column");
        string? modelPath = a.Option("model");
        int cv = a.Int("cv", 0), seeds = a.Int("seeds", 1), seed = a.Int("seed", 1);
        if (cv != 0 && (cv < 2 || seeds < 1)) throw new CliUsageException("--cv must be at least 2 and --seeds at least 1");
        if (cv != 0 && modelPath is not null) throw new CliUsageException("--cv trains its own models: give either --model or --cv");
        var examples = SentimentInput.Examples(data, context.In, text, label, SentimentInput.ParseLabelMap(a.Option("label-map"))).Select(e => e.Example).ToList();
        if (cv != 0) return CrossValidate(context, examples, cv, seeds, seed);
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
        WriteEvaluation(w, ev);
        w.WriteEndObject();
        json.End();
        return 0;
    }

    /// <summary>
    /// Repeated stratified k-fold cross-validation of the default trainer: for each seed S..S+N-1, folds and
    /// learner seeded with it; the pooled out-of-fold figures per seed, their mean and standard deviation.
    /// </summary>
    private static int CrossValidate(CliContext context, List<SentimentExample> examples, int folds, int seeds, int seed)
    {
        var scores = new List<(int Seed, SentimentEvaluation Pooled)>();
        for (int s = seed; s < seed + seeds; s++)
        {
            var (_, pooled) = SentimentTrainer.CrossValidate(examples, SentimentTrainerOptions.Default with { Seed = s }, folds);
            scores.Add((s, pooled));
        }
        double mean = scores.Average(x => x.Pooled.MacroF1);
        double sd = scores.Count < 2 ? 0 : Math.Sqrt(scores.Sum(x => Math.Pow(x.Pooled.MacroF1 - mean, 2)) / (scores.Count - 1));
        using var json = new JsonLineWriter(context.Out);
        var w = json.Begin();
        w.WriteStartObject();
        w.WriteString("model", "cross-validation");
        w.WriteNumber("folds", folds);
        w.WriteNumber("seeds", seeds);
        w.WriteNumber("count", examples.Count);
        w.WriteNumber("macro_f1_mean", Math.Round(mean, 4));
        w.WriteNumber("macro_f1_sd", Math.Round(sd, 4));
        w.WriteNumber("accuracy_mean", Math.Round(scores.Average(x => x.Pooled.Accuracy), 4));
        w.WriteStartArray("runs");
        foreach (var (s, ev) in scores)
        {
            w.WriteStartObject();
            w.WriteNumber("seed", s);
            WriteEvaluation(w, ev);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        json.End();
        return 0;
    }

    private static void WriteEvaluation(System.Text.Json.Utf8JsonWriter w, SentimentEvaluation ev)
    {
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
    }
}
