using Polder.Tests.Infrastructure;
using Xunit.Abstractions;
using Polder.Prediction.Opinion;

namespace Polder.Tests.Prediction.Opinion;

public class GroupOpinionTests(ITestOutputHelper output)
{
    private const string Rivm = "groups/rivm-covid-gedrag-waves01-09.csv";
    // Waves 5–9 as 0-based indices.
    private const int First = 4, Last = 8;

    private static GroupSeriesTable Load()
    {
        using var s = File.OpenRead(SharedData.PathOf(Rivm));
        return GroupSeriesTable.ReadRivm(s);
    }

    [SharedDataFact(Rivm)]
    public void BaselinesReproduceTheIssueFigures()
    {
        var t = Load();
        var last = OpinionBacktest.Evaluate(t, First, Last, OpinionBaselines.LastValue);
        var mean3 = OpinionBacktest.Evaluate(t, First, Last, OpinionBaselines.MeanOfLast3);
        var trend = OpinionBacktest.Evaluate(t, First, Last, OpinionBaselines.LinearTrend);
        var nat = OpinionBacktest.Evaluate(t, First, Last, OpinionBaselines.MeanOfLast3PlusNationalChange);
        output.WriteLine($"series {t.Series.Count}, forecasts scored {last.Count}");
        output.WriteLine($"MAE (pp) waves 5-9: last value {last.Mae:F3}, mean of last 3 {mean3.Mae:F3}, linear trend (last 3) {trend.Mae:F3}, mean of last 3 + national change {nat.Mae:F3}");
        // Issue 7: 3.88, 4.14, 4.82, 3.50 (scikit-learn reference; the national-change variant differs in detail).
        Assert.InRange(last.Mae, 3.86, 3.90);
        Assert.InRange(mean3.Mae, 4.12, 4.16);
        Assert.InRange(trend.Mae, 4.80, 4.84);
        Assert.InRange(nat.Mae, 3.40, 3.55);
    }

    [SharedDataFact(Rivm)]
    public void PooledModelBeatsEveryBaselineOnRollingOrigin()
    {
        var t = Load();
        var model = OpinionBacktest.EvaluateModel(t, First, Last);
        var dev = OpinionBacktest.EvaluateModel(t, 2, 3); // development targets (waves 3–4), where the settings were chosen
        var best = OpinionBacktest.Evaluate(t, First, Last, OpinionBaselines.MeanOfLast3PlusNationalChange);
        output.WriteLine($"Polder GroupOpinionModel MAE dev (waves 3-4) {dev.Mae:F3} pp over {dev.Count} forecasts; waves 5-9 {model.Mae:F3} pp over {model.Count} forecasts; 80% interval coverage {model.IntervalCoverage:P1}; best baseline {best.Mae:F3}");
        Assert.Equal(best.Count, model.Count);
        Assert.True(model.Mae < best.Mae, $"model {model.Mae:F3} vs baseline {best.Mae:F3}");
        // Measured dev 3.323, waves 5–9 3.302 (one offset model for all series: 3.371 and 3.328). The issue's bar, 3.15,
        // is not reached: see TheUnknownNationalChangeDominatesTheError.
        Assert.InRange(dev.Mae, 3.31, 3.335);
        Assert.InRange(model.Mae, 3.29, 3.315);
        Assert.InRange(model.IntervalCoverage, 0.70, 0.90);
    }

    [SharedDataFact(Rivm)]
    public void NationalSubgroupsTrustTheirOffsetsMoreThanRegions()
    {
        // Why two offset models: subgroup offsets (~1,200 respondents a wave) are precise, regional ones (~200) mostly
        // noise, so the regional fit shrinks the mean offset harder.
        var m = GroupOpinionModel.Train(Load(), 7);
        double Total(IReadOnlyList<double> b) => b[0] + b[1] + b[2]; // offset_mean_all + offset_mean_last3 + offset_last
        output.WriteLine($"summed offset weight: national subgroups {Total(m.SubgroupOffsetCoefficients):F3}, regions {Total(m.RegionalOffsetCoefficients):F3}");
        Assert.True(Total(m.SubgroupOffsetCoefficients) > Total(m.RegionalOffsetCoefficients));
        Assert.Equal([.. m.SubgroupOffsetCoefficients, .. m.RegionalOffsetCoefficients], m.OffsetCoefficients);
    }

