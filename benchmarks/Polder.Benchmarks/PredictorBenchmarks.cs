using BenchmarkDotNet.Attributes;
using Polder.Prediction.Engagement;
using Polder.Prediction.Learners;
using Polder.Prediction.Reaction;

namespace Polder.Benchmarks;

/// <summary>
/// The in-process predictors from saved models: one engagement prediction (reply within 24 h, 150 boosted trees) and
/// one text-reaction prediction from a featurized article, single-threaded, and throughput of the engagement predictor
/// with 1 and 8 concurrent callers sharing one model instance (no locks: the model is immutable).
/// Models are trained in setup on ../shared/data (reddit-emory-messages.csv and the DPG Media files), saved to a
/// stream and loaded back, as a service would.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PredictorBenchmarks
{
    private const int RowsPerInvoke = 4096;
    private EngagementModel _engagement = null!;
    private TextReactionModel _reaction = null!;
    private float[] _rows = [];
    private SparseVector _article;
    private long[] _panel = [];
    private int _next;

    /// <summary>Concurrent callers for <see cref="EngagementThroughput"/>.</summary>
    [Params(1, 8)]
    public int Threads { get; set; }

    /// <summary>Trains, saves and loads the models.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var posts = EngagementPost.ReadCsv(BenchmarkData.PathOf("community/reddit-emory-messages.csv"));
        var x = EngagementFeatures.Build(posts);
        var y = EngagementFeatures.Labels(posts);
        _rows = x;
        var trained = EngagementModel.Train(x, y);
        using (var ms = new MemoryStream()) { trained.Save(ms); ms.Position = 0; _engagement = EngagementModel.Load(ms); }

        var data = ReaderJudgments.Read(BenchmarkData.PathOf("groups/dpgmedia2019-annotations.csv"), BenchmarkData.PathOf("groups/dpgmedia2019-annotatorData.csv"),
            BenchmarkData.PathOf("groups/dpgMedia2019-articles-byarticle-all.jsonl"));
        var cells = TextReactionCell.Aggregate(data.Judgments, ReaderGrouping.PoliticalStandpoint);
        var reaction = TextReactionModel.Train(cells, data.Articles); // calibrated, with reader effects
        _panel = cells.First(c => c.Group == "(Gematigd) rechts" && c.Judgments >= 5).Readers!.Select(j => j.RespondentId).ToArray();
        using (var ms = new MemoryStream()) { reaction.Save(ms); ms.Position = 0; _reaction = TextReactionModel.Load(ms); }
        var a = data.Articles.First().Value;
        _article = _reaction.Featurize(a.Title, a.Text);
    }

    /// <summary>One engagement prediction (a different post each call).</summary>
    [Benchmark]
    public double EngagementSingle()
    {
        int d = EngagementFeatures.Count, n = _rows.Length / d;
        int i = _next++ % n;
        return _engagement.Predict(_rows.AsSpan(i * d, d));
    }

    /// <summary>One text-reaction prediction for a featurized article and a group.</summary>
    [Benchmark]
    public double ReactionSingle() => _reaction.PredictShare(_article, "(Gematigd) rechts");

    /// <summary>One text-reaction point forecast for a featurized article and five named readers of a group (their learned propensities and the Poisson-binomial median).</summary>
    [Benchmark]
    public double ReactionForNamedReaders() => _reaction.PredictShare(_article, "(Gematigd) rechts", _panel);

    /// <summary>The 80% interval of the whole group's share (Beta quantiles by bisection on the incomplete beta function).</summary>
    [Benchmark]
    public double ReactionGroupInterval() => _reaction.PredictShareInterval(_article, "(Gematigd) rechts").Upper;

    /// <summary>The 80% interval of five named readers' share (beta-binomial, shortest run of attainable shares).</summary>
    [Benchmark]
    public double ReactionReadersInterval() => _reaction.PredictShareInterval(_article, "(Gematigd) rechts", _panel).Upper;

    /// <summary><see cref="RowsPerInvoke"/> engagement predictions spread over <see cref="Threads"/> threads sharing one model.</summary>
    [Benchmark(OperationsPerInvoke = RowsPerInvoke)]
    public double EngagementThroughput()
    {
        int d = EngagementFeatures.Count, n = _rows.Length / d, per = RowsPerInvoke / Threads;
        var sums = new double[Threads * 8];
        var model = _engagement; var rows = _rows;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            double s = 0;
            for (int k = 0; k < per; k++) { int i = (t * per + k) % n; s += model.Predict(rows.AsSpan(i * d, d)); }
            sums[t * 8] = s;
        });
        return sums.Sum();
    }
}
