using System.Diagnostics;
using System.Globalization;
using Polder.Topics;

namespace Polder.Cli.Commands;

/// <summary><c>polder train topics --data CSV --text-column C --label-column L --out M</c>: trains a topic classifier.</summary>
public sealed class TrainTopicsCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "train topics";

    /// <inheritdoc />
    public string Summary => "train a topic classifier from a labelled CSV";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        var output = a.Required("out");
        var options = ReadOptions(a) with { Log = a.Flag("verbose") ? m => context.Error.WriteLine(m) : null };
        var rows = TopicData.Read(a);
        var (texts, labels) = (rows.Texts, rows.Labels);
        if (texts.Count == 0) throw new CliUsageException($"no labelled rows in --data ({rows.Accounting()})");
        var sw = Stopwatch.StartNew();
        var trainer = new TopicClassifierTrainer(options);
        TopicClassifier model;
        if (options.MultiLabel)
        {
            var sep = a.Option("label-separator", ",")!;
            model = trainer.Train(texts, labels.Select(l => (IReadOnlyList<string>)l.Split(sep, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray());
        }
        else model = trainer.Train(texts, labels);
        double seconds = sw.Elapsed.TotalSeconds;
        model.Save(output);
        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Accounting()}; trained on {texts.Count} texts, {model.Labels.Count} labels, {model.FeatureCount} features in {seconds:0.0} s; wrote {output} ({new FileInfo(output).Length / 1024} KiB)"));
        return 0;
    }

    internal static TopicClassifierOptions ReadOptions(CliArguments a)
    {
        float F(string name, float fallback)
        {
            var v = a.Option(name);
            if (v is null) return fallback;
            return float.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : throw new CliUsageException($"--{name}: '{v}' is not a number");
        }
        var d = TopicClassifierOptions.Default;
        var fd = TextFeaturizerOptions.Default;
        var weighting = a.Option("class-weighting", "balanced") switch
        {
            "balanced" => ClassWeighting.Balanced,
            "sqrt" => ClassWeighting.SquareRootBalanced,
            "none" => ClassWeighting.None,
            var x => throw new CliUsageException($"--class-weighting: '{x}' (balanced, sqrt or none)"),
        };
        return new TopicClassifierOptions
        {
            Features = new TextFeaturizerOptions
            {
                WordNgramLength = a.Int("word-ngrams", fd.WordNgramLength),
                CharNgramMinLength = a.Int("char-min", fd.CharNgramMinLength),
                CharNgramMaxLength = a.Int("char-max", fd.CharNgramMaxLength),
                UseStems = a.Flag("stems"),
                MinDocumentFrequency = a.Int("min-df", fd.MinDocumentFrequency),
                SublinearTermFrequency = !a.Flag("raw-tf"),
                TitleFeatures = !a.Flag("no-title"),
            },
            MultiLabel = a.Flag("multi-label"),
            ClassWeighting = weighting,
            Optimizer = a.Option("optimizer", "lbfgs") switch
            {
                "lbfgs" => TopicOptimizer.Lbfgs,
                "sdca" => TopicOptimizer.Sdca,
                var x => throw new CliUsageException($"--optimizer: '{x}' (lbfgs or sdca)"),
            },
            OptimizationTolerance = F("tolerance", d.OptimizationTolerance),
            L2Regularization = F("l2", d.L2Regularization),
            L1Regularization = F("l1", d.L1Regularization),
            MaximumIterations = a.Int("iterations", d.MaximumIterations),
            MaxFeatures = a.Int("max-features", d.MaxFeatures),
            SelectFeatures = a.Int("select-features", d.SelectFeatures),
            Seed = a.Int("seed", d.Seed),
        };
    }
}
