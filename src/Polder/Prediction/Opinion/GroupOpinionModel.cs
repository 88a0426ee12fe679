using Polder.Prediction.Learners;

namespace Polder.Prediction.Opinion;

/// <summary>
/// Forecasts the next wave of group indicator series (support, compliance, … per group and region). The forecast is
/// national part + group offset: the national whole-population value moves by a pooled ridge regression on its own
/// momentum, and the group's offset from the national value is a pooled ridge regression (partial pooling across
/// indicators of the same category, shrinkage by sampling error) trained on earlier waves only. The offset regression
/// is fitted twice: once for the national subgroups (age, sex, education at <c>NL00</c>; ~1,200 respondents a wave,
/// large and real offsets) and once for the regional series (~200 respondents, small offsets buried in sampling
/// noise), because one pooled fit shrinks the precise subgroup offsets as hard as the noisy regional ones.
/// When the table carries related series (<see cref="GroupSeriesTable.Covariates"/>), their change since the previous
/// wave, standardised, joins the national model with a coefficient per indicator category and a weaker penalty.
/// Immutable and thread-safe; save with <see cref="Save"/>, load with <see cref="Load"/>.
/// </summary>
public sealed class GroupOpinionModel
{
    private const string FormatTag = "PolderGroupOpinion3";
    private const double CovariateLambda = 10; // per standardised unit: a weak prior, there are few waves to learn from
    private readonly double[] _subgroupOffset;
    private readonly double[] _regionalOffset;
    private readonly double[] _national;
    private readonly string[] _covariates;   // names the national model uses (empty: none)
    private readonly double[] _covariateScale; // root mean square of each covariate's wave-to-wave change in training
    private readonly string[] _categories;   // indicator categories with a covariate coefficient each

    private GroupOpinionModel(double[] subgroupOffset, double[] regionalOffset, double[] national, double lower, double upper, int trainedThroughWave,
        string[]? covariates = null, double[]? covariateScale = null, string[]? categories = null)
    {
        _subgroupOffset = subgroupOffset; _regionalOffset = regionalOffset; _national = national;
        LowerResidual = lower; UpperResidual = upper; TrainedThroughWave = trainedThroughWave;
        _covariates = covariates ?? []; _covariateScale = covariateScale ?? []; _categories = categories ?? [];
    }

    /// <summary>The related series (<see cref="OpinionCovariates"/>) the national model uses; a table given to forecast must carry them.</summary>
    public IReadOnlyList<string> Covariates => _covariates;

    /// <summary>Names of <see cref="NationalCoefficients"/>: <see cref="GroupOpinionFeatures.NationalNames"/>, then
    /// <c>&lt;covariate&gt;_change[&lt;category&gt;]</c> for each covariate and indicator category.</summary>
    public IReadOnlyList<string> NationalFeatureNames =>
        [.. GroupOpinionFeatures.NationalNames, .. _covariates.SelectMany(c => _categories.Select(k => $"{c}_change[{k}]"))];

    // The national model's features: momentum, then each standardised covariate change in its category's slot.
    private double[] NationalFeatures(GroupSeriesTable table, GroupSeries national, int wave)
    {
        var basic = GroupOpinionFeatures.National(national, wave);
        if (_covariates.Length == 0) return basic;
        var cov = table.Covariates ?? throw new ArgumentException($"the model uses covariates ({string.Join(", ", _covariates)}); the table has none", nameof(table));
        var x = new double[basic.Length + _covariates.Length * _categories.Length];
        basic.CopyTo(x, 0);
        int category = Array.IndexOf(_categories, national.Key.IndicatorCategory);
        if (category < 0) return x;
        for (int k = 0; k < _covariates.Length; k++)
        {
            if (!cov.Contains(_covariates[k])) throw new ArgumentException($"the model uses covariate {_covariates[k]}; the table's covariates are {string.Join(", ", cov.Names)}", nameof(table));
            double change = cov.ValueAt(_covariates[k], wave) - cov.ValueAt(_covariates[k], wave - 1);
            x[basic.Length + k * _categories.Length + category] = double.IsFinite(change) ? change / _covariateScale[k] : 0; // unknown: no signal
        }
        return x;
    }

    /// <summary>10% quantile of the training residuals (added to the point forecast for the interval).</summary>
    public double LowerResidual { get; }

