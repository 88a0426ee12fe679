using System.Diagnostics;
using System.Text.Json;
using Polder.Analysis;
using Polder.Community.Simulation;
using Polder.Sentiment;
using Polder.Tests.Infrastructure;
using Polder.Topics.Alerts;
using Xunit.Abstractions;

namespace Polder.Tests.Topics.Alerts;

public class AlertDetectorTests(ITestOutputHelper output)
{
    [Fact]
    public void Planted_3x_events_are_found_within_a_day_with_at_most_one_false_alarm_per_90_quiet_days_over_20_seeds()
    {
        var clock = Stopwatch.StartNew();
        var r = AlertEvaluation.Run(new AlertEvaluationOptions { Seeds = 20 });
        output.WriteLine($"{r.Seeds} seeds, {r.Posts:N0} posts, {r.Events} events: recall {r.Recall:0.000} within 24 h (median delay {r.MedianDelayHours} h); {r.FalseAlarms} false alarms in {r.QuietDays} quiet days = {r.FalseAlarmsPer90Days:0.00} per 90 days; {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(60, r.Events);
        Assert.True(r.Recall >= 0.9, $"recall {r.Recall:0.000}");
        Assert.True(r.FalseAlarmsPer90Days <= 1, $"{r.FalseAlarmsPer90Days:0.00} false alarms per 90 days");
        // about 5 CPU seconds (20 s wall on the loaded 2-core CI machine); wall time in a parallel test run says little
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(180), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_quiet_community_without_events_raises_at_most_one_alert_in_90_days_and_a_planted_one_is_named_by_topic()
    {
        var quiet = new SimulationOptions { Seed = 5, Days = 90, ThreadsPerDay = 150, Citizens = 600, KeepText = false, RecordLabels = true };
        Assert.True(Detect(quiet).Count <= 1);
        var planted = quiet with { Events = PlantedEvent.ParseList("2024-02-20,parkeren,3x,2d") };
        var alerts = Detect(planted);
        var onset = new DateTimeOffset(2024, 2, 20, 0, 0, 0, TimeSpan.FromHours(1));
        var hit = Assert.Single(alerts, a => a.Topic == "parkeren" && a.Kind == AlertKind.Volume);
        Assert.InRange(hit.DetectedAt, onset, onset.AddHours(24));
        Assert.True(hit.Observed >= 2 * hit.Expected, $"{hit.Observed} vs {hit.Expected}");
        Assert.Equal(5, hit.Evidence.Count);
    }

    private static IReadOnlyList<Alert> Detect(SimulationOptions o)
    {
        var (records, truth) = CommunitySimulator.Run(o);
        return AlertDetector.Detect(records.Select(r => new AlertObservation(r.Post.Time, truth.TopicOfThread[r.Post.ThreadId!],
            truth.ToneOfPost[r.Post.Id] < 0 ? SentimentLabel.Negative : SentimentLabel.Neutral, r.Post.Id)));
    }

    [Fact]
    public void A_negative_turn_without_more_posts_is_a_negative_share_alert_and_needs_enough_labelled_posts()
    {
        // 40 posts a day about "afval", a quarter negative; on day 20 three quarters
        var start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var obs = new List<AlertObservation>();
        for (int d = 0; d < 24; d++)
            for (int i = 0; i < 40; i++)
            {
                bool negative = d == 20 ? i % 4 != 0 : i % 4 == 0;
                obs.Add(new(start.AddDays(d).AddMinutes(i * 36), "afval", negative ? SentimentLabel.Negative : SentimentLabel.Neutral, $"p{d}-{i}"));
            }
        var alerts = AlertDetector.Detect(obs);
        // the one topic is also the whole community: the same alert for both
        Assert.Equal([null, "afval"], alerts.Select(a => a.Topic));
        var a = alerts[1];
        Assert.Equal(AlertKind.NegativeShare, a.Kind);
        Assert.Equal(0.75, a.Observed, 2);
        Assert.All(a.Evidence, id => Assert.StartsWith("p20-", id));
        // the same turn among 10 posts a day is below the minimum of labelled posts: no alert
        Assert.Empty(AlertDetector.Detect(obs.Where(o => int.Parse(o.PostId.Split('-')[1]) % 4 < 1)));
    }

    [Fact]
    public void Bad_event_specifications_are_rejected_with_the_field()
    {
        Assert.Contains("date", Assert.Throws<FormatException>(() => PlantedEvent.ParseList("2024-13-05,afval,3x")).Message);
        Assert.Contains("size", Assert.Throws<FormatException>(() => PlantedEvent.ParseList("2024-03-05,afval,0.5x")).Message);
        Assert.Contains("duration", Assert.Throws<FormatException>(() => PlantedEvent.ParseList("2024-03-05,afval,3x,zero")).Message);
        Assert.Equal(2, PlantedEvent.ParseList("2024-03-05,afval,3x; 2024-04-01,groen,4x,3d,neutral").Count);
        var (code, _, err) = CliRunner.Run("", "simulate", "--out", Path.Combine(Path.GetTempPath(), "polder-bad-event.csv"), "--event", "2024-03-05,vuilnis,3x");
        Assert.NotEqual(0, code);
        Assert.Contains("vuilnis", err);
    }

    [Fact]
    public void Cli_simulates_a_planted_event_writes_its_truth_and_alerts_finds_it_through_the_complaint_classifier()
    {
        var dir = Path.Combine(Path.GetTempPath(), "polder-alerts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var csv = Path.Combine(dir, "sim.csv");
        var truthFile = Path.Combine(dir, "truth.json");
        var (code, _, err) = CliRunner.Run("", "simulate", "--seed", "3", "--days", "75", "--threads-per-day", "150", "--citizens", "600",
            "--event", "2024-03-05,afval,3x", "--out", csv, "--truth", truthFile);
        Assert.True(code == 0, err);
        using var truth = JsonDocument.Parse(File.ReadAllText(truthFile));
        var ev = Assert.Single(truth.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal("afval", ev.GetProperty("topic").GetString());
        var onset = ev.GetProperty("onset").GetDateTimeOffset();
        Assert.True(ev.GetProperty("extra_threads").GetInt32() > 50);

        (code, var json, err) = CliRunner.Run("", "alerts", csv);
        Assert.True(code == 0, err);
        var alerts = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        output.WriteLine(json);
        // the pipeline's topic key for waste is the Signalen category "Afval"
        Assert.Contains(alerts, a => a.GetProperty("topic").GetString() == "Afval" && a.GetProperty("kind").GetString() == "volume"
            && a.GetProperty("detected_at").GetDateTimeOffset() <= onset.AddHours(24) && a.GetProperty("detected_at").GetDateTimeOffset() > onset);
        Assert.All(alerts, a => Assert.True(a.GetProperty("to").GetDateTimeOffset() > onset, "an alert before the event: " + a));
        Directory.Delete(dir, true);
    }

    [SharedDataFact("community/political-tweets-2020-04.tsv")]
    public void Politicians_tweets_rise_on_corona_on_the_day_of_the_corona_debate()
    {
        // a week of tweets: with two days of baseline the windows of 8 April can be tested; the Tweede Kamer debated
        // the corona measures that day (#coronadebat) and voted on the emergency package
        var (code, json, err) = CliRunner.Run("", "alerts", SharedData.PathOf("community/political-tweets-2020-04.tsv"), "--min-baseline-days", "2");
        Assert.True(code == 0, err);
        output.WriteLine(json);
        var alerts = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var debate = new DateTimeOffset(2020, 4, 8, 12, 0, 0, TimeSpan.Zero);
        // the themes model does not apply to tweets, so the alerts watch the community's own discovered topics; one of
        // them, named by the corona words the tweets use, rises on the day of the debate
        Assert.Contains("topics from discovered", err);
        Assert.Contains(alerts, a => a.GetProperty("topic").GetString()!.Contains("corona", StringComparison.OrdinalIgnoreCase)
            && a.GetProperty("kind").GetString() == "volume"
            && a.GetProperty("peak_from").GetDateTimeOffset() <= debate && a.GetProperty("peak_to").GetDateTimeOffset() >= debate);
        Assert.True(alerts.Count <= 5, $"{alerts.Count} alerts in one week");
    }
}
