using Polder.Community;

namespace Polder.Behaviour;

/// <summary>Turns a <see cref="BehaviourReport"/> into tables (one per result kind).</summary>
public static class BehaviourTables
{
    private static TableColumn T(string n) => new(n, ColumnType.Text);
    private static TableColumn I(string n) => new(n, ColumnType.Integer);
    private static TableColumn R(string n) => new(n, ColumnType.Real);
    private static TableColumn D(string n) => new(n, ColumnType.Time);

    /// <summary>
    /// The tables: summary, actors, groups, organisations, community_sizes, windows, group_windows, threads, conversations,
    /// response_bands and hour_of_week.
    /// </summary>
    public static IReadOnlyList<ResultTable> From(BehaviourReport r)
    {
        var tables = new List<ResultTable>();
        var fr = r.FirstResponse;
        tables.Add(new ResultTable("summary", [T("metric"), R("value")],
        [
            ["posts", (double)r.Posts], ["actors", (double)r.Actors], ["active_actors", (double)r.ActiveActors], ["threads", (double)r.Threads],
            ["replies", (double)r.Replies], ["self_replies", (double)r.SelfReplies], ["unknown_parent_replies", (double)r.UnknownParentReplies],
            ["conversations", (double)fr.Conversations], ["answered", (double)fr.Answered], ["unanswered", (double)fr.Unanswered],
            ["conversations_answered_share", fr.AnsweredShare],
            ["first_response_mean_hours", fr.MeanHours], ["first_response_median_hours", fr.MedianHours], ["first_response_p90_hours", fr.P90Hours],
            ["inbound", (double)r.Inbound], ["inbound_answered", (double)r.InboundAnswered],
            ["inbound_answered_share", r.InboundAnsweredShare],
            ["organisation_inbound", (double)r.OrganisationInbound], ["organisation_inbound_answered", (double)r.OrganisationInboundAnswered],
            ["organisation_inbound_answered_share", r.OrganisationInboundAnsweredShare],
            ["burstiness", r.Burstiness], ["mean_thread_size", r.MeanThreadSize], ["median_thread_size", r.MedianThreadSize],
            ["max_thread_depth", (double)r.MaxThreadDepth],
        ]));
        tables.Add(new ResultTable("actors",
            [T("actor"), T("role"), I("posts"), I("replies"), I("self_replies"), I("shares"), R("reply_share"), I("active_days"), D("first_post"), D("last_post"),
             I("inbound"), I("inbound_answered"), R("response_rate"), I("replies_received"), I("likes_received"), I("shares_received"), R("engagement_per_post"), R("burstiness")],
            r.ActorsBehaviour.Select(a => new object?[]
            {
                a.ActorId, BehaviourAnalyzer.RoleName(a.Role), (long)a.Posts, (long)a.Replies, (long)a.SelfReplies, (long)a.Shares, a.ReplyShare, (long)a.ActiveDays,
                a.FirstPost, a.LastPost, (long)a.Inbound, (long)a.InboundAnswered, a.ResponseRate, (long)a.RepliesReceived, a.LikesReceived, a.SharesReceived,
                a.EngagementPerPost, a.Burstiness,
            }).ToList()));
        tables.Add(new ResultTable("groups",
            [T("attribute"), T("value"), I("active_actors"), I("posts"), I("replies"), R("reply_share"), I("inbound"), I("inbound_answered"), R("response_rate"), R("engagement_per_post")],
            r.Groups.Select(g => new object?[] { g.Attribute, g.Value, (long)g.ActiveActors, g.Posts, g.Replies, g.ReplyShare, g.Inbound, g.InboundAnswered, g.ResponseRate, g.EngagementPerPost }).ToList()));
        tables.Add(new ResultTable("organisations",
            [T("actor"), T("organisation_type"), T("municipality"), T("size_class"), I("community_size"), I("posts"), R("reply_share"), I("inbound"), R("response_rate"),
             I("conversations"), I("answered"), I("unanswered"), R("first_response_mean_hours"), R("first_response_median_hours"), R("first_response_p90_hours")],
            r.Organisations.Select(o => new object?[]
            {
                o.ActorId, o.OrganisationType, o.Municipality, o.SizeClass, (long)o.CommunitySize, (long)o.Actor.Posts, o.Actor.ReplyShare, (long)o.Actor.Inbound,
                o.Actor.ResponseRate, (long)o.FirstResponse.Conversations, (long)o.FirstResponse.Answered, (long)o.FirstResponse.Unanswered,
                o.FirstResponse.MeanHours, o.FirstResponse.MedianHours, o.FirstResponse.P90Hours,
            }).ToList()));
        tables.Add(new ResultTable("community_sizes",
            [T("organisation_type"), T("size_class"), I("organisations"), I("total_community_size"), R("mean_community_size"), R("median_community_size")],
            r.CommunitySizes.Select(c => new object?[] { c.OrganisationType, c.SizeClass, (long)c.Organisations, c.TotalCommunitySize, c.MeanCommunitySize, c.MedianCommunitySize }).ToList()));
        tables.Add(new ResultTable("windows",
            [T("window"), T("start"), I("posts"), I("replies"), I("threads_started"), I("active_actors"), I("new_actors"), I("retained"), R("retention"), R("churn"),
             R("posts_change"), R("active_actors_change"), I("conversations"), I("answered"), R("median_first_response_hours")],
            r.Windows.Select(w => new object?[]
            {
                r.Window.ToString().ToLowerInvariant(), w.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (long)w.Posts, (long)w.Replies,
                (long)w.ThreadsStarted, (long)w.ActiveActors, (long)w.NewActors, (long)w.Retained, w.Retention, w.Churn, w.PostsChange, w.ActiveActorsChange,
                (long)w.Conversations, (long)w.Answered, w.MedianFirstResponseHours,
            }).ToList()));
        tables.Add(new ResultTable("group_windows",
            [T("attribute"), T("value"), T("window"), T("start"), I("posts"), I("replies"), I("active_actors")],
            r.GroupWindows.Select(g => new object?[]
            {
                g.Attribute, g.Value, r.Window.ToString().ToLowerInvariant(), g.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                (long)g.Posts, (long)g.Replies, (long)g.ActiveActors,
            }).ToList()));
        tables.Add(ResultTable.Lazy("threads",
            [T("thread"), I("size"), I("max_depth"), I("participants"), D("start"), R("duration_hours"), I("unknown_parent_replies")],
            r.ThreadsBehaviour.Count, i =>
            {
                var t = r.ThreadsBehaviour[i];
                return [t.ThreadId, (long)t.Size, (long)t.MaxDepth, (long)t.Participants, t.Start, t.DurationHours, (long)t.UnknownParentReplies];
            }));
        tables.Add(ResultTable.Lazy("conversations",
            [T("thread"), T("asker"), T("responder"), D("asked_at"), D("responded_at"), T("first_responder"), R("wait_hours"), T("band")],
            r.Conversations.Count, i =>
            {
                var c = r.Conversations[i];
                return [c.ThreadId, c.AskerId, c.ResponderId, c.AskedAt, c.RespondedAt, c.FirstResponderId, c.Wait?.TotalHours ?? double.NaN,
                    c.Wait is { } w ? ResponseTimeBands.Labels[ResponseTimeBands.BandOf(w)] : null];
            }));
        tables.Add(new ResultTable("response_bands", [I("band"), T("label"), I("conversations")],
            Enumerable.Range(0, ResponseTimeBands.Labels.Count).Select(i => new object?[] { (long)i, ResponseTimeBands.Labels[i], (long)fr.BandCounts[i] }).ToList()));
        string[] dayNames = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
        tables.Add(new ResultTable("hour_of_week", [I("hour_of_week"), T("day"), I("hour"), I("posts")],
            Enumerable.Range(0, 168).Select(h => new object?[] { (long)h, dayNames[h / 24], (long)(h % 24), (long)r.HourOfWeek[h] }).ToList()));
        return tables;
    }
}
