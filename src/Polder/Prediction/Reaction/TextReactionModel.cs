using Polder.Prediction.Features;
using Polder.Prediction.Learners;
using Polder.Prediction.Opinion;

namespace Polder.Prediction.Reaction;

/// <summary>Settings of <see cref="TextReactionModel.Train"/>.</summary>
public sealed record TextReactionOptions
{
    /// <summary>The text featurizer settings.</summary>
    public TextFeaturizerOptions Text { get; init; } = new();
    /// <summary>The logistic-regression settings.</summary>
    public LogisticOptions Logistic { get; init; } = new() { Epochs = 10, LearningRate = 0.1 };
    /// <summary>Scale of the text × group interaction features (smaller = more pooling towards the shared text effect).</summary>
    public float InteractionScale { get; init; } = 0.5f;
    /// <summary>Use the text × group interactions at all.</summary>
    public bool Interactions { get; init; } = false;
    /// <summary>Use the text at all (false = group effects only).</summary>
    public bool UseText { get; init; } = true;
    /// <summary>Use group effects (false = text only).</summary>
    public bool UseGroups { get; init; } = true;
    /// <summary>Fit a Platt calibration on out-of-fold predictions of this many inner folds (0 = none).</summary>
    public int CalibrationFolds { get; init; } = 3;
    /// <summary>
    /// Learn the point forecast for absolute error (<see cref="TextReactionModel.PredictShare(in SparseVector, string)"/>)
    /// as the calibrated probability minus a shift chosen on the out-of-fold calibration predictions (needs
    /// <see cref="CalibrationFolds"/> &gt; 1). The absolute error of a share of a few judgments is smallest at the
    /// median of its distribution, which for a skewed binomial lies below the mean; the probability itself (for the
    /// Brier score) is unchanged. False = the point forecast is the probability.
    /// </summary>
    public bool FitPointShift { get; init; } = true;
    /// <summary>Calibrate slope and offset per group (a low-rank text × group interaction), pooled towards the global calibration.</summary>
    public bool GroupCalibration { get; init; } = true;
    /// <summary>Strength (in judgments) of the pull of per-group calibrations towards the global one.</summary>
    public double GroupCalibrationPrior { get; init; } = 200;
    /// <summary>
    /// Learn each panel member's propensity (<see cref="ReaderEffects"/>) when the training cells carry their
    /// individual judgments (<see cref="TextReactionCell.Readers"/>); needs <see cref="CalibrationFolds"/> &gt; 1, because
    /// the effects are fitted on out-of-fold log-odds. Predictions that name the readers then use them.
    /// </summary>
    public bool ReaderEffects { get; init; } = true;
}

/// <summary>
/// Predicts the share of a reader group that will judge a text a certain way (here: partisan), from the text's hashed
/// stems and stem bigrams (Polder's tokenizer and stemmer, TF-IDF), group effects and text × group interactions, in a
/// binomial logistic regression with Platt calibration. Immutable and thread-safe; save/load with a stream.
/// </summary>
public sealed class TextReactionModel
{
    private readonly HashedTextFeaturizer? _text;
    private readonly Dictionary<string, int> _groups;
    private readonly string[] _groupNames;
    private readonly double[] _weights;
    private readonly float _interactionScale;
    private readonly bool _interactions;
    private readonly bool _useGroups;
    private readonly double _calA, _calB, _shift;
    private readonly double[] _groupA, _groupB; // per-group Platt (text × group slope and offset); empty = global only
    private readonly ReaderEffects? _readers;
    private readonly double _overdispersion;

