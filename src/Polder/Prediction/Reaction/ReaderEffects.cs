using Polder.Prediction.Learners;

namespace Polder.Prediction.Reaction;

/// <summary>One reader's yes/no judgment and the log-odds a model gave it before knowing who the reader is.</summary>
/// <param name="Reader">The reader (a panel member's id).</param>
/// <param name="Yes">The reader's judgment.</param>
/// <param name="LogOdds">The model's log-odds for the judgment from the text and the reader's group alone.</param>
public readonly record struct ReaderVote(long Reader, bool Yes, double LogOdds);

/// <summary>
/// Per-reader propensities on top of a text × group model: some panel members call almost everything biased, others
/// almost nothing, and their group does not say which. Each reader's effect is a random intercept in log-odds, the
/// MAP estimate under a normal prior whose variance is chosen by the Laplace-approximated marginal likelihood over all
/// readers (no hand-set knob): a reader seen once moves little, a reader seen often moves as far as the data say.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Fit it on out-of-fold log-odds, so the text model's in-sample fit does not leak into the readers' effects. The
/// effects are keyed by the reader ids of the training data (pseudonymous panel ids); a model that holds them describes
/// those readers, so treat it like the data it came from.
/// </remarks>
public sealed class ReaderEffects
{
    /// <summary>Largest number of readers a model file may hold.</summary>
    public const int MaxReaders = 10_000_000;

    private static readonly double[] VarianceGrid = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5];
    private readonly Dictionary<long, double> _effects;

    private ReaderEffects(Dictionary<long, double> effects, double variance)
    {
        _effects = effects; Variance = variance;
    }

    /// <summary>The prior variance of the reader effects (log-odds²) chosen by marginal likelihood.</summary>
    public double Variance { get; }

    /// <summary>Number of readers with an effect.</summary>
    public int Count => _effects.Count;

    /// <summary>True when <paramref name="reader"/> was seen in training.</summary>
    public bool Knows(long reader) => _effects.ContainsKey(reader);

    /// <summary>The reader's effect in log-odds (0 for a reader not seen in training: the typical member of the group).</summary>
    public double EffectOf(long reader) => _effects.GetValueOrDefault(reader);

    /// <summary>Fits every reader's effect from their judgments and the model's log-odds for them.</summary>
    public static ReaderEffects Fit(IEnumerable<ReaderVote> votes)
    {
        var byReader = votes.GroupBy(v => v.Reader).Select(g => (g.Key, Votes: g.ToArray())).OrderBy(g => g.Key).ToArray();
        double best = VarianceGrid[0], bestLogLik = double.NegativeInfinity;
        foreach (var s2 in VarianceGrid)
        {
            double logLik = 0;
            foreach (var (_, v) in byReader) logLik += Estimate(v, s2).LaplaceLogLik;
            if (logLik > bestLogLik) { bestLogLik = logLik; best = s2; }
        }
        var effects = new Dictionary<long, double>(byReader.Length);
        foreach (var (reader, v) in byReader) effects[reader] = Estimate(v, best).Effect;
        return new ReaderEffects(effects, best);
    }

    // Newton's method on the penalised log-likelihood of one reader; the Laplace approximation of the marginal
    // likelihood is the penalised maximum minus ½ log(variance × curvature).
    private static (double Effect, double LaplaceLogLik) Estimate(ReaderVote[] votes, double variance)
    {
        double u = 0, h = 1 / variance;
        for (int it = 0; it < 50; it++)
        {
            double g = -u / variance; h = 1 / variance;
            foreach (var v in votes)
            {
                double p = SparseLogisticRegression.Sigmoid(v.LogOdds + u);
                g += (v.Yes ? 1 : 0) - p; h += p * (1 - p);
            }
            double step = g / h;
            u += step;
            if (Math.Abs(step) < 1e-10) break;
        }
        double ll = -u * u / (2 * variance);
        foreach (var v in votes)
        {
            double z = v.LogOdds + u;
            // log σ(z) and log σ(−z) without overflow
            ll += v.Yes ? -Softplus(-z) : -Softplus(z);
        }
        return (u, ll - 0.5 * Math.Log(variance * h));
    }

    private static double Softplus(double x) => x > 30 ? x : Math.Log(1 + Math.Exp(x));

    internal void Save(BinaryWriter w)
    {
        w.Write(Variance);
        w.Write(_effects.Count);
        foreach (var (reader, effect) in _effects.OrderBy(p => p.Key)) { w.Write(reader); w.Write(effect); }
    }

    internal static ReaderEffects Load(BinaryReader r)
    {
        double variance = r.ReadDouble();
        int n = r.ReadInt32();
        if (n < 0 || n > MaxReaders) throw new InvalidDataException($"reader-effect count {n} is outside 0..{MaxReaders}");
        if (!(variance > 0) || double.IsInfinity(variance)) throw new InvalidDataException($"reader-effect variance {variance} is not a positive number");
        var effects = new Dictionary<long, double>(Math.Min(n, 1 << 20));
        for (int i = 0; i < n; i++)
        {
            long reader = r.ReadInt64(); double e = r.ReadDouble();
            if (!double.IsFinite(e)) throw new InvalidDataException($"reader {reader}: effect is not a finite number");
            if (!effects.TryAdd(reader, e)) throw new InvalidDataException($"reader {reader} appears twice");
        }
        return new ReaderEffects(effects, variance);
    }
}
