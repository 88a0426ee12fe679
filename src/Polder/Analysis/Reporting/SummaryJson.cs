using System.Globalization;
using System.Text.Json;
using Polder.Behaviour;

namespace Polder.Analysis.Reporting;

/// <summary>
/// Writes the machine-readable summary of a <see cref="CommunityAnalysis"/> (<c>summary.json</c>): the key figures
/// (the same objects the HTML report shows), the read report, topics, response times, rhythm, network and forecasts.
/// NaN is written as null.
/// </summary>
public static class SummaryJson
{
    /// <summary>Writes the summary to <paramref name="stream"/> (UTF-8, indented, left open).</summary>
    public static void Write(CommunityAnalysis a, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(a);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("source", a.Source);
        Time(w, "first_post", a.FirstPost);
        Time(w, "last_post", a.LastPost);
        w.WriteString("trend_window", a.TrendWindow.ToString().ToLowerInvariant());
        w.WriteNumber("seed", a.Options.Seed);
        w.WriteString("layers", a.Options.Layers.ToString());

        w.WriteStartObject("key_figures");
        foreach (var k in a.KeyFigures) Number(w, k.Key, k.Value);
        w.WriteEndObject();
        w.WriteStartObject("key_figure_labels");
        foreach (var k in a.KeyFigures) w.WriteString(k.Key, k.Label);
        w.WriteEndObject();

        w.WriteStartObject("read");
        w.WriteString("source", a.Read.Source);
        w.WriteNumber("rows_read", a.Read.RowsRead);
        w.WriteNumber("accepted", a.Read.Accepted);
        w.WriteNumber("rejected", a.Read.Rejected);
        w.WriteStartObject("rejections_by_field");
        foreach (var (field, n) in a.Read.RejectionsByField.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteNumber(field, n);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("languages");
        w.WriteNumber("analysed_posts", a.AnalysedPosts);
        w.WriteNumber("skipped_posts", a.Posts.Count - a.AnalysedPosts);
        w.WriteString("skip_reason", "the sentiment, topic, complaint and place layers are Dutch: posts identified as another language are not read by them");
        w.WriteStartArray("by_language");
        foreach (var l in a.Languages)
        {
            w.WriteStartObject();
            w.WriteString("language", l.Language);
            w.WriteNumber("posts", l.Posts);
            Number(w, "share", l.Share);
            w.WriteBoolean("analysed", l.Analysed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        Shares(w, "topics", a.Topics);
        Shares(w, "complaints", a.Complaints);

        w.WriteStartArray("response_times");
        foreach (var r in a.ResponseTimes)
        {
            w.WriteStartObject();
            w.WriteString("organisation", r.Organisation);
            w.WriteNumber("conversations", r.Summary.Conversations);
            w.WriteNumber("answered", r.Summary.Answered);
            Number(w, "mean_hours", r.Summary.MeanHours);
            Number(w, "median_hours", r.Summary.MedianHours);
            Number(w, "p90_hours", r.Summary.P90Hours);
            w.WriteStartObject("bands");
            for (int b = 0; b < ResponseTimeBands.Labels.Count; b++) w.WriteNumber(ResponseTimeBands.Labels[b], r.Summary.BandCounts[b]);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (a.Rhythm is { } rh)
        {
            w.WriteStartObject("rhythm");
            w.WriteNumber("peak_hour_of_week", rh.PeakHourOfWeek);
            w.WriteString("peak", ActivityRhythm.Describe(rh.PeakHourOfWeek));
            w.WriteStartArray("per_day");
            foreach (var d in rh.PerDay) w.WriteNumberValue(d);
            w.WriteEndArray();
            w.WriteStartArray("per_hour");
            foreach (var h in rh.PerHour) w.WriteNumberValue(h);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (a.Network is { } net)
        {
            w.WriteStartObject("network");
            w.WriteNumber("nodes", net.Nodes);
            w.WriteNumber("edges", net.Edges);
            w.WriteNumber("communities", net.Communities);
            Number(w, "modularity", net.Modularity);
            Number(w, "reciprocity", net.Reciprocity);
            w.WriteString("community_algorithm", $"Leiden (modularity, resolution 1, seed {net.Seed})");
            w.WriteString("community_numbering", "1-based, as in the report and the tables: group g has community_sizes[g - 1] actors");
            w.WriteStartArray("community_sizes");
            foreach (var s in net.CommunitySizes) w.WriteNumberValue(s);
            w.WriteEndArray();
            w.WriteStartArray("top_actors");
            foreach (var x in net.TopActors(a.Options.TopActors))
            {
                w.WriteStartObject();
                w.WriteString("actor", x.ActorId);
                w.WriteString("role", BehaviourAnalyzer.RoleName(x.Role));
                w.WriteNumber("community", x.Group);
                Number(w, "pagerank", x.PageRank);
                w.WriteNumber("in_degree", x.InDegree);
                w.WriteNumber("out_degree", x.OutDegree);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (a.Forecasts is { } fc)
        {
            w.WriteStartObject("forecasts");
            w.WriteStartArray("activity");
            foreach (var f in fc.Activity)
            {
                w.WriteStartObject();
                w.WriteString("group", f.Topic);
                w.WriteString("from", f.From);
                w.WriteString("to", f.To);
                Number(w, "forecast", f.Forecast);
                Number(w, "lower", f.Lower);
                Number(w, "upper", f.Upper);
                w.WriteNumber("interval", 0.8);
                w.WriteStartArray("history");
                foreach (var h in f.History) w.WriteNumberValue(h);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("activity_backtest");
            w.WriteString("method", "mean of the last 3 complete windows; interval from standardised one-step errors (10% and 90% quantiles; with fewer than 20 errors per series a Student-t interval on their scale)");
            Number(w, "mae", fc.ActivityBacktestMae);
            Number(w, "coverage_in_sample", fc.ActivityBacktestCoverage);
            w.WriteNumber("count", fc.ActivityBacktestCount);
            w.WriteEndObject();
            if (fc.Engagement is { } e)
            {
                w.WriteStartObject("engagement");
                w.WriteString("target", "reply within 24 hours");
                w.WriteString("as_of", e.AsOf);
                w.WriteNumber("training_posts", e.TrainingPosts);
                w.WriteNumber("evaluation_posts", e.EvaluationPosts);
                Number(w, "evaluation_auc", e.EvaluationAuc);
                Number(w, "evaluation_brier", e.EvaluationBrier);
                Number(w, "base_rate", e.BaseRate);
                w.WriteStartArray("open_posts");
                foreach (var o in e.Open)
                {
                    w.WriteStartObject();
                    w.WriteString("post", o.PostId);
                    w.WriteString("author", o.AuthorId);
                    w.WriteString("time", o.Time);
                    w.WriteString("topic", o.Topic);
                    Number(w, "reply_probability", o.ReplyProbability);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteStartArray("notes");
            foreach (var n in fc.Notes) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        WriteAlerts(w, a);
        w.WriteEndObject();
    }

    private static void WriteAlerts(Utf8JsonWriter w, CommunityAnalysis a)
    {
        if (Polder.Topics.Alerts.CommunityAlerts.Of(a) is not { } set) return;
        w.WriteStartObject("alerts");
        w.WriteString("topics_from", set.Source.ToString().ToLowerInvariant());
        w.WriteString("method", "24-hour windows tested hourly against the same hours of the previous 28 days; score = excess in predictive standard deviations (volume ≥ " +
            set.Options.Threshold.ToString(CultureInfo.InvariantCulture) + ", negative share ≥ " + set.Options.ShareThreshold.ToString(CultureInfo.InvariantCulture) + ")");
        w.WriteStartArray("items");
        foreach (var x in set.Alerts)
        {
            w.WriteStartObject();
            if (x.Topic is null) w.WriteNull("topic"); else w.WriteString("topic", x.Topic);
            w.WriteString("kind", x.Kind == Polder.Topics.Alerts.AlertKind.Volume ? "volume" : "negative_share");
            w.WriteString("from", x.From);
            w.WriteString("to", x.To);
            w.WriteString("detected_at", x.DetectedAt);
            Number(w, "observed", x.Observed);
            Number(w, "expected", x.Expected);
            w.WriteNumber("posts", x.Posts);
            Number(w, "score", x.Score);
            w.WriteStartArray("evidence");
            foreach (var id in x.Evidence) w.WriteStringValue(id);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A number as summary.json and the report's <c>data-value</c> attributes write it: round-trip invariant, "" for NaN.</summary>
    public static string Format(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? t)
    {
        if (t is { } v) w.WriteString(name, v); else w.WriteNull(name);
    }

    private static void Shares(Utf8JsonWriter w, string name, IReadOnlyList<TopicShare> shares)
    {
        w.WriteStartArray(name);
        foreach (var s in shares)
        {
            w.WriteStartObject();
            w.WriteString("topic", s.Topic);
            w.WriteNumber("posts", s.Posts);
            Number(w, "share", s.Share);
            w.WriteNumber("negative", s.Negative);
            w.WriteNumber("neutral", s.Neutral);
            w.WriteNumber("positive", s.Positive);
            Number(w, "mean_sentiment", s.MeanSentiment);
            Number(w, "net_sentiment", s.NetSentiment);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