    /// <summary>90% quantile of the training residuals.</summary>
    public double UpperResidual { get; }

    /// <summary>The last wave index (0-based) whose values were used as training targets.</summary>
    public int TrainedThroughWave { get; }

    /// <summary>
    /// All offset-model coefficients: <see cref="SubgroupOffsetCoefficients"/> followed by
    /// <see cref="RegionalOffsetCoefficients"/> (each in the order of <see cref="GroupOpinionFeatures.OffsetNames"/>).
    /// </summary>
    public IReadOnlyList<double> OffsetCoefficients => [.. _subgroupOffset, .. _regionalOffset];

    /// <summary>Offset coefficients for series of the national region (<c>NL00</c> subgroups), in the order of <see cref="GroupOpinionFeatures.OffsetNames"/>.</summary>
    public IReadOnlyList<double> SubgroupOffsetCoefficients => _subgroupOffset;

    /// <summary>Offset coefficients for series of every other region, in the order of <see cref="GroupOpinionFeatures.OffsetNames"/>.</summary>
    public IReadOnlyList<double> RegionalOffsetCoefficients => _regionalOffset;

    /// <summary>National-model coefficients, in the order of <see cref="NationalFeatureNames"/>.</summary>
    public IReadOnlyList<double> NationalCoefficients => _national;

    /// <summary>
    /// Trains on every series of <paramref name="table"/> with target waves 1..<paramref name="lastTargetWave"/>
    /// (0-based indices; never reads a wave after <paramref name="lastTargetWave"/>).
    /// </summary>
    /// <param name="table">The series.</param>
    /// <param name="lastTargetWave">Last wave index used as a training target.</param>
    /// <param name="offsetLambda">Ridge penalty of the two offset models (1000: chosen on target waves 3–4).</param>
    /// <param name="nationalLambda">Ridge penalty of the national model (large: momentum is weak).</param>
    /// <param name="robustIterations">Iteratively reweighted least-squares passes towards a least-absolute-deviation fit (0 = plain ridge).</param>
    public static GroupOpinionModel Train(GroupSeriesTable table, int lastTargetWave, double offsetLambda = 1000, double nationalLambda = 1000, int robustIterations = 0)
    {
        // The covariate layout (names, categories, scales) is fixed from the training waves before any feature is built.
        string[] covariates = [], categories = [];
        double[] scales = [];
        if (table.Covariates is { } cov)
        {
            categories = [.. table.Series.Where(s => s.Key.RegionCode == GroupSeriesKey.National && s.Key.IsTotal).Select(s => s.Key.IndicatorCategory).Distinct().Order(StringComparer.Ordinal)];
            var kept = new List<(string Name, double Scale)>();
            foreach (var name in cov.Names)
            {
                var changes = Enumerable.Range(1, Math.Max(0, lastTargetWave)).Select(w => cov.ValueAt(name, w) - cov.ValueAt(name, w - 1)).Where(double.IsFinite).ToArray();
                double sd = changes.Length < 2 ? 0 : Math.Sqrt(changes.Sum(c => c * c) / changes.Length);
                if (sd > 0) kept.Add((name, sd)); // a covariate that never moved in training carries nothing
            }
            covariates = [.. kept.Select(k => k.Name)]; scales = [.. kept.Select(k => k.Scale)];
        }
        var layout = new GroupOpinionModel([], [], [], 0, 0, lastTargetWave, covariates, scales, categories);
        var sub = (x: new List<double[]>(), y: new List<double>());
        var reg = (x: new List<double[]>(), y: new List<double>());
        var nx = new List<double[]>(); var ny = new List<double>();
        for (int w = 1; w <= lastTargetWave; w++)
            foreach (var s in table.Series)
            {
                var nat = table.Find(s.Key.NationalTotal);
                if (nat is null || !s.Has(w) || !s.Has(w - 1) || !nat.Has(w) || !nat.Has(w - 1)) continue;
                if (ReferenceEquals(s, nat)) { nx.Add(layout.NationalFeatures(table, s, w)); ny.Add(s.Values[w] - s.Values[w - 1]); continue; }
                var rows = IsNationalSubgroup(s.Key) ? sub : reg;
                rows.x.Add(GroupOpinionFeatures.Offset(table, s, w)); rows.y.Add(s.Values[w] - nat.Values[w]);
            }
        var subgroupOffset = FitOffset(sub.x, sub.y, offsetLambda, robustIterations);
        var regionalOffset = FitOffset(reg.x, reg.y, offsetLambda, robustIterations);
        int basic = GroupOpinionFeatures.NationalNames.Count, width = basic + covariates.Length * categories.Length;
        var penalties = Enumerable.Range(0, width).Select(i => i < basic ? nationalLambda : CovariateLambda).ToArray();
        var national = nx.Count > 0 ? RidgeRegression.Fit(nx, ny, penalties) : new double[width];
        var provisional = new GroupOpinionModel(subgroupOffset, regionalOffset, national, 0, 0, lastTargetWave, covariates, scales, categories);
        // Residuals of one-step forecasts on the training targets (the most recent three waves) give the interval.
        var residuals = new List<double>();
        for (int w = Math.Max(1, lastTargetWave - 2); w <= lastTargetWave; w++)
            foreach (var s in table.Series)
                if (s.Has(w) && s.Has(w - 1) && provisional.TryForecastPoint(table, s, w, out var p)) residuals.Add(s.Values[w] - p);
        residuals.Sort();
        double q(double f) => residuals.Count == 0 ? 0 : residuals[(int)Math.Clamp(Math.Round(f * (residuals.Count - 1)), 0, residuals.Count - 1)];
        return new GroupOpinionModel(subgroupOffset, regionalOffset, national, q(0.10), q(0.90), lastTargetWave, covariates, scales, categories);
    }

