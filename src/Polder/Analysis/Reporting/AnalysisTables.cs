using System.Globalization;
using Polder.Behaviour;
using Polder.Sentiment;

namespace Polder.Analysis.Reporting;

/// <summary>
/// Every table of a <see cref="CommunityAnalysis"/>, ready for CSV and Parquet (<see cref="ResultTableWriter"/>): the
/// behaviour tables (<see cref="BehaviourTables.From"/>) plus posts, topics, complaints, sentiment_trend (with 95 % Wilson
/// intervals and a below_minimum flag, see <see cref="TrendWindows.MinPosts"/>), alerts,
/// response_times, network_actors, network_links, activity_forecasts, open_posts, rejected_rows and key_figures.
/// </summary>
public static class AnalysisTables
{
    private static TableColumn T(string n) => new(n, ColumnType.Text);
    private static TableColumn I(string n) => new(n, ColumnType.Integer);
    private static TableColumn R(string n) => new(n, ColumnType.Real);
    private static TableColumn D(string n) => new(n, ColumnType.Time);

    /// <summary>The tables (those of layers that did not run are left out; rejected_rows and key_figures are always there).</summary>
    public static IReadOnlyList<ResultTable> From(CommunityAnalysis a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var tables = new List<ResultTable>();
        if (a.Behaviour is { } b) tables.AddRange(BehaviourTables.From(b));
        if ((a.Options.Layers & AnalysisLayers.Text) != 0)
        {
            // a streamed analysis wrote its posts table while reading (PostColumns, PostRow)
            if (a.Streamed is null) tables.Add(ResultTable.Lazy("posts", PostColumns, a.Posts.Count, i => PostRow(a.Posts[i])));
            tables.Add(DiscoveredTopicsJson.Table(a));
            tables.Add(Shares("topics", a.Topics));
            tables.Add(Shares("complaints", a.Complaints));
            tables.Add(new ResultTable("sentiment_trend",
                [T("topic"), T("window"), T("start"), I("posts"), I("negative"), I("neutral"), I("positive"), R("mean_score"), R("net_sentiment"),
                 R("net_lower_95"), R("net_upper_95"), R("negative_share"), R("negative_lower_95"), R("negative_upper_95"), I("below_minimum")],
                a.SentimentTrend.Select(p =>
                {
                    var net = WilsonInterval.OfNet(p.Negative, p.Neutral, p.Positive);
                    var neg = WilsonInterval.Of(p.Negative, p.Posts);
                    return new object?[]
                    {
                        p.Topic, a.TrendWindow.ToString().ToLowerInvariant(), p.WindowStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (long)p.Posts,
                        (long)p.Negative, (long)p.Neutral, (long)p.Positive, p.MeanScore, p.NetSentiment,
                        net.Lower, net.Upper, p.Posts == 0 ? double.NaN : (double)p.Negative / p.Posts, neg.Lower, neg.Upper, p.Posts < TrendWindows.MinPosts ? 1L : 0L,
                    };
                }).ToList()));
            if (Polder.Topics.Alerts.CommunityAlerts.Of(a) is { } alerts)
                tables.Add(new ResultTable("alerts",
                    [T("topic"), T("kind"), D("from"), D("to"), D("detected_at"), R("observed"), R("expected"), I("posts"), R("score"), T("evidence")],
                    alerts.Alerts.Select(x => new object?[]
                    {
                        x.Topic ?? TextLayer.All, x.Kind == Polder.Topics.Alerts.AlertKind.Volume ? "volume" : "negative_share", x.From, x.To, x.DetectedAt,
                        x.Observed, x.Expected, (long)x.Posts, x.Score, string.Join(' ', x.Evidence),
                    }).ToList()));
        }
        if (a.Behaviour is not null)
        {
            var cols = new List<TableColumn> { T("organisation"), I("conversations"), I("answered"), R("mean_hours"), R("median_hours"), R("p90_hours") };
            cols.AddRange(Enumerable.Range(0, ResponseTimeBands.Labels.Count).Select(i => I("band_" + i)));
            tables.Add(new ResultTable("response_times", cols,
                a.ResponseTimes.Select(r =>
                {
                    var row = new List<object?> { r.Organisation, (long)r.Summary.Conversations, (long)r.Summary.Answered, r.Summary.MeanHours, r.Summary.MedianHours, r.Summary.P90Hours };
                    row.AddRange(r.Summary.BandCounts.Select(c => (object?)(long)c));
                    return row.ToArray();
                }).ToList()));
        }
        if (a.Network is { } net)
        {
            tables.Add(new ResultTable("network_actors",
                [T("actor"), T("role"), I("community"), R("pagerank"), I("in_degree"), I("out_degree"), R("x"), R("y")],
                net.Actors.Select(x => new object?[] { x.ActorId, BehaviourAnalyzer.RoleName(x.Role), (long)x.Group, x.PageRank, (long)x.InDegree, (long)x.OutDegree, x.X, x.Y }).ToList()));
            tables.Add(new ResultTable("network_links", [T("source"), T("target"), R("weight")],
                net.Graph.ToUndirected() is var u ? u.Edges().Select(e => new object?[] { u.Label(e.Source), u.Label(e.Target), e.Weight }).ToList() : []));
        }
        if (a.Forecasts is { } fc)
        {
            tables.Add(new ResultTable("activity_forecasts",
                [T("group"), D("from"), D("to"), R("forecast"), R("lower_80"), R("upper_80"), T("history")],
                fc.Activity.Select(f => new object?[] { f.Topic, f.From, f.To, f.Forecast, f.Lower, f.Upper, string.Join(' ', f.History) }).ToList()));
            tables.Add(new ResultTable("open_posts",
                [T("post"), T("author"), D("time"), T("topic"), R("reply_probability")],
                (fc.Engagement?.Open ?? []).Select(o => new object?[] { o.PostId, o.AuthorId, o.Time, o.Topic, o.ReplyProbability }).ToList()));
        }
        tables.Add(new ResultTable("rejected_rows", [T("source"), I("line"), T("field"), T("reason")],
            a.Read.Issues.Select(i => new object?[] { i.File, i.Line, i.Field, i.Reason }).ToList()));
        tables.Add(new ResultTable("key_figures", [T("key"), T("label"), R("value"), T("unit")],
            a.KeyFigures.Select(k => new object?[] { k.Key, k.Label, k.Value, k.Unit }).ToList()));
        return tables;
    }

