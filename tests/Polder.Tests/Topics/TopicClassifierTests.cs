using Polder.Topics;

namespace Polder.Tests.Topics;

public class TopicClassifierTests
{
    internal static readonly (string Text, string Label)[] Corpus =
    [
        ("De trein naar Utrecht had weer vertraging door een defecte wissel.", "vervoer"),
        ("Waarom rijden er zo weinig bussen en treinen in het weekend?", "vervoer"),
        ("Het spoor tussen Gent en Brussel ligt er slecht bij, de treinen zijn vaak te laat.", "vervoer"),
        ("De NMBS schrapt treinen op de lijn naar Luxemburg.", "vervoer"),
        ("Reizigers klagen over volle treinen en perrons in de spits.", "vervoer"),
        ("Hoeveel verkeersdoden vielen er op de autosnelwegen en spoorwegen?", "vervoer"),
        ("De btw op energie moet omlaag, zegt de minister van Financiën.", "fiscaliteit"),
        ("Hoeveel belasting betalen vennootschappen op hun winst?", "fiscaliteit"),
        ("De fiscus int te weinig personenbelasting bij de grootste vermogens.", "fiscaliteit"),
        ("Belastingontduiking via Panama kost de schatkist miljoenen.", "fiscaliteit"),
        ("De aangifte van de personenbelasting kan voortaan online.", "fiscaliteit"),
        ("De accijnzen op tabak en de btw op alcohol stijgen.", "fiscaliteit"),
        ("Wachtlijsten in de ziekenhuizen worden langer door een tekort aan artsen.", "gezondheid"),
        ("Het RIZIV betaalt de nieuwe geneesmiddelen tegen kanker niet terug.", "gezondheid"),
        ("Huisartsen vragen meer steun voor de zorg aan ouderen.", "gezondheid"),
        ("Het aantal patiënten met griep in de ziekenhuizen stijgt.", "gezondheid"),
        ("Apothekers mogen voortaan vaccins tegen griep toedienen.", "gezondheid"),
        ("De terugbetaling van tandzorg en geneesmiddelen wordt herzien.", "gezondheid"),
    ];

    internal static TopicClassifier TrainSmall(TopicClassifierOptions? options = null) =>
        new TopicClassifierTrainer(options ?? new TopicClassifierOptions { Features = new TextFeaturizerOptions { MinDocumentFrequency = 1 } })
            .Train(Corpus.Select(c => c.Text).ToArray(), Corpus.Select(c => c.Label).ToArray());

    [Fact]
    public void Learns_topics_with_calibrated_probabilities_and_top_k()
    {
        var model = TrainSmall();
        Assert.Equal(["fiscaliteit", "gezondheid", "vervoer"], model.Labels);
        var p = model.Predict("De treinen hebben vertraging op het spoor.", top: 3);
        Assert.Equal("vervoer", p.Label);
        Assert.Equal(3, p.Top.Count);
        Assert.Equal(1.0, p.Top.Sum(t => t.Value), 3);
        Assert.True(p.Top[0].Value >= p.Top[1].Value && p.Top[1].Value >= p.Top[2].Value);
        Assert.Equal(p.Confidence, p.Top[0].Value);
        Assert.Equal("fiscaliteit", model.Predict("Moet de btw en de belasting omhoog?").Label);
        Assert.Equal("gezondheid", model.Predict("Het ziekenhuis heeft te weinig artsen voor de patiënten.").Label);
    }

    [Fact]
    public void Explains_predictions_by_the_ngrams_that_weighed_most()
    {
        var model = TrainSmall();
        var why = model.Explain("De treinen hebben vertraging op het spoor.", count: 5);
        Assert.Equal(5, why.Count);
        Assert.True(why[0].Weight >= why[^1].Weight);
        Assert.Contains(why, w => w.Ngram.Contains("trein") || w.Ngram.Contains("spoor") || w.Ngram.Contains("vertraging"));
    }

    [Fact]
    public void Saves_and_loads_with_the_same_predictions()
    {
        var model = TrainSmall();
        using var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        var loaded = TopicClassifier.Load(ms);
        Assert.Equal(model.Labels, loaded.Labels);
        foreach (var (text, _) in Corpus)
        {
            var a = model.Predict(text); var b = loaded.Predict(text);
            Assert.Equal(a.Label, b.Label);
            Assert.Equal(a.Confidence, b.Confidence, 2);
        }
        Assert.Throws<InvalidDataException>(() => TopicClassifier.Load(new MemoryStream([1, 2, 3])));
    }

