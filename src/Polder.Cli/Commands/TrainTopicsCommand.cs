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
        bool rolling = a.Flag("rolling");
        var output = rolling ? null : a.Required("out");
        var options = ReadOptions(a) with { Log = a.Flag("verbose") ? m => context.Error.WriteLine(m) : null };
        var rows = TopicData.Read(a);
        var (texts, labels) = (rows.Texts, rows.Labels);
        if (texts.Count == 0) throw new CliUsageException($"no labelled rows in --data ({rows.Accounting()})");
        if ((rolling || options.RecencyHalfLife > 0) && rows.Periods is null) throw new CliUsageException("--rolling and --recency-half-life need --time-column");
        if (options.MultiLabel && (rolling || options.RecencyHalfLife > 0)) throw new CliUsageException("--rolling and --recency-half-life are for single-label models");
        var terminologyPath = a.Option("terminology");
        var terminology = terminologyPath is null ? null : ThemeTerminology.Read(terminologyPath) with
        {
            TermsPerText = a.Int("terminology-terms", 20),
            TextsPerTheme = a.Int("terminology-texts", 20),
        };
        if (terminology is not null && rows.Periods is null) throw new CliUsageException("--terminology needs --time-column");
        if (rolling) return Rolling(context, options, rows, terminology);
        var sw = Stopwatch.StartNew();
        var trainer = new TopicClassifierTrainer(options);
        TopicClassifier model;
        if (rows.Periods is not null && !options.MultiLabel) model = TopicClassifierTrainer.TrainWith(trainer, texts, labels, rows.Periods, terminology);
        else if (options.MultiLabel)
        {
            var sep = a.Option("label-separator", ",")!;
            model = trainer.Train(texts, labels.Select(l => (IReadOnlyList<string>)l.Split(sep, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray());
        }
        else model = trainer.Train(texts, labels);
        double seconds = sw.Elapsed.TotalSeconds;
        model.Save(output!);
        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Accounting()}; trained on {texts.Count} texts, {model.Labels.Count} labels, {model.FeatureCount} features in {seconds:0.0} s; wrote {output} ({new FileInfo(output!).Length / 1024} KiB)"));
        return 0;
    }

    // One JSON line per fold (train on every earlier month, score on the month), then the mean.
    private static int Rolling(CliContext context, TopicClassifierOptions options, TopicRows rows, ThemeTerminology? terminology)
    {
        var sw = Stopwatch.StartNew();
        var folds = TopicRollingValidation.Run(rows.Texts, rows.Labels, rows.Periods!, options, terminology: terminology);
        if (folds.Count == 0) throw new CliUsageException("--rolling needs rows from at least two months");
        foreach (var f in folds)
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"fold\":\"{f.Period}\",\"train\":{f.TrainCount},\"count\":{f.Evaluation.Count},\"accuracy\":{Math.Round(f.Evaluation.Accuracy, 4)},\"macro_f1\":{Math.Round(f.Evaluation.MacroF1, 4)}}}"));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"fold\":\"mean\",\"folds\":{folds.Count},\"accuracy\":{Math.Round(folds.Average(f => f.Evaluation.Accuracy), 4)},\"macro_f1\":{Math.Round(folds.Average(f => f.Evaluation.MacroF1), 4)},\"seconds\":{sw.Elapsed.TotalSeconds:0.0}}}"));
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
            RecencyHalfLife = F("recency-half-life", d.RecencyHalfLife),
            Seed = a.Int("seed", d.Seed),
        };
    }
}