    private TextReactionModel(HashedTextFeaturizer? text, string[] groups, double[] weights, float interactionScale, bool interactions, bool useGroups, double calA, double calB, double shift, double[]? groupA = null, double[]? groupB = null, ReaderEffects? readers = null, double overdispersion = 0)
    {
        _readers = readers; _overdispersion = overdispersion;
        _groupA = groupA ?? []; _groupB = groupB ?? [];
        _text = text; _groupNames = groups; _weights = weights; _interactionScale = interactionScale; _interactions = interactions; _useGroups = useGroups;
        _calA = calA; _calB = calB; _shift = shift;
        _groups = groups.Select((g, i) => (g, i)).ToDictionary(p => p.g, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The reader groups known to the model (an unknown group gets the shared effects only).</summary>
    public IReadOnlyList<string> Groups => _groupNames;

    private int TextOffset => 1 + _groupNames.Length;
    private int TextDim => _text?.Dimension ?? 0;
    private int InteractionOffset => TextOffset + TextDim;
    private int Dimension => InteractionOffset + (_interactions ? TextDim : 0);

    /// <summary>The text's feature vector (compute once, reuse for every group).</summary>
    public SparseVector Featurize(string title, string text) => _text?.Transform(title, text) ?? SparseVector.Empty;

    /// <summary>The point forecast (for absolute error) of the share of <paramref name="group"/> judging the text partisan.</summary>
    public double PredictShare(string title, string text, string group) => PredictShare(Featurize(title, text), group);

    /// <summary>
    /// The point forecast of the group's partisan share for absolute error: the calibrated probability minus the
    /// learned <see cref="PointShift"/> (at least 0). Use <see cref="PredictProbability(in SparseVector, string)"/> for the expected share.
    /// </summary>
    public double PredictShare(in SparseVector text, string group) => Math.Max(0, PredictProbability(text, group) - _shift);

    /// <summary>
    /// The point forecast for absolute error of the share of <paramref name="readers"/> readers of the group who will
    /// judge the text partisan: the median of Binomial(readers, p)/readers with p the calibrated probability
    /// (<see cref="BinomialMedian"/>). The observed share of a few readers is lumpy (0, ½, 1 for two), and its median
    /// is the forecast with the smallest expected absolute error; for many readers it approaches p.
    /// </summary>
    public double PredictShare(in SparseVector text, string group, int readers) => BinomialMedian.Share(PredictProbability(text, group), readers);

    /// <summary>
    /// The point forecast for absolute error of the share of the named <paramref name="readers"/> (members of
    /// <paramref name="group"/>) who will judge the text partisan: each reader's probability adds their learned
    /// propensity (<see cref="Readers"/>; 0 for a reader not seen in training), and the forecast is the median of the
    /// resulting Poisson-binomial share (<see cref="PoissonBinomialMedian"/>).
    /// </summary>
    public double PredictShare(in SparseVector text, string group, IReadOnlyList<long> readers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(readers.Count, 1, nameof(readers));
        double logOdds = LogOdds(text, group);
        Span<double> p = readers.Count <= 256 ? stackalloc double[readers.Count] : new double[readers.Count];
        for (int i = 0; i < p.Length; i++) p[i] = SparseLogisticRegression.Sigmoid(logOdds + (_readers?.EffectOf(readers[i]) ?? 0));
        return PoissonBinomialMedian.Share(p);
    }

    /// <summary>The expected share of the named <paramref name="readers"/> of <paramref name="group"/> who will judge the
    /// text partisan: the mean of their probabilities, each with the reader's propensity (use it for the Brier score).</summary>
    public double PredictProbability(in SparseVector text, string group, IReadOnlyList<long> readers)
    {
        if (readers.Count == 0) return PredictProbability(text, group);
        double logOdds = LogOdds(text, group), sum = 0;
        for (int i = 0; i < readers.Count; i++) sum += SparseLogisticRegression.Sigmoid(logOdds + (_readers?.EffectOf(readers[i]) ?? 0));
        return sum / readers.Count;
    }

    /// <summary>
    /// How much readers of the same text agree beyond what the model predicts: the intra-class correlation ρ of two
    /// readers' judgments, estimated by moments from the out-of-fold probabilities in training (0 for a model without
    /// calibration folds or saved by an earlier version). It widens the share intervals from binomial to beta-binomial.
    /// </summary>
    public double Overdispersion => _overdispersion;

    /// <summary>
    /// The central <paramref name="coverage"/> interval (default 80%) of the partisan share of the whole group: a Beta
    /// distribution around the calibrated probability with the model's <see cref="Overdispersion"/>.
    /// </summary>
    public ShareInterval PredictShareInterval(in SparseVector text, string group, double coverage = 0.8) =>
        ShareInterval.ForGroup(PredictProbability(text, group), _overdispersion, coverage);

    /// <summary>The shortest interval of attainable shares k/<paramref name="readers"/> holding at least
    /// <paramref name="coverage"/> of the probability for that many readers of the group (beta-binomial).</summary>
    public ShareInterval PredictShareInterval(in SparseVector text, string group, int readers, double coverage = 0.8) =>
        ShareInterval.ForReaders(PredictProbability(text, group), _overdispersion, readers, coverage);

    /// <summary>The shortest interval of attainable shares of the named <paramref name="readers"/> holding at least
    /// <paramref name="coverage"/> of the probability (beta-binomial around the mean of their probabilities, each with the
    /// reader's propensity).</summary>
    public ShareInterval PredictShareInterval(in SparseVector text, string group, IReadOnlyList<long> readers, double coverage = 0.8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(readers.Count, 1, nameof(readers));
        return ShareInterval.ForReaders(PredictProbability(text, group, readers), _overdispersion, readers.Count, coverage);
    }

    /// <summary>The panel members' propensities learned in training (null when the model was trained on counts only).</summary>
    public ReaderEffects? Readers => _readers;

    /// <summary>The shift between the probability and the point forecast (0 when not fitted).</summary>
    public double PointShift => _shift;

    /// <summary>The calibrated probability that one reader of the group finds the text partisan (the expected share; use it for the Brier score).</summary>
    public double PredictProbability(in SparseVector text, string group) => SparseLogisticRegression.Sigmoid(LogOdds(text, group));

    private double LogOdds(in SparseVector text, string group)
    {
        var (a, b) = CalibrationOf(group);
        return a * Score(text, group) + b;
    }

    private (double A, double B) CalibrationOf(string group) =>
        _groupA.Length > 0 && _groups.TryGetValue(group, out var g) ? (_groupA[g], _groupB[g]) : (_calA, _calB);

    private double Score(in SparseVector text, string group)
    {
        double z = _weights[0];
        int g = _useGroups && _groups.TryGetValue(group, out var gi) ? gi : -1;
        if (g >= 0) z += _weights[1 + g];
        var idx = text.Indices; var val = text.Values;
        int mask = TextDim - 1;
        for (int i = 0; i < idx.Length; i++)
        {
            z += _weights[TextOffset + idx[i]] * val[i];
            if (_interactions && g >= 0) z += _weights[InteractionOffset + (Mix(idx[i], g) & mask)] * val[i] * _interactionScale;
        }
        return z;
    }

    /// <summary>The largest contributions (in log-odds before calibration) to the prediction for one text and group.</summary>
    public IReadOnlyList<FeatureContribution> Explain(string title, string text, string group, int top = 10)
    {
        var x = Featurize(title, text);
        var list = new List<FeatureContribution> { new("bias", 1, _weights[0]) };
        int g = _useGroups && _groups.TryGetValue(group, out var gi) ? gi : -1;
        if (g >= 0) list.Add(new("group=" + group, 1, _weights[1 + g]));
        int mask = TextDim - 1;
        var terms = new List<FeatureContribution>();
        for (int i = 0; i < x.Count; i++)
        {
            double c = _weights[TextOffset + x.Indices[i]] * x.Values[i];
            if (_interactions && g >= 0) c += _weights[InteractionOffset + (Mix(x.Indices[i], g) & mask)] * x.Values[i] * _interactionScale;
            terms.Add(new("text:" + _text!.NameOf(x.Indices[i]), x.Values[i], c));
        }
        list.AddRange(terms.OrderByDescending(t => Math.Abs(t.Contribution)).Take(top));
        return list;
    }

    private static int Mix(int bucket, int group) => (int)(((uint)bucket * 0x9E3779B1u) ^ ((uint)(group + 1) * 0x85EBCA77u)) & int.MaxValue;

    private SparseVector Row(in SparseVector text, int g)
    {
        var pairs = new List<KeyValuePair<int, float>>(2 + text.Count * 2) { new(0, 1f) };
        if (_useGroups && g >= 0) pairs.Add(new(1 + g, 1f));
        int mask = TextDim - 1;
        for (int i = 0; i < text.Count; i++)
        {
            pairs.Add(new(TextOffset + text.Indices[i], text.Values[i]));
            if (_interactions && g >= 0) pairs.Add(new(InteractionOffset + (Mix(text.Indices[i], g) & mask), text.Values[i] * _interactionScale));
        }
        return SparseVector.From(pairs);
    }

    /// <summary>Trains on cells whose articles are in <paramref name="articles"/>.</summary>
    public static TextReactionModel Train(IReadOnlyList<TextReactionCell> cells, IReadOnlyDictionary<long, (string Title, string Text)> articles, TextReactionOptions? options = null)
    {
        options ??= new TextReactionOptions();
        var raw = TrainRaw(cells, articles, options);
        double a = 1, b = 0;
        if (options.CalibrationFolds > 1)
        {
            // Out-of-fold raw scores, article-grouped, then a weighted Platt fit.
            var ids = cells.Select(c => c.ArticleId).Distinct().Order().ToArray();
            new Random(options.Logistic.Seed + 7).Shuffle(ids);
            var fold = ids.Select((id, i) => (id, i % options.CalibrationFolds)).ToDictionary(p => p.id, p => p.Item2);
            var z = new double[cells.Count];
            for (int f = 0; f < options.CalibrationFolds; f++)
            {
                var train = cells.Where(c => fold[c.ArticleId] != f).ToArray();
                var m = TrainRaw(train, articles, options);
                var cache = new Dictionary<long, SparseVector>();
                for (int i = 0; i < cells.Count; i++)
                {
                    if (fold[cells[i].ArticleId] != f) continue;
                    if (!cache.TryGetValue(cells[i].ArticleId, out var x)) cache[cells[i].ArticleId] = x = m.Featurize(articles[cells[i].ArticleId].Title, articles[cells[i].ArticleId].Text);
                    z[i] = m.Score(x, cells[i].Group);
                }
            }
            (a, b) = Platt(z, cells, 1, 0, 0);
            double[]? ga = null, gb = null;
            if (options.GroupCalibration && raw._groupNames.Length > 0)
            {
                ga = new double[raw._groupNames.Length]; gb = new double[raw._groupNames.Length];
                for (int g = 0; g < ga.Length; g++)
                {
                    var sel = Enumerable.Range(0, cells.Count).Where(i => cells[i].Group == raw._groupNames[g]).ToArray();
                    (ga[g], gb[g]) = Platt(sel.Select(i => z[i]).ToArray(), sel.Select(i => cells[i]).ToArray(), a, b, options.GroupCalibrationPrior);
                }
            }
            var calibrated = new TextReactionModel(raw._text, raw._groupNames, raw._weights, raw._interactionScale, raw._interactions, raw._useGroups, a, b, 0, ga, gb);
            ReaderEffects? readers = null;
            if (options.ReaderEffects && cells.Any(c => c.Readers is { Count: > 0 }))
            {
                var votes = new List<ReaderVote>(cells.Sum(c => c.Judgments));
                for (int i = 0; i < cells.Count; i++)
                {
                    if (cells[i].Readers is not { } judged) continue;
                    var (ca, cb) = calibrated.CalibrationOf(cells[i].Group);
                    foreach (var j in judged) votes.Add(new ReaderVote(j.RespondentId, j.Partisan, ca * z[i] + cb));
                }
                readers = ReaderEffects.Fit(votes);
            }
            var p = new double[cells.Count];
            for (int i = 0; i < cells.Count; i++)
            {
                var (ca, cb) = calibrated.CalibrationOf(cells[i].Group);
                p[i] = SparseLogisticRegression.Sigmoid(ca * z[i] + cb);
            }
            double shift = options.FitPointShift ? BestShift(p, cells) : 0;
            return new TextReactionModel(raw._text, raw._groupNames, raw._weights, raw._interactionScale, raw._interactions, raw._useGroups, a, b, shift, ga, gb, readers, EstimateOverdispersion(p, cells));
        }
        return new TextReactionModel(raw._text, raw._groupNames, raw._weights, raw._interactionScale, raw._interactions, raw._useGroups, a, b, 0);
    }

    private static TextReactionModel TrainRaw(IReadOnlyList<TextReactionCell> cells, IReadOnlyDictionary<long, (string Title, string Text)> articles, TextReactionOptions options)
    {
        var ids = cells.Select(c => c.ArticleId).Distinct().Order().ToArray();
        var text = options.UseText ? HashedTextFeaturizer.Fit(ids.Select(id => articles[id]), options.Text) : null;
        var groups = options.UseGroups ? cells.Select(c => c.Group).Distinct().Order(StringComparer.Ordinal).ToArray() : [];
        var shell = new TextReactionModel(text, groups, [], options.InteractionScale, options.Interactions && options.UseText && options.UseGroups, options.UseGroups, 1, 0, 1);
        var vectors = ids.ToDictionary(id => id, id => shell.Featurize(articles[id].Title, articles[id].Text));
        var rows = cells.Select(c => shell.Row(vectors[c.ArticleId], shell._groups.GetValueOrDefault(c.Group, -1))).ToArray();
        var w = SparseLogisticRegression.Train(rows, cells.Select(c => (double)c.Partisan).ToArray(), cells.Select(c => (double)c.Judgments).ToArray(), shell.Dimension, options.Logistic);
        return new TextReactionModel(text, groups, w, options.InteractionScale, shell._interactions, options.UseGroups, 1, 0, 1);
    }

    // Moment estimate of the intra-class correlation ρ from out-of-fold probabilities: a beta-binomial count has
    // Var(k) = n p (1 − p) (1 + (n − 1) ρ), so the excess of the squared residuals over the binomial variance, divided by
    // Σ n (n − 1) p (1 − p), estimates ρ.
    private static double EstimateOverdispersion(double[] p, IReadOnlyList<TextReactionCell> cells)
    {
        double excess = 0, scale = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double n = cells[i].Judgments, v = p[i] * (1 - p[i]), r = cells[i].Partisan - n * p[i];
            excess += r * r - n * v;
            scale += n * (n - 1) * v;
        }
        return scale > 0 ? Math.Clamp(excess / scale, 0, 0.95) : 0;
    }

    // The shift (0 to 0.15 in steps of 0.005) that minimises the judgment-weighted absolute error of max(0, p − shift)
    // on out-of-fold probabilities.
    private static double BestShift(double[] p, IReadOnlyList<TextReactionCell> cells)
    {
        double best = 0, bestErr = double.MaxValue;
        for (int step = 0; step <= 30; step++)
        {
            double c = step * 0.005, err = 0;
            for (int i = 0; i < p.Length; i++) err += cells[i].Judgments * Math.Abs(Math.Max(0, p[i] - c) - cells[i].Share);
            if (err < bestErr - 1e-9) { bestErr = err; best = c; }
        }
        return best;
    }

    // Weighted Platt scaling by Newton's method on the binomial log-likelihood, with an L2 pull of strength
    // `prior` (in judgments) towards (a0, b0): per-group slopes and offsets are partially pooled.
    private static (double A, double B) Platt(double[] z, IReadOnlyList<TextReactionCell> cells, double a0, double b0, double prior)
    {
        double a = a0, b = b0;
        for (int it = 0; it < 50; it++)
        {
            double ga = prior * (a - a0), gb = prior * (b - b0), haa = 1e-6 + prior, hab = 0, hbb = 1e-6 + prior;
            for (int i = 0; i < z.Length; i++)
            {
                double p = SparseLogisticRegression.Sigmoid(a * z[i] + b);
                double r = cells[i].Judgments * p - cells[i].Partisan, h = cells[i].Judgments * p * (1 - p);
                ga += r * z[i]; gb += r; haa += h * z[i] * z[i]; hab += h * z[i]; hbb += h;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
            a -= da; b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-9) break;
        }
        return (a, b);
    }

    /// <summary>Writes the model to <paramref name="stream"/> (left open).</summary>
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write("PolderTextReaction4");
        w.Write(_text is not null);
        _text?.Save(w);
        w.Write(_groupNames.Length); foreach (var g in _groupNames) w.Write(g);
        w.Write(_interactionScale); w.Write(_interactions); w.Write(_useGroups); w.Write(_calA); w.Write(_calB); w.Write(_shift);
        w.Write(_groupA.Length); for (int i = 0; i < _groupA.Length; i++) { w.Write(_groupA[i]); w.Write(_groupB[i]); }
        int nz = _weights.Count(v => v != 0);
        w.Write(_weights.Length); w.Write(nz);
        for (int i = 0; i < _weights.Length; i++) if (_weights[i] != 0) { w.Write(i); w.Write(_weights[i]); }
        w.Write(_readers is not null);
        _readers?.Save(w);
        w.Write(_overdispersion);
    }

