using System.Text.Json;
using Polder.Cli;
using Polder.Tests.Infrastructure;
using Polder.Prediction.Engagement;
using Polder.Prediction.Opinion;
using Polder.Prediction.Retention;

namespace Polder.Tests.Cli;

public class PredictionCommandsTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CommandRouter.Run(args, new StringReader(""), o, e);
        return (code, o.ToString(), e.ToString());
    }

    // A messages CSV (header, then the rows `write` adds) in a fresh temporary folder, and where a model may go.
    private static (DirectoryInfo Dir, string Csv, string Model) Messages(Action<StreamWriter> write)
    {
        var dir = Directory.CreateTempSubdirectory("polder-cli-");
        var csv = Path.Combine(dir.FullName, "messages.csv");
        using (var w = new StreamWriter(csv))
        {
            w.WriteLine("message_id,thread_id,parent_id,author,created,upvotes,title,text");
            write(w);
        }
        return (dir, csv, Path.Combine(dir.FullName, "engagement.bin"));
    }

    [Fact]
    public void EvalEngagementPrintsJsonMetricsAndPredictUsesTheSavedModel()
    {
        // A small synthetic community: questions get answered, thank-you notes do not.
        var (dir, csv, model) = Messages(w =>
        {
            long t = 1_600_000_000;
            for (int i = 0; i < 400; i++)
            {
                string root = $"r{i}";
                w.WriteLine($"{root},{root},,user{i % 7},{t},1,\"Vraag {i}?\",\"Weet iemand, \"\"echt\"\", hoe dit werkt?\"");
                w.WriteLine($"c{i},{root},{root},user{(i + 1) % 7},{t + 3600},1,,Ja zo doe je dat");
                w.WriteLine($"d{i},{root},c{i},user{i % 7},{t + 7200},1,,bedankt!");
                t += 6 * 3600;
            }
        });
        var (code, output, err) = Run("eval", "engagement", csv, "--split", "2020-11-25", "--save", model);
        Assert.True(code == 0, err);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("engagement", json.GetProperty("task").GetString());
        Assert.InRange(json.GetProperty("auc").GetDouble(), 0.9, 1.0);
        Assert.True(File.Exists(model));

        (code, output, err) = Run("predict", "engagement", csv, "--model", model, "--explain");
        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1200, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("r0", first.GetProperty("id").GetString());
        Assert.InRange(first.GetProperty("reply_within_24h").GetDouble(), 0, 1);
        Assert.True(first.GetProperty("contributions").GetArrayLength() > 0);
        dir.Delete(true);
    }

    [Fact]
    public void PredictRetentionForecastsNoEmptyOrDeletedAuthor()
    {
        // Every fourth message has an empty, "[deleted]" or "[removed]" author: such posts pool many people into one
        // pseudo-actor (docs/behaviour-metrics.md), which gets no forecast of its own.
        var (dir, csv, model) = Messages(w =>
        {
            long t = 1_600_000_000;
            string[] unknown = ["", "[deleted]", "[removed]"];
            for (int i = 0; i < 300; i++)
            {
                int users = i < 150 ? 7 : 3;
                string author = i % 4 == 0 ? unknown[i / 4 % 3] : $"user{i % users}";
                w.WriteLine($"r{i},r{i},,{author},{t},1,Vraag {i}?,Weet iemand hoe dit werkt?");
                if (i % 3 != 0) w.WriteLine($"c{i},r{i},r{i},user{(i + 1) % users},{t + 3600},1,,Ja zo doe je dat");
                t += 8 * 3600;
            }
        });
        var (code, _, err) = Run("eval", "retention", csv, "--window-days", "10", "--save", model);
        Assert.True(code == 0, err);
        (code, var predicted, err) = Run("predict", "retention", csv, "--model", model);
        Assert.True(code == 0, err);
        var actors = predicted.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("actor").GetString()).ToArray();
        Assert.NotEmpty(actors);
        Assert.All(actors, a => Assert.StartsWith("user", a));
        dir.Delete(true);
    }

    [Fact]
    public void FeatureTableFlagAppendsTheActorTableAndTheSavedModelCarriesIt()
    {
        var (dir, csv, model) = Messages(w =>
        {
            long t = 1_600_000_000;
            for (int i = 0; i < 300; i++)
            {
                int users = i < 150 ? 7 : 3;   // four of the seven leave halfway: retention has both outcomes
                w.WriteLine($"r{i},r{i},,user{i % users},{t},1,Vraag {i}?,Weet iemand hoe dit werkt?");
                if (i % 3 != 0) w.WriteLine($"c{i},r{i},r{i},user{(i + 1) % users},{t + 3600},1,,Ja zo doe je dat");
                t += 8 * 3600;
            }
        });
        var (code, output, err) = Run("eval", "engagement", csv, "--split", "2020-11-01", "--feature-table", "--save", model);
        Assert.True(code == 0, err);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.True(json.GetProperty("feature_table").GetBoolean());
        Assert.Contains("80 actor-table features", json.GetProperty("feature_table_columns").GetString());

        // predict rebuilds the table columns because the model file says it uses them
        (code, output, err) = Run("predict", "engagement", csv, "--model", model, "--explain");
        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(500, lines.Length);
        // the first posts' authors have no earlier month: their table columns are missing, written as null
        var values = lines.SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("contributions").EnumerateArray()).ToList();
        Assert.Contains(values, c => c.GetProperty("feature").GetString()!.StartsWith("table:", StringComparison.Ordinal));
        Assert.Contains(values, c => c.GetProperty("value").ValueKind == JsonValueKind.Null);
        using (var s = File.OpenRead(model)) Assert.Equal(Polder.Prediction.Retention.ActorTableColumns.Default.Names, Polder.Prediction.Engagement.EngagementModel.Load(s).Table!.Names);

        (code, output, err) = Run("eval", "engagement", csv, "--split", "2020-11-01");
        Assert.True(code == 0, err);
        Assert.Equal(Polder.Cli.Commands.EvalCommand.FeatureTableByDefault, JsonDocument.Parse(output).RootElement.GetProperty("feature_table").GetBoolean());

        (code, output, err) = Run("eval", "retention", csv, "--split", "2020-11-01", "--window-days", "10", "--feature-table");
        Assert.True(code == 0, err);
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("feature_table").GetBoolean());

        (code, _, err) = Run("eval", "retention", csv, "--feature-table", "--no-feature-table");
        Assert.Equal(2, code);
        Assert.Contains("exclude each other", err);
        (code, _, err) = Run("eval", "engagement", csv, "--end", "next year");
        Assert.Equal(2, code);
        Assert.Contains("--end", err);
        (code, _, err) = Run("eval", "engagement", csv, "--split", "2030-01-01");
        Assert.Equal(2, code);
        Assert.Contains("no test posts", err);
        dir.Delete(true);
    }

    [SharedDataFact("groups/rivm-covid-gedrag-waves01-09.csv")]
    public void EvalOpinionPrintsModelAndBaselines()
    {
        var (code, output, err) = Run("eval", "opinion", SharedData.PathOf("groups/rivm-covid-gedrag-waves01-09.csv"));
        Assert.True(code == 0, err);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.True(json.GetProperty("mae").GetDouble() < json.GetProperty("baselines_mae").GetProperty("mean_of_last_3_plus_national_change").GetDouble());
        Assert.Equal("rolling origin, one step ahead, waves 5-9", json.GetProperty("evaluation").GetString());
        int leftOut = json.GetProperty("rows_left_out").EnumerateObject().Sum(p => p.Value.GetInt32());
        Assert.Equal(json.GetProperty("rows").GetInt32(), json.GetProperty("values").GetInt32() + leftOut);
        // The per-wave scores add up to the overall ones, and each wave names its national shock.
        var waves = json.GetProperty("by_wave").EnumerateArray().ToArray();
        Assert.Equal([5, 6, 7, 8, 9], waves.Select(x => x.GetProperty("wave").GetInt32()));
        int n = waves.Sum(x => x.GetProperty("forecasts").GetInt32());
        Assert.Equal(json.GetProperty("forecasts").GetInt32(), n);
        Assert.Equal(json.GetProperty("mae").GetDouble(), waves.Sum(x => x.GetProperty("mae").GetDouble() * x.GetProperty("forecasts").GetInt32()) / n, 3);
        Assert.All(waves, x => Assert.InRange(x.GetProperty("national_shock").GetDouble(), 0.1, 20));
        Assert.All(waves, x => Assert.True(x.GetProperty("baselines_mae").GetProperty("last_value").GetDouble() > 0));
    }

    [Fact]
    public void EngagementAndRetentionReadTheSimulatorsLayoutAndAccountForRejectedRows()
    {
        // A simulated community as `polder simulate` writes it, with one row broken (its time is not a time).
        var dir = Directory.CreateTempSubdirectory("polder-cli-");
        var csv = Path.Combine(dir.FullName, "sim.csv");
        var (code, _, err) = Run("simulate", "--seed", "5", "--days", "120", "--out", csv);
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(csv);
        int timeColumn = Array.IndexOf(lines[0].Split(','), "time");
        var broken = lines[100].Split(',');
        broken[timeColumn] = "gisteren";
        lines[100] = string.Join(',', broken);
        File.WriteAllLines(csv, lines);
        // The simulator writes thread by thread; the first line holds the first thread's opening post, on day one.
        var first = DateTimeOffset.Parse(lines[1].Split(',')[timeColumn], System.Globalization.CultureInfo.InvariantCulture);

        foreach (var task in new[] { "engagement", "retention" })
        {
            var model = Path.Combine(dir.FullName, task + ".model");
            (code, var output, err) = task == "retention"
                ? Run("eval", task, csv, "--window-days", "14", "--save", model)
                : Run("eval", task, csv, "--save", model);
            Assert.True(code == 0, err);
            var json = JsonDocument.Parse(output).RootElement;
            // No 2021-07-01 in a 2024 community: the split falls after three quarters of the posts.
            var split = DateTimeOffset.Parse(json.GetProperty("split").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange((split - first).TotalDays, 80, 100);
            var read = json.GetProperty("read");
            Assert.Equal(lines.Length - 1, read.GetProperty("rows_read").GetInt64());
            Assert.Equal(1, read.GetProperty("rejected").GetInt64());
            Assert.Equal(read.GetProperty("rows_read").GetInt64() - 1, read.GetProperty("accepted").GetInt64());
            Assert.Contains(":101:", read.GetProperty("first_rejections")[0].GetString());
            Assert.InRange(json.GetProperty("auc").GetDouble(), 0.5, 1);
        }

        // A rolling origin every 10 days from day 60: the steps add up to the pooled test set.
        (code, var rollingOutput, err) = Run("eval", "engagement", csv, "--rolling-origin", first.AddDays(60).ToString("yyyy-MM-dd"), "--step-days", "10");
        Assert.True(code == 0, err);
        var rolling = JsonDocument.Parse(rollingOutput).RootElement;
        var steps = rolling.GetProperty("by_origin").EnumerateArray().ToArray();
        Assert.Equal(rolling.GetProperty("origins").GetInt32(), steps.Length);
        Assert.InRange(steps.Length, 5, 6);
        Assert.Equal(rolling.GetProperty("test_posts").GetInt32(), steps.Sum(x => x.GetProperty("test_posts").GetInt32()));
        (code, _, err) = Run("eval", "engagement", csv, "--rolling-origin", first.AddDays(60).ToString("yyyy-MM-dd"), "--split", "2024-03-01");
        Assert.Equal(2, code);
        Assert.Contains("--rolling-origin", err);

        // predict engagement: a line per accepted post; predict retention: a line per recently active actor, with the
        // window the model was trained for.
        (code, var predicted, err) = Run("predict", "engagement", csv, "--model", Path.Combine(dir.FullName, "engagement.model"));
        Assert.True(code == 0, err);
        Assert.Equal(lines.Length - 2, predicted.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        (code, predicted, err) = Run("predict", "retention", csv, "--model", Path.Combine(dir.FullName, "retention.model"), "--explain");
        Assert.True(code == 0, err);
        var actors = predicted.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.True(actors.Length > 50, $"{actors.Length} actors");
        Assert.Equal(actors.Length, actors.Select(a => a.GetProperty("actor").GetString()).Distinct().Count());
        Assert.All(actors, a =>
        {
            Assert.Equal(14, a.GetProperty("window_days").GetInt32());
            Assert.InRange(a.GetProperty("active_next_window").GetDouble(), 0, 1);
            Assert.True(a.GetProperty("contributions").GetArrayLength() > 0);
        });
        // Actors who posted in the last window are likelier to post in the next than those who did not.
        int authorColumn = Array.IndexOf(lines[0].Split(','), "author");
        var times = lines.Skip(1).Where((_, i) => i != 99).Select(l => l.Split(','))
            .Select(f => (Author: f[authorColumn], Time: DateTimeOffset.Parse(f[timeColumn], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var lastPost = times.Max(t => t.Time);
        var recent = times.Where(t => t.Time > lastPost.AddDays(-14)).Select(t => t.Author).ToHashSet();
        double Mean(bool wasRecent) => actors.Where(a => recent.Contains(a.GetProperty("actor").GetString()!) == wasRecent).Average(a => a.GetProperty("active_next_window").GetDouble());
        Assert.True(Mean(true) > Mean(false), $"recently active {Mean(true):F3}, others {Mean(false):F3}");
        (code, _, err) = Run("predict", "retention", csv, "--model", Path.Combine(dir.FullName, "retention.model"), "--origin", "someday");
        Assert.Equal(2, code);
        Assert.Contains("--origin", err);
        dir.Delete(true);
    }

    [Fact]
    public void OpinionOfGroupsInACommunityFileIsForecastWeekByWeek()
    {
        var dir = Directory.CreateTempSubdirectory("polder-cli-");
        var csv = Path.Combine(dir.FullName, "sim.csv");
        var model = Path.Combine(dir.FullName, "opinion.model");
        var (code, _, err) = Run("simulate", "--seed", "8", "--days", "150", "--out", csv);
        Assert.True(code == 0, err);
        (code, var output, err) = Run("eval", "opinion", csv, "--group", "neighbourhood", "--save", model);
        Assert.True(code == 0, err);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(22, json.GetProperty("waves").GetInt32());                        // 150 days in weeks
        Assert.Equal(14, json.GetProperty("series").GetInt32());                       // (6 neighbourhoods + all) × 2 shares
        Assert.Equal(json.GetProperty("read").GetProperty("rows_read").GetInt64(), json.GetProperty("read").GetProperty("accepted").GetInt64());
        var baselines = json.GetProperty("baselines_mae");
        Assert.True(json.GetProperty("mae").GetDouble() < baselines.GetProperty("mean_of_last_3").GetDouble());
        Assert.True(json.GetProperty("mae").GetDouble() < baselines.GetProperty("last_value").GetDouble());

        (code, output, err) = Run("predict", "opinion", csv, "--group", "neighbourhood", "--model", model);
        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(14, lines.Length);
        Assert.All(lines, l => Assert.Equal(23, l.GetProperty("wave").GetInt32()));
        // The simulation starts on Monday 1 January 2024: week 23 starts 22 weeks later (windows are fixed lengths of
        // absolute time, written with the first window's offset, as the group × window table writes them).
        Assert.All(lines, l => Assert.Equal("2024-06-03T00:00:00+01:00", l.GetProperty("window_start").GetString()));
        Assert.Contains(lines, l => l.GetProperty("subgroup").GetString() == "Westwijk" && l.GetProperty("indicator").GetString() == "sentiment_negative_share");

        (code, _, err) = Run("eval", "opinion", csv);
        Assert.Equal(2, code);
        Assert.Contains("--group", err);
        (code, _, err) = Run("eval", "opinion", csv, "--group", "neighbourhood", "--shares", "posts");
        Assert.Equal(2, code);
        Assert.Contains("not a share", err);
        dir.Delete(true);
    }

    [SharedDataFact("groups/rivm-covid-gedrag-waves01-09.csv")]
    public void PredictOpinionWritesALinePerSeriesAndSaysWhyWhenOneCannotBeForecast()
    {
        var path = SharedData.PathOf("groups/rivm-covid-gedrag-waves01-09.csv");
        var dir = Directory.CreateTempSubdirectory("polder-cli-");
        var model = Path.Combine(dir.FullName, "opinion.model");
        var (code, _, err) = Run("eval", "opinion", path, "--save", model);
        Assert.True(code == 0, err);
        var table = Polder.Prediction.Opinion.RivmSurvey.Read(path).Table;

        // Wave 2 starts from wave 1, where the curfew (Avondklok) had not been asked yet: those series cannot be
        // forecast, and each still gets its line with the reason.
        (code, var output, err) = Run("predict", "opinion", path, "--model", model, "--wave", "2");
        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(table.Series.Count, lines.Length);
        var missing = lines.Where(l => l.GetProperty("forecast").ValueKind == JsonValueKind.Null).ToArray();
        Assert.NotEmpty(missing);
        Assert.All(missing, l => Assert.Contains("no value at wave 1", l.GetProperty("reason").GetString()));
        Assert.Contains(missing, l => l.GetProperty("indicator").GetString() == "Avondklok");
        Assert.Equal(table.Series.Count(s => !s.Has(0)), missing.Length);
        foreach (var l in lines.Where(l => l.GetProperty("forecast").ValueKind == JsonValueKind.Number))
        {
            double f = l.GetProperty("forecast").GetDouble();
            Assert.InRange(f, 0, 100);
            Assert.True(l.GetProperty("lower80").GetDouble() <= f && f <= l.GetProperty("upper80").GetDouble());
        }
        dir.Delete(true);
    }

    [SharedDataFact("groups/rivm-covid-gedrag-waves01-09.csv")]
    public void EvalOpinionOnALaterRunOfWavesScoresFromItsFifthWave()
    {
        // The same survey numbered as waves 10-18 (as a later file of the series would be): the default backtest is
        // waves 14-18 and every figure equals the one for waves 5-9.
        var dir = Directory.CreateTempSubdirectory("polder-cli-");
        var shifted = Path.Combine(dir.FullName, "later.csv");
        var lines = File.ReadAllLines(SharedData.PathOf("groups/rivm-covid-gedrag-waves01-09.csv"));
        int waveCol = Array.IndexOf(lines[0].TrimStart('\uFEFF').Split(';'), "Wave");
        File.WriteAllLines(shifted, lines.Select((l, i) =>
        {
            if (i == 0) return l;
            var f = l.Split(';');
            f[waveCol] = (int.Parse(f[waveCol]) + 9).ToString();
            return string.Join(';', f);
        }));
        var (code, original, err) = Run("eval", "opinion", SharedData.PathOf("groups/rivm-covid-gedrag-waves01-09.csv"));
        Assert.True(code == 0, err);
        (code, var later, err) = Run("eval", "opinion", shifted);
        Assert.True(code == 0, err);
        var a = JsonDocument.Parse(original).RootElement;
        var b = JsonDocument.Parse(later).RootElement;
        Assert.Equal("rolling origin, one step ahead, waves 14-18", b.GetProperty("evaluation").GetString());
        Assert.Equal(a.GetProperty("mae").GetDouble(), b.GetProperty("mae").GetDouble());
        Assert.Equal(a.GetProperty("forecasts").GetInt32(), b.GetProperty("forecasts").GetInt32());
        (code, _, err) = Run("eval", "opinion", shifted, "--first-wave", "1");
        Assert.Equal(2, code);
        Assert.Contains("--first-wave", err);
        dir.Delete(true);
    }

    [SharedDataFact("community/reddit-emory-messages.csv")]
    public void EvalRetentionPrintsModelAndBaselines()
    {
        var (code, output, err) = Run("eval", "retention", SharedData.PathOf("community/reddit-emory-messages.csv"));
        Assert.True(code == 0, err);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("retention", json.GetProperty("task").GetString());
        Assert.True(json.GetProperty("auc").GetDouble() > json.GetProperty("recency_baseline_auc").GetDouble());
        Assert.True(json.GetProperty("test_rows").GetInt32() > 100);
    }

    [Fact]
    public void EvalAndPredictReactionPrintIntervalsForGroupsAndNamedReaders()
    {
        // A small synthetic panel: articles about "stikstof" read as partisan by right-leaning readers, others not.
        var dir = Directory.CreateTempSubdirectory("polder-cli-");
        string F(string name) => Path.Combine(dir.FullName, name);
        var topics = new[] { "stikstof boeren kabinet", "begroting gemeente raad", "zorg ziekenhuis wachtlijst", "onderwijs school leraren" };
        using (var w = new StreamWriter(F("articles.jsonl")))
            for (int a = 0; a < 40; a++) w.WriteLine(JsonSerializer.Serialize(new { id = a, title = $"Bericht {a}", text = $"Het nieuws over {topics[a % 4]} en meer {topics[(a + 1) % 4]}." }));
        using (var w = new StreamWriter(F("annotators.csv")))
        {
            w.WriteLine("RespondentId,Gender,Political_standpoint,Vote_for_party");
            for (int r = 1; r <= 12; r++) w.WriteLine($"{r},x,{(r % 2 == 0 ? "links" : "rechts")},p{r % 3}");
        }
        using (var w = new StreamWriter(F("annotations.csv")))
        {
            w.WriteLine("RespondentId,ExternalId,Partisanship");
            for (int a = 0; a < 40; a++)
                for (int r = 1; r <= 12; r++)
                    if ((a + r) % 3 != 0) w.WriteLine($"{r},{a},{(a % 4 == 0 && r % 2 == 1 || (a * 7 + r) % 11 == 0 ? "Bevooroordeeld" : "Onbevooroordeeld")}");
        }
        var (code, output, err) = Run("eval", "reaction", "--annotations", F("annotations.csv"), "--annotators", F("annotators.csv"), "--articles", F("articles.jsonl"), "--folds", "3", "--save", F("r.model"));
        Assert.True(code == 0, err);
        var methods = JsonDocument.Parse(output).RootElement.GetProperty("methods");
        Assert.InRange(methods.GetProperty("polder").GetProperty("interval80_coverage").GetDouble(), 0, 1);
        Assert.True(methods.GetProperty("polder").GetProperty("interval80_forecast_probability").GetDouble() >= 0.8);
        Assert.False(methods.GetProperty("group mean").TryGetProperty("interval80_coverage", out _));

        (code, output, err) = Run("predict", "reaction", F("articles.jsonl"), "--model", F("r.model"), "--group", "rechts", "--readers", "1,3,5");
        Assert.True(code == 0, err);
        var first = JsonDocument.Parse(output.Split('\n')[0]).RootElement;
        var interval = first.GetProperty("partisan_share_interval80").GetProperty("rechts");
        double p = first.GetProperty("partisan_probability").GetProperty("rechts").GetDouble();
        Assert.True(interval[0].GetDouble() <= p && p <= interval[1].GetDouble(), "the group's interval surrounds its probability");
        var readers = first.GetProperty("readers_partisan_share_interval80");
        foreach (var end in readers.EnumerateArray()) Assert.True(Math.Abs(end.GetDouble() * 3 - Math.Round(end.GetDouble() * 3)) < 0.001, "an end is a share of three readers");

        File.WriteAllText(F("bad.jsonl"), "{\"id\": 1, \"title\": \"Raad\", \"text\": \"De raad.\"}\n{\"id\": 2, \"title\": 5}\n");
        (code, _, err) = Run("predict", "reaction", F("bad.jsonl"), "--model", F("r.model"));
        Assert.NotEqual(0, code);
        Assert.Contains(F("bad.jsonl") + ":2: field title: a number, not a string", err);
        dir.Delete(true);
    }

    [Fact]
    public void UnknownTaskIsAUsageError()
    {
        var (code, _, err) = Run("eval", "weather", "x.csv");
        Assert.Equal(2, code);
        Assert.Contains("unknown task", err);
    }
}
