using System.Globalization;
using Polder.Sentiment;

namespace Polder.Cli.Commands;

/// <summary><c>polder train sentiment --data CSV --text-column C --label-column L --out model.zip</c>.</summary>
public sealed class TrainSentimentCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "train sentiment";

    /// <inheritdoc />
    public string Summary => "train a sentiment model from a labelled CSV";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        if (a.Positional.Count > 0) throw new CliUsageException("usage: polder train sentiment --data CSV --text-column C --label-column L --out model.zip");
        string data = a.Required("data"), text = a.Required("text-column"), label = a.Required("label-column"), output = a.Required("out");
        var options = SentimentTrainerOptions.Default with { Seed = a.Int("seed", SentimentTrainerOptions.Default.Seed) };
        int cv = a.Int("cv", 0);
        var examples = SentimentInput.Examples(data, context.In, text, label, SentimentInput.ParseLabelMap(a.Option("label-map"))).Select(e => e.Example).ToList();
        using var json = new JsonLineWriter(context.Out);
        var w = json.Begin();
        w.WriteStartObject();
        w.WriteNumber("examples", examples.Count);
        if (cv > 1)
        {
            var (folds, pooled) = SentimentTrainer.CrossValidate(examples, options, cv);
            w.WriteNumber("cv_folds", cv);
            w.WriteNumber("cv_macro_f1_mean", Math.Round(folds.Average(), 4));
            w.WriteNumber("cv_macro_f1_pooled", Math.Round(pooled.MacroF1, 4));
            w.WriteNumber("cv_accuracy_pooled", Math.Round(pooled.Accuracy, 4));
        }
        using (var model = SentimentTrainer.Train(examples, options))
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(output));
            if (dir is not null) Directory.CreateDirectory(dir);
            using var s = File.Create(output);
            model.Save(s);
        }
        w.WriteString("model", output);
        w.WriteString("seed", options.Seed.ToString(CultureInfo.InvariantCulture));
        w.WriteEndObject();
        json.End();
        return 0;
    }
}