    [SharedDataFact(Rivm)]
    public void LoadRefusesForeignOldAndTruncatedFiles()
    {
        using var ms = new MemoryStream();
        GroupOpinionModel.Train(Load(), 5).Save(ms);
        var bytes = ms.ToArray();
        Assert.Throws<InvalidDataException>(() => GroupOpinionModel.Load(new MemoryStream(bytes[..(bytes.Length - 5)])));
        var old = new MemoryStream();
        using (var w = new BinaryWriter(old, System.Text.Encoding.UTF8, leaveOpen: true)) w.Write("PolderGroupOpinion1");
        old.Position = 0;
        Assert.Contains("format 1", Assert.Throws<InvalidDataException>(() => GroupOpinionModel.Load(old)).Message);
        var foreign = new MemoryStream();
        using (var w = new BinaryWriter(foreign, System.Text.Encoding.UTF8, leaveOpen: true)) w.Write("PolderTextReaction2");
        foreign.Position = 0;
        Assert.Throws<InvalidDataException>(() => GroupOpinionModel.Load(foreign));
    }

    [SharedDataFact(Rivm)]
    public void TrainingNeverReadsTheFuture()
    {
        var t = Load();
        // Blank every value after wave index 4: a model trained through wave 4 must not change.
        var cut = new GroupSeriesTable(t.Series.Select(s => new GroupSeries(s.Key,
            s.Values.Select((v, i) => i <= 4 ? v : double.NaN).ToArray(), s.SampleSizes)), t.WaveCount);
        var a = GroupOpinionModel.Train(t, 4);
        var b = GroupOpinionModel.Train(cut, 4);
        Assert.Equal(a.OffsetCoefficients, b.OffsetCoefficients);
        Assert.Equal(a.NationalCoefficients, b.NationalCoefficients);
        var s0 = t.Series.First(s => s.Has(4) && s.Key.RegionCode != GroupSeriesKey.National);
        Assert.True(a.TryForecast(t, s0, 5, out var fa));
        Assert.True(b.TryForecast(cut, cut.Find(s0.Key)!, 5, out var fb));
        Assert.Equal(fa, fb);
    }

    [SharedDataFact(Rivm)]
    public void SavesLoadsAndExplains()
    {
        var t = Load();
        var m = GroupOpinionModel.Train(t, 7);
        using var ms = new MemoryStream();
        m.Save(ms);
        ms.Position = 0;
        var m2 = GroupOpinionModel.Load(ms);
        var s = t.Series.First(x => x.Has(8) && x.Key.RegionCode != GroupSeriesKey.National);
        Assert.True(m.TryForecast(t, s, 8, out var f1));
        Assert.True(m2.TryForecast(t, s, 8, out var f2));
        Assert.Equal(f1, f2);
        var parts = m2.Explain(t, s, 8);
        Assert.Equal(f1.Value, Math.Clamp(parts.Sum(p => p.Contribution), 0, 100), 6);
        Assert.True(f1.Lower <= f1.Value && f1.Value <= f1.Upper);
    }

    [SharedDataFact(Rivm)]
    public void TheUnknownNationalChangeDominatesTheError()
    {
        // Diagnostic for the issue's bar (MAE <= 3.15): the same simple offset forecast (national value + the group's
        // mean offset from it over earlier waves) with the national value of the target wave known (an oracle, not a
        // forecast) versus with the last national value. The gap is the part of the error that only a forecast of the
        // national change can remove; the model's national part (momentum) recovers little of it.
        var t = Load();
        double Offset(GroupSeries s, GroupSeries nat, int w)
        {
            double sum = 0; int c = 0;
            for (int i = 0; i < w; i++) if (s.Has(i) && nat.Has(i)) { sum += s.Values[i] - nat.Values[i]; c++; }
            return c == 0 ? 0 : sum / c;
        }
        Func<GroupSeriesTable, GroupSeries, int, double> withNational(bool oracle) => (tb, s, w) =>
        {
            var nat = tb.Find(s.Key.NationalTotal);
            if (nat is null || !nat.Has(w) || !nat.Has(w - 1)) return s.Values[w - 1];
            return (oracle ? nat.Values[w] : nat.Values[w - 1]) + Offset(s, nat, w);
        };
        var known = OpinionBacktest.Evaluate(t, First, Last, withNational(oracle: true));
        var last = OpinionBacktest.Evaluate(t, First, Last, withNational(oracle: false));
        var model = OpinionBacktest.EvaluateModel(t, First, Last);
        output.WriteLine($"MAE waves 5-9: national value of the target wave known (oracle) {known.Mae:F3}; last national value {last.Mae:F3}; GroupOpinionModel {model.Mae:F3}");
        Assert.True(known.Mae < 2.5, $"oracle {known.Mae:F3}");
        Assert.True(last.Mae > 3.25, $"last national {last.Mae:F3}");
        Assert.True(model.Mae < last.Mae, "the model must beat its own offset-only starting point");
    }
}
