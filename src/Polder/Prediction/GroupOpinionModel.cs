namespace Polder.Prediction;

/// <summary>
/// Forecasts the next wave of group indicator series (support, compliance, … per group and region). The forecast is
/// national part + group offset: the national whole-population value moves by a pooled ridge regression on its own
/// momentum, and the group's offset from the national value is a pooled ridge regression (partial pooling across
/// indicators of the same category, shrinkage by sampling error) trained on earlier waves only. Immutable and
/// thread-safe; save with <see cref="Save"/>, load with <see cref="Load"/>.
/// </summary>
public sealed class GroupOpinionModel
{
    private readonly double[] _offset;
    private readonly double[] _national;

    private GroupOpinionModel(double[] offset, double[] national, double lower, double upper, int trainedThroughWave)
    {
        _offset = offset; _national = national; LowerResidual = lower; UpperResidual = upper; TrainedThroughWave = trainedThroughWave;
    }

    /// <summary>10% quantile of the training residuals (added to the point forecast for the interval).</summary>
    public double LowerResidual { get; }

    /// <summary>90% quantile of the training residuals.</summary>
    public double UpperResidual { get; }

    /// <summary>The last wave index (0-based) whose values were used as training targets.</summary>
    public int TrainedThroughWave { get; }

    /// <summary>Offset-model coefficients, in the order of <see cref="GroupOpinionFeatures.OffsetNames"/>.</summary>
    public IReadOnlyList<double> OffsetCoefficients => _offset;

    /// <summary>National-model coefficients, in the order of <see cref="GroupOpinionFeatures.NationalNames"/>.</summary>
    public IReadOnlyList<double> NationalCoefficients => _national;

    /// <summary>
    /// Trains on every series of <paramref name="table"/> with target waves 1..<paramref name="lastTargetWave"/>
    /// (0-based indices; never reads a wave after <paramref name="lastTargetWave"/>).
    /// </summary>
    /// <param name="table">The series.</param>
    /// <param name="lastTargetWave">Last wave index used as a training target.</param>
    /// <param name="offsetLambda">Ridge penalty of the offset model.</param>
    /// <param name="nationalLambda">Ridge penalty of the national model (large: momentum is weak).</param>
    /// <param name="robustIterations">Iteratively reweighted least-squares passes towards a least-absolute-deviation fit (0 = plain ridge).</param>
    public static GroupOpinionModel Train(GroupSeriesTable table, int lastTargetWave, double offsetLambda = 100, double nationalLambda = 1000, int robustIterations = 0)
    {
        var ox = new List<double[]>(); var oy = new List<double>(); var nx = new List<double[]>(); var ny = new List<double>();
        for (int w = 1; w <= lastTargetWave; w++)
            foreach (var s in table.Series)
            {
                var nat = table.Find(s.Key.NationalTotal);
                if (nat is null || !s.Has(w) || !s.Has(w - 1) || !nat.Has(w) || !nat.Has(w - 1)) continue;
                if (ReferenceEquals(s, nat)) { nx.Add(GroupOpinionFeatures.National(s, w)); ny.Add(s.Values[w] - s.Values[w - 1]); }
                else { ox.Add(GroupOpinionFeatures.Offset(table, s, w)); oy.Add(s.Values[w] - nat.Values[w]); }
            }
        var offset = ox.Count > 0 ? RidgeRegression.Fit(ox, oy, offsetLambda) : new double[GroupOpinionFeatures.OffsetNames.Count];
        for (int it = 0; it < robustIterations && ox.Count > 0; it++)
        {
            var wts = new double[ox.Count];
            for (int i = 0; i < ox.Count; i++)
            {
                double r = oy[i]; for (int j = 0; j < offset.Length; j++) r -= ox[i][j] * offset[j];
                wts[i] = 1 / Math.Max(Math.Abs(r), 1.0);
            }
            double mean = wts.Average();
            for (int i = 0; i < wts.Length; i++) wts[i] /= mean;
            offset = RidgeRegression.Fit(ox, oy, offsetLambda, wts);
        }
        var national = nx.Count > 0 ? RidgeRegression.Fit(nx, ny, nationalLambda) : new double[GroupOpinionFeatures.NationalNames.Count];
        var provisional = new GroupOpinionModel(offset, national, 0, 0, lastTargetWave);
        // Residuals of one-step forecasts on the training targets (the most recent three waves) give the interval.
        var residuals = new List<double>();
        for (int w = Math.Max(1, lastTargetWave - 2); w <= lastTargetWave; w++)
            foreach (var s in table.Series)
                if (s.Has(w) && s.Has(w - 1) && provisional.TryForecastPoint(table, s, w, out var p)) residuals.Add(s.Values[w] - p);
        residuals.Sort();
        double q(double f) => residuals.Count == 0 ? 0 : residuals[(int)Math.Clamp(Math.Round(f * (residuals.Count - 1)), 0, residuals.Count - 1)];
        return new GroupOpinionModel(offset, national, q(0.10), q(0.90), lastTargetWave);
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
        var nf = GroupOpinionFeatures.National(nat, wave);
        for (int i = 0; i < nf.Length; i++) list.Add(new(GroupOpinionFeatures.NationalNames[i], nf[i], nf[i] * _national[i]));
        if (!ReferenceEquals(series, nat))
        {
            var of = GroupOpinionFeatures.Offset(table, series, wave);
            for (int i = 0; i < of.Length; i++) list.Add(new(GroupOpinionFeatures.OffsetNames[i], of[i], of[i] * _offset[i]));
        }
        return list;
    }

    private bool TryForecastPoint(GroupSeriesTable table, GroupSeries series, int wave, out double value)
    {
        value = double.NaN;
        if (wave < 1 || !series.Has(wave - 1)) return false;
        var nat = table.Find(series.Key.NationalTotal);
        if (nat is null || !nat.Has(wave - 1)) { value = series.Values[wave - 1]; return true; } // no national anchor: last value
        value = nat.Values[wave - 1] + Dot(GroupOpinionFeatures.National(nat, wave), _national);
        if (!ReferenceEquals(series, nat)) value += Dot(GroupOpinionFeatures.Offset(table, series, wave), _offset);
        value = Math.Clamp(value, 0, 100);
        return true;
    }

    private static double Dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i] * b[i]; return s; }

    /// <summary>Writes the model to <paramref name="stream"/> (left open).</summary>
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write("PolderGroupOpinion1");
        w.Write(TrainedThroughWave); w.Write(LowerResidual); w.Write(UpperResidual);
        w.Write(_offset.Length); foreach (var v in _offset) w.Write(v);
        w.Write(_national.Length); foreach (var v in _national) w.Write(v);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static GroupOpinionModel Load(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != "PolderGroupOpinion1") throw new InvalidDataException("not a Polder group-opinion model");
        int through = r.ReadInt32(); double lo = r.ReadDouble(), hi = r.ReadDouble();
        var o = new double[r.ReadInt32()]; for (int i = 0; i < o.Length; i++) o[i] = r.ReadDouble();
        var n = new double[r.ReadInt32()]; for (int i = 0; i < n.Length; i++) n[i] = r.ReadDouble();
        return new GroupOpinionModel(o, n, lo, hi, through);
    }
}
