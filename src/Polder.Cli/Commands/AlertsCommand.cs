using System.Globalization;
using Polder.Analysis;
using Polder.Community.Reading;
using Polder.Community.Simulation;
using Polder.Topics.Alerts;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder alerts FILE [--topics auto|complaints|themes|discovered] [--threshold Z]</c>: unusual rises in volume and negative
/// share per topic and for the whole community, one JSON line per alert. <c>polder alerts --evaluate [--seeds N]</c>:
/// recall and false alarms of the detector on simulated communities with planted events.
/// </summary>
public sealed class AlertsCommand : ICliCommand
{
    /// <inheritdoc/>
    public string Name => "alerts";

    /// <inheritdoc/>
    public string Summary => "unusual rises in volume and negative share: {\"from\",\"to\",\"topic\",\"kind\",\"observed\",\"expected\",\"score\",\"evidence\"} per line; --evaluate: recall and false alarms on simulations";

    /// <inheritdoc/>
    public int Run(CliContext context)
    {
        var a = context.Args;
        var detector = new AlertOptions();
        if (a.Option("threshold") is { } z)
            detector = detector with { Threshold = double.TryParse(z, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new CliUsageException($"--threshold: '{z}' is not a positive number") };
        if (a.Option("share-threshold") is { } zs)
            detector = detector with { ShareThreshold = double.TryParse(zs, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new CliUsageException($"--share-threshold: '{zs}' is not a positive number") };
        detector = detector with { MinBaselineDays = a.Int("min-baseline-days", detector.MinBaselineDays) };
        if (detector.MinBaselineDays < 2 || detector.MinBaselineDays > detector.BaselineDays) throw new CliUsageException($"--min-baseline-days must be between 2 and {detector.BaselineDays}");
        if (a.Flag("evaluate")) return Evaluate(context, detector);
        var file = a.Positional.Count == 1 ? a.Positional[0] : throw new CliUsageException("usage: polder alerts FILE [--format F] [--topics auto|complaints|themes] | polder alerts --evaluate [--seeds N]");
        InputFile.Require(file);
        var source = a.Option("topics", "auto")!.ToLowerInvariant() switch
        {
            "auto" => AlertTopicSource.Auto, "complaints" => AlertTopicSource.Complaints, "themes" => AlertTopicSource.Themes,
            "discovered" => AlertTopicSource.Discovered,
            var t => throw new CliUsageException($"--topics: '{t}' is not auto, complaints, themes or discovered"),
        };
        PostMapping? mapping = null;
        if (a.Option("format") is { } f) mapping = CommunityFormats.ByName(f) ?? throw new CliUsageException($"--format: unknown format '{f}' (polder, reddit, political-tweets)");
        var analysis = new CommunityAnalyzer(new AnalysisOptions { Layers = AnalysisLayers.Text, Mapping = mapping }).AnalyzeFile(file);
        InputFile.RequireValidUtf8(analysis.Read);
        var discovered = analysis.PostDiscoveredTopics.Count == analysis.Posts.Count && analysis.Posts.Count > 0 ? analysis.PostDiscoveredTopics : null;
        bool themesApply = analysis.ThemeModel?.Applies ?? true;
        if (source == AlertTopicSource.Discovered && discovered is null) throw new CliUsageException("--topics discovered: no topics were discovered in this file");
        var resolved = AlertInputs.Resolve(analysis.Posts, source, discovered, themesApply);
        var alerts = AlertDetector.Detect(AlertInputs.From(analysis.Posts, resolved, discovered, themesApply), detector);
        context.Error.WriteLine($"{file}: {analysis.Posts.Count:N0} posts, topics from {resolved.ToString().ToLowerInvariant()}, {alerts.Count} alert(s)");
        using var json = new JsonLineWriter(context.Out);
        foreach (var x in alerts)
        {
            var w = json.Begin();
            w.WriteStartObject();
            w.WriteString("from", x.From);
            w.WriteString("to", x.To);
            w.WriteString("detected_at", x.DetectedAt);
            w.WriteString("peak_from", x.PeakFrom);
            w.WriteString("peak_to", x.PeakTo);
            if (x.Topic is null) w.WriteNull("topic"); else w.WriteString("topic", x.Topic);
            w.WriteString("kind", x.Kind == AlertKind.Volume ? "volume" : "negative_share");
            w.WriteNumber("observed", Math.Round(x.Observed, 4));
            w.WriteNumber("expected", Math.Round(x.Expected, 4));
            w.WriteNumber("posts", x.Posts);
            w.WriteNumber("score", Math.Round(x.Score, 2));
            w.WriteStartArray("evidence");
            foreach (var id in x.Evidence) w.WriteStringValue(id);
            w.WriteEndArray();
            w.WriteEndObject();
            json.End();
        }
        return 0;
    }

    private static int Evaluate(CliContext context, AlertOptions detector)
    {
        var a = context.Args;
        if (a.Positional.Count > 0) throw new CliUsageException("--evaluate takes no FILE");
        var o = new AlertEvaluationOptions { Detector = detector };
        o = o with
        {
            Seeds = a.Int("seeds", o.Seeds),
            FirstSeed = a.Int("seed", o.FirstSeed),
            EventsPerSeed = a.Int("events", o.EventsPerSeed),
            EventDays = a.Int("event-days", o.EventDays),
            EventSize = a.Option("size") is { } s ? (double.TryParse(s.TrimEnd('x'), NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m >= 1 ? m : throw new CliUsageException($"--size: '{s}' is not a multiple ≥ 1")) : o.EventSize,
            Community = o.Community with
            {
                Days = a.Int("days", o.Community.Days),
                ThreadsPerDay = a.Int("threads-per-day", (int)o.Community.ThreadsPerDay),
            },
        };
        if (o.Seeds < 1) throw new CliUsageException("--seeds must be at least 1");
        var r = AlertEvaluation.Run(o);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"seeds\":{r.Seeds},\"days\":{o.Community.Days},\"threads_per_day\":{o.Community.ThreadsPerDay},\"event_size\":{o.EventSize},\"event_days\":{o.EventDays},\"threshold\":{detector.Threshold},\"share_threshold\":{detector.ShareThreshold},\"posts\":{r.Posts},\"events\":{r.Events},\"detected_24h\":{r.Detected},\"recall_24h\":{r.Recall:0.###},\"median_delay_hours\":{r.MedianDelayHours:0.#},\"false_alarms\":{r.FalseAlarms},\"quiet_days\":{r.QuietDays},\"false_alarms_per_90_days\":{r.FalseAlarmsPer90Days:0.###}}}"));
        return 0;
    }
}
