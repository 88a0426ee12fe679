using Polder.Sentiment;
using Polder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Tests.Sentiment;

/// <summary>
/// The acceptance figures on the MP tweets (zegelaar, test-only data): zero-shot on train (the development
/// set) and on test; the trained model's 5-fold CV on train and its test figure. Printed to the test output.
/// The test split was used only to measure, never to choose lexicon entries, rules or hyper-parameters.
/// </summary>
public class SentimentBenchmarkFiguresTests(ITestOutputHelper output)
{
    private const string Train = "sentiment/zegelaar-political-tweets-polarity-train.csv";
    private const string Test = "sentiment/zegelaar-political-tweets-polarity-test.csv";
    private const string Glender = "sentiment/glender-earphone-reviews.csv";

    private static List<SentimentExample> Read(string file)
    {
        var list = new List<SentimentExample>();
        foreach (var (_, v) in Polder.Cli.CsvInput.ReadColumns(SharedData.PathOf(file), TextReader.Null, "content", "polarity"))
            list.Add(new SentimentExample(v[0], SentimentLabels.TryParse(v[1], out var l) ? l : throw new InvalidDataException(v[1])));
        return list;
    }

    private string Report(string name, SentimentEvaluation ev)
    {
        var line = $"{name}: n={ev.Count} accuracy={ev.Accuracy:F4} macro-F1={ev.MacroF1:F4} " +
            string.Join(" ", ev.Classes.Select(c => $"{c.Label}-F1={c.F1:F4}"));
        output.WriteLine(line);
        return line;
    }

    [SharedDataFact(Train, Test)]
    public void ZeroShotMacroF1()
    {
        var a = SentimentAnalyzer.Default;
        foreach (var (name, file) in new[] { ("zero-shot train (dev)", Train), ("zero-shot test", Test) })
        {
            var data = Read(file);
            var ev = SentimentEvaluation.Compute(data.Select(d => d.Label).ToList(), data.Select(d => a.Classify(d.Text).ToName()).ToList());
            Report(name, ev);
            // Issue 15 asks for 0.62 on test (0.596 before the municipal rules; 0.641 after). Train is the development set.
            if (file == Test) Assert.True(ev.MacroF1 >= 0.62, $"zero-shot test macro-F1 {ev.MacroF1:F4} < 0.62");
            else Assert.True(ev.MacroF1 >= 0.62, $"zero-shot train macro-F1 {ev.MacroF1:F4} < 0.62");
        }
    }

    private static SentimentEvaluation ZeroShot(IReadOnlyList<SentimentExample> data)
    {
        var a = SentimentAnalyzer.Default;
        return SentimentEvaluation.Compute(data.Select(d => d.Label).ToList(), data.Select(d => a.Classify(d.Text).ToName()).ToList());
    }

    private static List<SentimentExample> ReadDevSet(string relative, string textColumn = "text", string labelColumn = "label", Func<string, string>? map = null)
    {
        var path = Path.IsPathRooted(relative) ? relative : Path.Combine(SharedData.RepoRoot, relative);
        var list = new List<SentimentExample>();
        foreach (var (_, v) in Polder.Cli.CsvInput.ReadColumns(path, TextReader.Null, textColumn, labelColumn))
        {
            var raw = map is null ? v[1] : map(v[1]);
            list.Add(new SentimentExample(v[0], SentimentLabels.TryParse(raw, out var l) ? l : throw new InvalidDataException(raw)));
        }
        return list;
    }

    /// <summary>
    /// The hand-annotated municipal dev set (devsets/sentiment-municipal, in the repository): rules were developed on
    /// the tune half and only measured on the check half. Before issue 15's rules: 0.680 / 0.701.
    /// </summary>
    [Theory]
    [InlineData("tune")]
    [InlineData("check")]
    public void ZeroShotMacroF1OnMunicipalPosts(string half)
    {
        var ev = ZeroShot(ReadDevSet($"devsets/sentiment-municipal/{half}.csv"));
        Report($"zero-shot municipal {half}", ev);
        Assert.True(ev.MacroF1 >= 0.80, $"zero-shot municipal {half} macro-F1 {ev.MacroF1:F4} < 0.80");
    }

