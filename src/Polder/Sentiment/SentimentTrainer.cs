using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace Polder.Sentiment;

/// <summary>
/// Trains a <see cref="SentimentModel"/>: TF-IDF weighted, L2-normalised word and character n-grams and the
/// zero-shot analyser's (standardised) lexicon and rule features into an L-BFGS maximum-entropy classifier (ML.NET). Deterministic for a given
/// seed: single-threaded and with seeded folds.
/// </summary>
public static class SentimentTrainer
{
    /// <summary>The label names, in the order of the model's class scores.</summary>
    public static IReadOnlyList<string> LabelNames { get; } = ["negative", "neutral", "positive"];

    /// <summary>
    /// The training pipeline, for use in your own ML.NET code. Input columns: <c>Text</c> (string) and
    /// <c>Label</c> (string: negative, neutral or positive). Output: <c>PredictedLabel</c> (string) and
    /// <c>Score</c> (three class probabilities in the order of <see cref="LabelNames"/>).
    /// </summary>
    public static IEstimator<ITransformer> CreatePipeline(MLContext ml, SentimentTrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var o = options ?? SentimentTrainerOptions.Default;
        var keys = ml.Data.LoadFromEnumerable(LabelNames.Select(l => new LabelRow { Label = l }));
        var weighting = o.UseIdf ? NgramExtractingEstimator.WeightingCriteria.TfIdf : NgramExtractingEstimator.WeightingCriteria.Tf;
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = true,
            KeepPunctuations = true,
            KeepNumbers = true,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = o.WordNgramLength, UseAllLengths = true, Weighting = weighting },
            CharFeatureExtractor = o.CharNgramLength > 0
                ? new WordBagEstimator.Options { NgramLength = o.CharNgramLength, UseAllLengths = o.AllCharNgramLengths, Weighting = weighting }
                : null,
        };
        IEstimator<ITransformer> pipe = ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyData: keys);
        if (!o.NormalizeText)
        {
            pipe = pipe.Append(ml.Transforms.Text.FeaturizeText("TextFeatures", text, "Text"));
        }
        else
        {
            // Word n-grams from Polder's (optionally stemmed) tokens, character n-grams from its normalised text.
            var words = new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.None, KeepDiacritics = true, KeepPunctuations = true, KeepNumbers = true,
                Norm = TextFeaturizingEstimator.NormFunction.L2, WordFeatureExtractor = text.WordFeatureExtractor, CharFeatureExtractor = null,
            };
            var chars = new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.None, KeepDiacritics = true, KeepPunctuations = true, KeepNumbers = true,
                Norm = TextFeaturizingEstimator.NormFunction.L2, WordFeatureExtractor = null, CharFeatureExtractor = text.CharFeatureExtractor,
            };
            pipe = pipe.Append(ml.Transforms.CopyColumns(SentimentTextRow.ColumnName, "Text"))
                .Append(ml.Transforms.CustomMapping(new SentimentTextNormalizingMapping().GetMapping(), SentimentTextNormalizingMapping.ContractName))
                .Append(ml.Transforms.Text.FeaturizeText("TextFeatures", words, (o.StemWords, o.MarkNegation) switch
                {
                    (true, true) => SentimentNormalizedTextRow.StemmedNegatedColumn,
                    (true, false) => SentimentNormalizedTextRow.StemmedColumn,
                    (false, true) => SentimentNormalizedTextRow.NegatedColumn,
                    _ => SentimentNormalizedTextRow.NormalizedColumn,
                }));
            if (chars.CharFeatureExtractor is not null)
                pipe = pipe.Append(ml.Transforms.Text.FeaturizeText("CharFeatures", chars, SentimentNormalizedTextRow.NormalizedColumn));
        }
        var features = new List<string> { "TextFeatures" };
        if (o.NormalizeText && o.CharNgramLength > 0) features.Add("CharFeatures");
        foreach (var column in features)
        {
            if (o.MinNgramCount > 1)
                pipe = pipe.Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(column, column, o.MinNgramCount));
            if (o.MutualInformationSlots > 0)
                pipe = pipe.Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnMutualInformation(column, column, "Label", o.MutualInformationSlots));
        }
        if (o.UseLexiconFeatures)
        {
            pipe = pipe.Append(ml.Transforms.SentimentLexiconFeatures("Lexicon", "Text"))
                .Append(ml.Transforms.NormalizeMeanVariance("Lexicon"));
            for (int i = 0; i < Math.Max(1, o.LexiconRepeats); i++) features.Add("Lexicon");
        }
        IEstimator<ITransformer> learner = o.Learner switch
        {
            "maxent" => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = o.L2Regularization,
                L1Regularization = o.L1Regularization,
                NumberOfThreads = 1,
                ExampleWeightColumnName = o.ClassWeighting ? WeightColumn : null,
            }),
            "sdca" => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = o.L2Regularization / 100f,
                L1Regularization = o.L1Regularization,
                NumberOfThreads = 1,
                ExampleWeightColumnName = o.ClassWeighting ? WeightColumn : null,
            }),
            "svm" => ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options { Lambda = o.L2Regularization / 100f, NumberOfIterations = 20 }),
                useProbabilities: true),
            _ => throw new ArgumentException($"unknown learner '{o.Learner}' (maxent, sdca or svm)", nameof(options)),
        };
        return pipe.Append(ml.Transforms.Concatenate("Features", [.. features]))
            .Append(learner)
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
    }

    /// <summary>The example-weight column the learner reads when <see cref="SentimentTrainerOptions.ClassWeighting"/> is on.</summary>
    public const string WeightColumn = "Weight";

    /// <summary>Trains a model on labelled texts.</summary>
    public static SentimentModel Train(IEnumerable<SentimentExample> examples, SentimentTrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var o = options ?? SentimentTrainerOptions.Default;
        var list = Validate(examples);
        var ml = SentimentModel.CreateContext(o.Seed);
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<SentimentExample>()).Schema;
        IDataView data;
        if (o.ClassWeighting)
        {
            var counts = list.GroupBy(e => e.Label).ToDictionary(g => g.Key, g => g.Count());
            data = ml.Data.LoadFromEnumerable(list.Select(e => new WeightedExample
            {
                Text = e.Text, Label = e.Label, Weight = (float)list.Count / (counts.Count * counts[e.Label]),
            }));
        }
        else
        {
            data = ml.Data.LoadFromEnumerable(list);
        }
        var model = CreatePipeline(ml, o).Fit(data);
        return new SentimentModel(ml, model, schema);
    }

    /// <summary>
    /// Stratified k-fold cross-validation with seeded folds: the macro-F1 of each fold's held-out part and the
    /// evaluation of all out-of-fold predictions together.
    /// </summary>
    public static (IReadOnlyList<double> FoldMacroF1, SentimentEvaluation Pooled) CrossValidate(
        IEnumerable<SentimentExample> examples, SentimentTrainerOptions? options = null, int folds = 5)
    {
        var o = options ?? SentimentTrainerOptions.Default;
        var list = Validate(examples);
        if (folds < 2 || folds > list.Count) throw new ArgumentOutOfRangeException(nameof(folds));
        var fold = new int[list.Count];
        var rng = new Random(o.Seed);
        foreach (var group in Enumerable.Range(0, list.Count).GroupBy(i => list[i].Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var idx = group.ToArray();
            rng.Shuffle(idx);
            for (int k = 0; k < idx.Length; k++) fold[idx[k]] = k % folds;
        }
        var predicted = new string[list.Count];
        var foldScores = new List<double>();
        for (int f = 0; f < folds; f++)
        {
            var train = list.Where((_, i) => fold[i] != f).ToList();
            var testIdx = Enumerable.Range(0, list.Count).Where(i => fold[i] == f).ToList();
            using var model = Train(train, o);
            var preds = model.PredictMany(testIdx.Select(i => list[i].Text));
            for (int k = 0; k < testIdx.Count; k++) predicted[testIdx[k]] = preds[k].Label.ToName();
            foldScores.Add(SentimentEvaluation.Compute(testIdx.Select(i => list[i].Label).ToList(), testIdx.Select(i => predicted[i]).ToList()).MacroF1);
        }
        return (foldScores, SentimentEvaluation.Compute(list.Select(e => e.Label).ToList(), predicted));
    }

    private static List<SentimentExample> Validate(IEnumerable<SentimentExample> examples)
    {
        var list = new List<SentimentExample>();
        int n = 0;
        foreach (var e in examples)
        {
            n++;
            if (!SentimentLabels.TryParse(e.Label, out var label))
                throw new ArgumentException($"example {n}: label '{e.Label}' is not negative, neutral or positive");
            list.Add(new SentimentExample(e.Text ?? "", label));
        }
        if (list.Count == 0) throw new ArgumentException("no training examples");
        return list;
    }

    private sealed class WeightedExample
    {
        public string Text { get; set; } = "";
        public string Label { get; set; } = "";
        public float Weight { get; set; }
    }

    private sealed class LabelRow
    {
        public string Label { get; set; } = "";
    }
}
