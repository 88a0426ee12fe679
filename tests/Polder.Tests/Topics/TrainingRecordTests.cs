using Polder.Text;
using Polder.Topics;

namespace Polder.Tests.Topics;

/// <summary>What a model remembers of its training (the fingerprint), recency weights, rolling folds, and the document path.</summary>
public class TrainingRecordTests
{
    private static readonly string[] Texts = TopicClassifierTests.Corpus.Select(c => c.Text).ToArray();
    private static readonly string[] Labels = TopicClassifierTests.Corpus.Select(c => c.Label).ToArray();

    [Fact]
    public void A_model_knows_which_texts_it_was_trained_on_after_saving_and_loading()
    {
        var model = TopicClassifierTests.TrainSmall();
        Assert.NotNull(model.Training);
        Assert.Equal(Texts.Length, model.Training!.Count);
        using var s = new MemoryStream();
        model.Save(s);
        s.Position = 0;
        var loaded = TopicClassifier.Load(s);
        Assert.NotNull(loaded.Training);
        // a CSV may give the same row with other line ends or surrounding spaces: still the same row
        var seen = new[] { Texts[0], "  " + Texts[3] + "\r\n", "De trein naar Gent was op tijd.", Texts[5].Replace("?", "!") };
        Assert.Equal(2, loaded.Training!.CountOverlap(seen));
        Assert.True(loaded.Training.Contains(Texts[7]));
        Assert.False(loaded.Training.Contains(Texts[7].ToUpperInvariant()));
    }

    [Fact]
    public void Recency_weights_halve_per_half_life_of_periods_before_the_latest()
    {
        var w = TopicClassifierTrainer.RecencyWeights(["2017-03", "2017-01", "2017-03", "2017-02"], 1);
        Assert.Equal([1f, 0.25f, 1f, 0.5f], w);
        Assert.Equal([1f, 1f], TopicClassifierTrainer.RecencyWeights(["2017-01", "2017-02"], 0));
        Assert.Equal(MathF.Sqrt(0.5f), TopicClassifierTrainer.RecencyWeights(["2017-01", "2017-02"], 2)[0], 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => TopicClassifierTrainer.RecencyWeights(["a"], -1));
    }

    [Fact]
    public void Recency_weighting_changes_the_model_towards_the_latest_period()
    {
        // the same texts, the later period labels "treinen" texts differently: the recency-weighted model follows it
        string[] texts = [.. Texts, .. Texts.Take(6)];
        string[] labels = [.. Labels, .. Enumerable.Repeat("spoor", 6)];
        string[] periods = [.. Enumerable.Repeat("2017-01", Texts.Length), .. Enumerable.Repeat("2017-02", 6)];
        var options = new TopicClassifierOptions { Features = new TextFeaturizerOptions { MinDocumentFrequency = 1 }, ClassWeighting = ClassWeighting.None };
        var flat = new TopicClassifierTrainer(options).Train(texts, labels, periods);
        var recent = new TopicClassifierTrainer(options with { RecencyHalfLife = 0.25f }).Train(texts, labels, periods);
        const string probe = "De treinen hebben vertraging op het spoor.";
        float PSpoor(TopicClassifier m) => m.Predict(probe, 4).Top.First(t => t.Key == "spoor").Value;
        Assert.True(PSpoor(recent) > PSpoor(flat) + 0.1, $"{PSpoor(recent)} vs {PSpoor(flat)}");
        Assert.Equal("spoor", recent.PredictLabel(probe));
    }

    [Fact]
    public void Rolling_validation_trains_on_earlier_periods_only()
    {
        // three "months" of six texts, two of each label per month
        var periods = Enumerable.Range(0, Texts.Length).Select(i => $"2017-0{1 + i % 6 / 2}").ToArray();
        var options = new TopicClassifierOptions { Features = new TextFeaturizerOptions { MinDocumentFrequency = 1 } };
        var folds = TopicRollingValidation.Run(Texts, Labels, periods, options);
        Assert.Equal(["2017-02", "2017-03"], folds.Select(f => f.Period));
        Assert.Equal([6, 12], folds.Select(f => f.TrainCount));
        Assert.All(folds, f => Assert.Equal(6, f.Evaluation.Count));
        Assert.All(folds, f => Assert.InRange(f.Evaluation.Accuracy, 0.5, 1.0));
    }

    [Fact]
    public void The_document_path_gives_the_same_probabilities_as_the_string_path()
    {
        foreach (var stems in new[] { false, true })
        {
            var model = TopicClassifierTests.TrainSmall(new TopicClassifierOptions { Features = new TextFeaturizerOptions { MinDocumentFrequency = 1, UseStems = stems } });
            foreach (var text in new[] { "De TREINEN hebben vertraging op het spoor!\nEn de btw?", "Wachtlijsten bij huisartsen 😡 #zorg @minister", "" })
            {
                var a = new float[3]; var b = new float[3];
                int best = model.PredictProbabilities(text, a);
                Assert.Equal(best, model.PredictProbabilities(TextDocument.Create(text), b));
                Assert.Equal(a, b);
                var p = model.Predict(TextDocument.Create(text), 2);
                Assert.Equal(model.Predict(text, 2).Top, p.Top);
                Assert.Equal(a.Max(), p.Confidence);
            }
        }
    }
}