    // Subgroups of the national sample get their own offset model; every other region (whatever its subgroup) the regional one.
    private static bool IsNationalSubgroup(GroupSeriesKey key) => key.RegionCode == GroupSeriesKey.National;

    private double[] OffsetCoefficientsFor(GroupSeriesKey key) => IsNationalSubgroup(key) ? _subgroupOffset : _regionalOffset;

    private static double[] FitOffset(List<double[]> x, List<double> y, double lambda, int robustIterations)
    {
        if (x.Count == 0) return new double[GroupOpinionFeatures.OffsetNames.Count];
        var beta = RidgeRegression.Fit(x, y, lambda);
        for (int it = 0; it < robustIterations; it++)
        {
            var wts = new double[x.Count];
            for (int i = 0; i < x.Count; i++) wts[i] = 1 / Math.Max(Math.Abs(y[i] - Dot(x[i], beta)), 1.0);
            double mean = wts.Average();
            for (int i = 0; i < wts.Length; i++) wts[i] /= mean;
            beta = RidgeRegression.Fit(x, y, lambda, wts);
        }
        return beta;
    }

    /// <summary>Forecasts wave index <paramref name="wave"/> of <paramref name="series"/> from the waves before it.</summary>
    /// <returns>False when the series or its national series has no value at the previous wave.</returns>
    public bool TryForecast(GroupSeriesTable table, GroupSeries series, int wave, out OpinionForecast forecast)
    {
        if (!TryForecastPoint(table, series, wave, out var p)) { forecast = default; return false; }
        forecast = new OpinionForecast(p, p + LowerResidual, p + UpperResidual);
        return true;
    }

    /// <summary>Per-feature contributions of one forecast (plus <c>national_last</c>, the starting level).</summary>
    public IReadOnlyList<FeatureContribution> Explain(GroupSeriesTable table, GroupSeries series, int wave)
    {
        var list = new List<FeatureContribution>();
        var nat = table.Find(series.Key.NationalTotal);
        if (nat is null || !nat.Has(wave - 1) || !series.Has(wave - 1)) return list;
        list.Add(new("national_last", nat.Values[wave - 1], nat.Values[wave - 1]));
        var nf = NationalFeatures(table, nat, wave);
        var names = NationalFeatureNames;
        for (int i = 0; i < nf.Length; i++) if (i < GroupOpinionFeatures.NationalNames.Count || nf[i] != 0) list.Add(new(names[i], nf[i], nf[i] * _national[i]));
        if (!ReferenceEquals(series, nat))
        {
            var of = GroupOpinionFeatures.Offset(table, series, wave);
            var beta = OffsetCoefficientsFor(series.Key);
            for (int i = 0; i < of.Length; i++) list.Add(new(GroupOpinionFeatures.OffsetNames[i], of[i], of[i] * beta[i]));
        }
        return list;
    }