    [Fact]
    public void Training_is_deterministic_per_seed()
    {
        static byte[] Bytes(TopicClassifier m) { using var ms = new MemoryStream(); m.Save(ms); return ms.ToArray(); }
        var options = new TopicClassifierOptions { Seed = 7, Features = new TextFeaturizerOptions { MinDocumentFrequency = 1 } };
        Assert.Equal(Bytes(TrainSmall(options)), Bytes(TrainSmall(options)));
        var sdca = options with { Optimizer = TopicOptimizer.Sdca, MaximumIterations = 20 };
        Assert.Equal(Bytes(TrainSmall(sdca)), Bytes(TrainSmall(sdca)));
    }

    [Fact]
    public void Multi_label_models_give_independent_probabilities()
    {
        var texts = Corpus.Select(c => c.Text).Append("De btw op treintickets en de belasting op diesel stijgen.").ToArray();
        var labels = Corpus.Select(c => (IReadOnlyList<string>)[c.Label]).Append(["fiscaliteit", "vervoer"]).ToArray();
        var model = new TopicClassifierTrainer(new TopicClassifierOptions { MultiLabel = true, Features = new TextFeaturizerOptions { MinDocumentFrequency = 1 } })
            .Train(texts, labels);
        Assert.True(model.MultiLabel);
        var p = model.Predict("De btw op treintickets moet omlaag en de treinen hebben vertraging.", top: 3);
        Assert.Contains("vervoer", p.Top.Take(2).Select(t => t.Key));
        Assert.All(p.Labels, l => Assert.True(p.Top.First(t => t.Key == l).Value >= model.MultiLabelThreshold));
    }

    [Fact]
    public void Class_weighting_and_stems_and_pruning_are_options()
    {
        var model = TrainSmall(new TopicClassifierOptions
        {
            ClassWeighting = ClassWeighting.None,
            MaxFeatures = 200,
            Features = new TextFeaturizerOptions { UseStems = true, MinDocumentFrequency = 1, CharNgramMaxLength = 0 },
        });
        Assert.True(model.FeatureCount <= 200);
        Assert.Equal("vervoer", model.Predict("Treinen en bussen rijden niet.").Label);
    }

    [Fact]
    public void Chi_squared_selection_keeps_the_features_that_tell_labels_apart()
    {
        // feature 0 occurs only with label 0, feature 1 with both labels alike, feature 2 mostly with label 1
        (int[], float[])[] vectors =
        [
            ([0, 1], [1f, 1f]), ([0, 1], [1f, 1f]), ([1, 2], [1f, 1f]), ([1, 2], [1f, 1f]), ([1], [1f]),
        ];
        int[][] labels = [[0], [0], [1], [1], [1]];
        var scores = ChiSquareSelection.Scores(vectors, labels, 2, 3);
        Assert.True(scores[0] > scores[2] && scores[2] > scores[1], string.Join(", ", scores));
        Assert.Equal(0.0, scores[1], 6);
        Assert.Equal([0, 2], ChiSquareSelection.Select(vectors, labels, 2, 3, 2));
        Assert.Equal([0, 1, 2], ChiSquareSelection.Select(vectors, labels, 2, 3, 5));
    }

    [Fact]
    public void Selected_features_shrink_the_model_and_keep_it_working()
    {
        var full = TrainSmall();
        var small = TrainSmall(new TopicClassifierOptions { SelectFeatures = 600, Features = new TextFeaturizerOptions { MinDocumentFrequency = 1 } });
        Assert.True(full.FeatureCount > 600);
        Assert.Equal(600, small.FeatureCount);
        Assert.Equal("vervoer", small.Predict("De treinen hebben vertraging op het spoor.").Label);
        Assert.Equal("gezondheid", small.Predict("Het ziekenhuis heeft te weinig artsen voor de patiënten.").Label);
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainSmall(new TopicClassifierOptions { SelectFeatures = -1 }));
    }

    [Fact]
    public void Evaluation_computes_accuracy_and_macro_f1_like_scikit_learn()
    {
        var e = TopicEvaluation.Score(["a", "a", "b", "c"], ["a", "b", "b", "b"]);
        Assert.Equal(0.5, e.Accuracy);
        // F1: a = 2/3, b = 2/3 (tp 1, fp 2 → 2/(2+2) = 0.5?) computed: a: tp1 fn1 → 2/3; b: tp1 fp2 → 0.5; c: 0
        Assert.Equal((2.0 / 3 + 0.5 + 0) / 3, e.MacroF1, 6);
    }
}
