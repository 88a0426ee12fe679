using Microsoft.ML;
using Microsoft.ML.Data;
using Polder.Topics;

namespace Polder.Tests.Topics;

public class TextFeaturizerEstimatorTests
{
    private sealed class Row
    {
        public string Text { get; set; } = "";
        public string Label { get; set; } = "";
    }

    private sealed class NumericRow
    {
        public float Label { get; set; }
        public string Text { get; set; } = "";
    }

    private sealed class Scored
    {
        public string PredictedText { get; set; } = "";
    }

    private static IDataView Data(MLContext ml, IEnumerable<(string Text, string Label)> rows) =>
        ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Text = r.Text, Label = r.Label }).ToArray());

    [Fact]
    public void Featurizer_is_an_estimator_in_a_pipeline_with_an_ml_net_trainer()
    {
        var ml = new MLContext(seed: 1);
        var train = Data(ml, TopicClassifierTests.Corpus);
        var options = new TextFeaturizerOptions { MinDocumentFrequency = 1 };
        var pipeline = new TextFeaturizerEstimator("Text", "Features", options)
            .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
            // ML.NET's default L1 = L2 = 1 would zero every weight on 18 texts
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1, L1Regularization = 0, L2Regularization = 1e-3f,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedText", "PredictedLabel"));
        var model = pipeline.Fit(train);

        var test = Data(ml,
        [
            ("De treinen hebben vertraging op het spoor.", "vervoer"),
            ("Moet de btw en de belasting omhoog?", "fiscaliteit"),
            ("Het ziekenhuis heeft te weinig artsen voor de patiënten.", "gezondheid"),
        ]);
        var scored = model.Transform(test);
        var predicted = ml.Data.CreateEnumerable<Scored>(scored, reuseRowObject: false).Select(s => s.PredictedText).ToArray();
        Assert.Equal(["vervoer", "fiscaliteit", "gezondheid"], predicted);

        // the features column: a known-size float vector with the n-grams as slot names
        var featurizer = model.OfType<TextFeaturizerTransformer>().Single();
        var column = scored.Schema["Features"];
        Assert.Equal(featurizer.Dimension, ((VectorDataViewType)column.Type).Size);
        VBuffer<ReadOnlyMemory<char>> slots = default;
        column.GetSlotNames(ref slots);
        Assert.Contains("trein", slots.DenseValues().Select(s => s.ToString()));
    }

    [Fact]
    public void Features_match_the_topic_featurizer_and_are_sparse_and_sorted()
    {
        var ml = new MLContext(seed: 1);
        var data = Data(ml, TopicClassifierTests.Corpus);
        var transformer = new TextFeaturizerEstimator("Text").Fit(data);
        var output = transformer.Transform(data);
        var vectors = new List<VBuffer<float>>();
        using (var cursor = output.GetRowCursor([output.Schema["Features"]]))
        {
            var getter = cursor.GetGetter<VBuffer<float>>(output.Schema["Features"]);
            while (cursor.MoveNext())
            {
                VBuffer<float> v = default;
                getter(ref v);
                vectors.Add(v);
            }
        }
        Assert.Equal(TopicClassifierTests.Corpus.Length, vectors.Count);
        for (int i = 0; i < vectors.Count; i++)
        {
            var v = vectors[i];
            Assert.False(v.IsDense);
            var indices = v.GetIndices().ToArray();
            Assert.Equal(indices.Order().ToArray(), indices);
            // each block (word n-grams, character n-grams) is L2-normalised: squared norm 2 in all
            Assert.Equal(2.0, v.GetValues().ToArray().Sum(x => (double)x * x), 3);
            int n = transformer.Featurizer.Transform(TopicClassifierTests.Corpus[i].Text, out var idx, out _);
            Assert.Equal(idx.ToArray().Order().ToArray(), indices);
            Assert.Equal(n, indices.Length);
        }
        // the text column stays
        Assert.Equal(TopicClassifierTests.Corpus[0].Text, output.GetColumn<string>("Text").First());
    }

    [Fact]
    public void Schema_errors_name_the_column()
    {
        var ml = new MLContext(seed: 1);
        var data = Data(ml, TopicClassifierTests.Corpus);
        var e = Assert.Throws<ArgumentException>(() => new TextFeaturizerEstimator("Body").Fit(data));
        Assert.Contains("'Body'", e.Message);
        // in a chain, ML.NET propagates schemas first: the estimator's output schema check names the column too
        var chain = new TextFeaturizerEstimator("Body").Append(ml.Transforms.Conversion.MapValueToKey("Label"));
        e = Assert.Throws<ArgumentException>(() => chain.Fit(data));
        Assert.Contains("'Body'", e.Message);
        var label = Assert.Throws<ArgumentException>(() => new TextFeaturizerEstimator("Label").Append(ml.Transforms.Conversion.MapValueToKey("Label")).Fit(
            ml.Data.LoadFromEnumerable(new[] { new NumericRow { Label = 1f, Text = "x" } })));
        Assert.Contains("'Label'", label.Message);
    }
}