    /// <summary>The columns of the posts table.</summary>
    public static IReadOnlyList<TableColumn> PostColumns { get; } =
        [T("post"), T("author"), T("thread"), D("time"), T("kind"), T("language"), R("language_confidence"), T("sentiment"), R("sentiment_score"), T("topic"), R("topic_confidence"), T("thread_topic"), T("complaint"), T("complaint_evidence"), T("places"), T("municipalities"), T("place_evidence")];

    /// <summary>One row of the posts table.</summary>
    public static object?[] PostRow(PostAnalysis p) =>
    [
        p.PostId, p.AuthorId, p.ThreadId, p.Time, p.Kind.ToString().ToLowerInvariant(), p.Language, p.LanguageConfidence,
        p.Sentiment?.ToName(), p.SentimentScore, p.Topic, p.Topic is null ? null : (double)p.TopicConfidence,
        p.ThreadTopic, p.Complaint, p.ComplaintEvidence.Count == 0 ? null : string.Join("; ", p.ComplaintEvidence), p.Places.Count == 0 ? null : string.Join("; ", p.Places.Select(x => x.Name)),
        p.Places.Count == 0 ? null : string.Join("; ", p.Places.Select(x => x.Municipality.Name).Distinct(StringComparer.Ordinal)),
        p.Places.Count == 0 ? null : string.Join("; ", p.Places.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Text} {x.Confidence:0.00}: {string.Join(", ", x.Evidence)}"))),
    ];

    private static ResultTable Shares(string name, IReadOnlyList<TopicShare> shares) => new(name,
        [T("topic"), I("posts"), R("share"), I("negative"), I("neutral"), I("positive"), R("mean_sentiment"), R("net_sentiment")],
        shares.Select(s => new object?[] { s.Topic, (long)s.Posts, s.Share, (long)s.Negative, (long)s.Neutral, (long)s.Positive, s.MeanSentiment, s.NetSentiment }).ToList());
}