    private bool TryForecastPoint(GroupSeriesTable table, GroupSeries series, int wave, out double value)
    {
        value = double.NaN;
        if (wave < 1 || !series.Has(wave - 1)) return false;
        var nat = table.Find(series.Key.NationalTotal);
        if (nat is null || !nat.Has(wave - 1)) { value = series.Values[wave - 1]; return true; } // no national anchor: last value
        value = nat.Values[wave - 1] + Dot(NationalFeatures(table, nat, wave), _national);
        if (!ReferenceEquals(series, nat)) value += Dot(GroupOpinionFeatures.Offset(table, series, wave), OffsetCoefficientsFor(series.Key));
        value = Math.Clamp(value, 0, 100);
        return true;
    }

    private static double Dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i] * b[i]; return s; }

    /// <summary>Writes the model to <paramref name="stream"/> (left open).</summary>
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(FormatTag);
        w.Write(TrainedThroughWave); w.Write(LowerResidual); w.Write(UpperResidual);
        foreach (var v in new[] { _subgroupOffset, _regionalOffset, _national }) { w.Write(v.Length); foreach (var x in v) w.Write(x); }
        w.Write(_covariates.Length);
        for (int k = 0; k < _covariates.Length; k++) { w.Write(_covariates[k]); w.Write(_covariateScale[k]); }
        w.Write(_categories.Length);
        foreach (var c in _categories) w.Write(c);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">Not a group-opinion model of this format version, or truncated.</exception>
    public static GroupOpinionModel Load(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            string tag = r.ReadString();
            if (tag == "PolderGroupOpinion1") throw new InvalidDataException("a group-opinion model of format 1 (one offset model); retrain it with this version of Polder");
            if (tag != FormatTag && tag != "PolderGroupOpinion2") throw new InvalidDataException("not a Polder group-opinion model");
            int through = r.ReadInt32(); double lo = r.ReadDouble(), hi = r.ReadDouble();
            var sub = ReadVector(r, GroupOpinionFeatures.OffsetNames.Count);
            var reg = ReadVector(r, GroupOpinionFeatures.OffsetNames.Count);
            if (tag == "PolderGroupOpinion2") return new GroupOpinionModel(sub, reg, ReadVector(r, GroupOpinionFeatures.NationalNames.Count), lo, hi, through);
            // Version 3: the national vector's length depends on the covariate layout written after it.
            int natLength = r.ReadInt32();
            if (natLength is < 0 or > 1_000_000) throw new InvalidDataException($"group-opinion model has {natLength} national coefficients");
            var nat = new double[natLength];
            for (int i = 0; i < natLength; i++) nat[i] = r.ReadDouble();
            int covCount = r.ReadInt32();
            if (covCount is < 0 or > 10_000) throw new InvalidDataException($"group-opinion model has {covCount} covariates");
            var names = new string[covCount]; var scales = new double[covCount];
            for (int k = 0; k < covCount; k++)
            {
                names[k] = r.ReadString(); scales[k] = r.ReadDouble();
                if (!(scales[k] > 0) || !double.IsFinite(scales[k])) throw new InvalidDataException($"covariate {names[k]} has scale {scales[k]}");
            }
            int catCount = r.ReadInt32();
            if (catCount is < 0 or > 10_000) throw new InvalidDataException($"group-opinion model has {catCount} indicator categories");
            var cats = new string[catCount];
            for (int i = 0; i < catCount; i++) cats[i] = r.ReadString();
            int expected = GroupOpinionFeatures.NationalNames.Count + covCount * catCount;
            if (natLength != expected) throw new InvalidDataException($"group-opinion model has {natLength} national coefficients where its covariates need {expected}");
            return new GroupOpinionModel(sub, reg, nat, lo, hi, through, names, scales, cats);
        }
        catch (EndOfStreamException) { throw new InvalidDataException("truncated Polder group-opinion model"); }
    }

    private static double[] ReadVector(BinaryReader r, int expected)
    {
        int n = r.ReadInt32();
        if (n != expected) throw new InvalidDataException($"group-opinion model has {n} coefficients where this version of Polder expects {expected}");
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.ReadDouble();
        return v;
    }
}