    /// <summary>
    /// Review language must keep its meaning: the 60 + 45 review sentences written as a proxy for held-out restaurant
    /// reviews (devsets/sentiment-review-proxy; 0.726 and 0.696 before issue 15's rules), and the Glender earphone reviews
    /// (stars 1-2 negative, 3 neutral, 4-5 positive; never tuned on; 0.484 before).
    /// </summary>
    [SharedDataFact(Glender)]
    public void ZeroShotMacroF1OnReviews()
    {
        var proxy = ZeroShot(ReadDevSet("devsets/sentiment-review-proxy/reviews.csv"));
        Report("zero-shot review proxy", proxy);
        Assert.True(proxy.MacroF1 >= 0.80, $"zero-shot review-proxy macro-F1 {proxy.MacroF1:F4} < 0.80");
        // Written after the rules and only measured (0.696 with the analyser before issue 15).
        var proxyCheck = ZeroShot(ReadDevSet("devsets/sentiment-review-proxy/reviews-check.csv"));
        Report("zero-shot review proxy check", proxyCheck);
        Assert.True(proxyCheck.MacroF1 >= 0.70, $"zero-shot review-proxy check macro-F1 {proxyCheck.MacroF1:F4} < 0.70");
        var glender = ZeroShot(ReadDevSet(SharedData.PathOf(Glender), "Product_review", "Star_rating",
            stars => stars is "1" or "2" ? "negative" : stars == "3" ? "neutral" : "positive"));
        Report("zero-shot glender reviews", glender);
        Assert.True(glender.MacroF1 >= 0.484, $"zero-shot glender macro-F1 {glender.MacroF1:F4} < 0.484 (the figure before issue 15)");
    }

    [SharedDataFact(Train, Test)]
    public void TrainedModelMacroF1()
    {
        var train = Read(Train);
        var test = Read(Test);
        using var model = SentimentTrainer.Train(train);
        var preds = model.PredictMany(test.Select(t => t.Text));
        var ev = SentimentEvaluation.Compute(test.Select(t => t.Label).ToList(), preds.Select(p => p.Label.ToName()).ToList());
        Report($"trained on {train.Count} train tweets, test", ev);
        // Issue 4 asks for 0.65 (best peer measured on this set: scikit-learn LinearSVC 0.623). The configuration was
        // chosen by repeated 5x5-fold CV on train only (docs/sentiment.md); the test split was then measured once: 0.662
        // (0.664 with issue 15's rules in the analyser features).
        Assert.True(ev.MacroF1 >= 0.65, $"trained test macro-F1 {ev.MacroF1:F4} < 0.65");
    }

    [SharedDataFact(Train)]
    public void TrainedModelCrossValidationOnTrain()
    {
        var (folds, pooled) = SentimentTrainer.CrossValidate(Read(Train));
        output.WriteLine($"5-fold CV on train: fold macro-F1 {string.Join(" ", folds.Select(f => f.ToString("F4")))}, mean {folds.Average():F4}");
        Report("5-fold CV on train, pooled", pooled);
        // Repeated 5x5-fold CV (seeds 1-5) gave 0.697 for the defaults; one 5-fold run varies by about ±0.01.
        Assert.True(pooled.MacroF1 > 0.67, $"5-fold CV macro-F1 {pooled.MacroF1:F4} <= 0.67");
    }
}

/// <summary>A rough single-thread throughput figure (the BenchmarkDotNet benchmark is the reference).</summary>
public class SentimentThroughputTests(ITestOutputHelper output)
{
    [SharedDataFact("text/nl-mixed-corpus.txt")]
    public void ZeroShotThroughputOnTweetSizedDocuments()
    {
        var tweets = File.ReadLines(SharedData.PathOf("text/nl-mixed-corpus.txt")).Where(l => l.Length is > 0 and <= 280).ToArray();
        var a = SentimentAnalyzer.Default;
        double sink = 0;
        foreach (var t in tweets) sink += a.Score(t);
        var best = double.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            foreach (var t in tweets) sink += a.Score(t);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        output.WriteLine($"{tweets.Length} tweet-sized documents (mean {tweets.Average(t => t.Length):F0} chars): {tweets.Length / best:N0} per second on one thread (best of 3; sink {sink:F1})");
        Assert.True(tweets.Length > 1000);
    }
}
