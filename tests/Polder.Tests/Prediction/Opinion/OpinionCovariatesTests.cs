using Polder.Prediction.Opinion;

namespace Polder.Tests.Prediction.Opinion;

public class OpinionCovariatesTests
{
    // A synthetic survey: national support per indicator moves with a related series (up in category "Draagvlak",
    // down in "Zorgen"), plus noise; regions sit at fixed offsets. Seeded.
    private static (GroupSeriesTable Table, OpinionCovariates Covariates) Synthetic(int waves = 14, int seed = 3)
    {
        var rng = new Random(seed);
        var cases = new double[waves];
        for (int w = 1; w < waves; w++) cases[w] = cases[w - 1] + (rng.NextDouble() - 0.5) * 20;
        var series = new List<GroupSeries>();
        foreach (var (category, slope) in new[] { ("Draagvlak", 0.3), ("Zorgen", -0.2) })
            for (int i = 0; i < 5; i++)
            {
                var national = new double[waves];
                national[0] = 60 + i;
                for (int w = 1; w < waves; w++) national[w] = national[w - 1] + slope * (cases[w] - cases[w - 1]) + (rng.NextDouble() - 0.5);
                series.Add(new GroupSeries(new GroupSeriesKey("NL00", "Alle", "Totaal", category, $"m{i}"), national, Enumerable.Repeat(4000, waves).ToArray()));
                for (int r = 0; r < 4; r++)
                {
                    double offset = (r - 1.5) * 2;
                    series.Add(new GroupSeries(new GroupSeriesKey($"VR0{r}", "Alle", "Totaal", category, $"m{i}"),
                        [.. national.Select(v => v + offset + (rng.NextDouble() - 0.5))], Enumerable.Repeat(200, waves).ToArray()));
                }
            }
        var covariates = new OpinionCovariates(new Dictionary<string, double[]> { ["cases"] = cases });
        return (new GroupSeriesTable(series, waves), covariates);
    }

    [Fact]
    public void ALeadingRelatedSeriesIsLearnedPerCategoryAndCutsTheError()
    {
        var (table, covariates) = Synthetic();
        var with = table.WithCovariates(covariates);
        var plain = OpinionBacktest.EvaluateModel(table, 6, 13);
        var learned = OpinionBacktest.EvaluateModel(with, 6, 13);
        Assert.True(learned.Mae < plain.Mae / 2, $"with the related series {learned.Mae:F3}, without {plain.Mae:F3}");
        var model = GroupOpinionModel.Train(with, 12);
        Assert.Equal(["cases"], model.Covariates);
        var coefficient = model.NationalFeatureNames.Zip(model.NationalCoefficients).ToDictionary(p => p.First, p => p.Second);
        Assert.True(coefficient["cases_change[Draagvlak]"] > 0 && coefficient["cases_change[Zorgen]"] < 0);
        // The contribution of the related series shows in the explanation of a forecast.
        var s = with.Series.First(x => x.Key.IndicatorCategory == "Zorgen" && x.Key.RegionCode == "VR01");
        Assert.Contains(model.Explain(with, s, 13), c => c.Feature == "cases_change[Zorgen]");
    }

    [Fact]
    public void TheModelKeepsItsCovariatesThroughSaveAndLoadAndAsksForThem()
    {
        var (table, covariates) = Synthetic();
        var with = table.WithCovariates(covariates);
        var model = GroupOpinionModel.Train(with, 11);
        using var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        var loaded = GroupOpinionModel.Load(ms);
        var s = with.Series[3];
        Assert.True(model.TryForecast(with, s, 12, out var a));
        Assert.True(loaded.TryForecast(with, s, 12, out var b));
        Assert.Equal(a, b);
        Assert.Equal(model.NationalFeatureNames, loaded.NationalFeatureNames);
        Assert.Contains("covariates (cases)", Assert.Throws<ArgumentException>(() => loaded.TryForecast(table, s, 12, out _)).Message);
        var other = table.WithCovariates(new OpinionCovariates(new Dictionary<string, double[]> { ["deaths"] = new double[14] }));
        Assert.Contains("covariate cases", Assert.Throws<ArgumentException>(() => loaded.TryForecast(other, s, 12, out _)).Message);
    }

    [Fact]
    public void TrainingReadsNoCovariateValueAfterItsLastWave()
    {
        var (table, covariates) = Synthetic();
        var cut = new OpinionCovariates(new Dictionary<string, double[]> { ["cases"] = [.. Enumerable.Range(0, 14).Select(w => w <= 8 ? covariates.ValueAt("cases", w) : 1e6)] });
        var a = GroupOpinionModel.Train(table.WithCovariates(covariates), 8);
        var b = GroupOpinionModel.Train(table.WithCovariates(cut), 8);
        Assert.Equal(a.NationalCoefficients, b.NationalCoefficients);
    }

    [Fact]
    public void ReadsTheCsvAndNamesFileLineAndFieldOfMistakes()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("polder-cov-").FullName, "covariates.csv");
        File.WriteAllText(path, "Wave;Covariate;Value\n1;cases;10\n2;cases;12,5\n2;stringency;60\n");
        var c = OpinionCovariates.Read(path);
        Assert.Equal(["cases", "stringency"], c.Names);
        Assert.Equal(12.5, c.ValueAt("cases", 1));
        Assert.True(double.IsNaN(c.ValueAt("stringency", 0)));
        File.WriteAllText(path, "Wave,Covariate,Value\n1,cases,10\n1,cases,11\n");
        Assert.Contains($"{path}:3: covariate cases has a second value for wave 1 (the first is on line 2)", Assert.Throws<InvalidDataException>(() => OpinionCovariates.Read(path)).Message);
        File.WriteAllText(path, "Wave,Covariate,Value\n1,cases,veel\n");
        Assert.Contains($"{path}:2: field Value: 'veel' is not a number", Assert.Throws<InvalidDataException>(() => OpinionCovariates.Read(path)).Message);
        File.WriteAllText(path, "Wave,Covariate,Value\n0,cases,1\n");
        Assert.Contains($"{path}:2: field Wave: '0'", Assert.Throws<InvalidDataException>(() => OpinionCovariates.Read(path)).Message);
        File.WriteAllText(path, "Wave,Name,Value\n1,cases,1\n");
        Assert.Contains($"{path}:1: column Covariate is missing", Assert.Throws<InvalidDataException>(() => OpinionCovariates.Read(path)).Message);
    }
}