    /// <summary>Largest model stream <see cref="Load"/> accepts.</summary>
    public const long MaxModelBytes = 256L << 20;

    /// <summary>
    /// Reads a model written by <see cref="Save"/> (this version or the previous one, which has no reader effects).
    /// A foreign, truncated or damaged stream throws <see cref="InvalidDataException"/> saying what is wrong.
    /// </summary>
    public static TextReactionModel Load(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxModelBytes) throw new InvalidDataException($"text-reaction model is larger than {MaxModelBytes >> 20} MiB");
        try { return Read(stream); }
        catch (EndOfStreamException) { throw new InvalidDataException("text-reaction model is truncated"); }
    }

    private static TextReactionModel Read(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        // The tag is a length-prefixed string of 19 bytes; check the prefix first so a foreign file is named as such
        // rather than read as a huge string.
        const string NotAModel = "not a Polder text-reaction model (version 2, 3 or 4)";
        if (r.ReadByte() != 19) throw new InvalidDataException(NotAModel);
        var tag = System.Text.Encoding.ASCII.GetString(r.ReadBytes(19));
        if (tag is not ("PolderTextReaction4" or "PolderTextReaction3" or "PolderTextReaction2")) throw new InvalidDataException(NotAModel);
        var text = r.ReadBoolean() ? HashedTextFeaturizer.Load(r) : null;
        int groupCount = r.ReadInt32();
        if (groupCount is < 0 or > 100_000) throw new InvalidDataException($"group count {groupCount} is out of range");
        var groups = new string[groupCount]; for (int i = 0; i < groups.Length; i++) groups[i] = r.ReadString();
        float scale = r.ReadSingle(); bool inter = r.ReadBoolean(), useGroups = r.ReadBoolean();
        double a = r.ReadDouble(), b = r.ReadDouble(), shift = r.ReadDouble();
        int calibrations = r.ReadInt32();
        if (calibrations != 0 && calibrations != groupCount) throw new InvalidDataException($"{calibrations} group calibrations for {groupCount} groups");
        var ga = new double[calibrations]; var gb = new double[calibrations];
        for (int i = 0; i < ga.Length; i++) { ga[i] = r.ReadDouble(); gb[i] = r.ReadDouble(); }
        int length = r.ReadInt32(), nz = r.ReadInt32();
        int expected = 1 + groupCount + (text?.Dimension ?? 0) * (inter ? 2 : 1);
        if (length != expected) throw new InvalidDataException($"weight vector has {length} entries where the featurizer and groups need {expected}");
        if (nz < 0 || nz > length) throw new InvalidDataException($"non-zero weight count {nz} is outside 0..{length}");
        var weights = new double[length];
        for (int i = 0; i < nz; i++)
        {
            int k = r.ReadInt32();
            if ((uint)k >= (uint)length) throw new InvalidDataException($"weight index {k} is outside 0..{length - 1}");
            weights[k] = r.ReadDouble();
        }
        var readers = tag != "PolderTextReaction2" && r.ReadBoolean() ? ReaderEffects.Load(r) : null;
        double rho = 0;
        if (tag == "PolderTextReaction4")
        {
            rho = r.ReadDouble();
            if (!(rho >= 0 && rho < 1)) throw new InvalidDataException($"overdispersion {rho} is outside [0, 1)");
        }
        return new TextReactionModel(text, groups, weights, scale, inter, useGroups, a, b, shift, ga, gb, readers, rho);
    }
}
