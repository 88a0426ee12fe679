using Polder.Behaviour;
using Polder.Community;

namespace Polder.Tests.Behaviour;

public class BehaviourAnalyzerTests
{
    private static readonly OnlineCommunity Community = WebcareExample.Build();
    private static readonly BehaviourReport Day = BehaviourAnalyzer.Analyze(Community, new BehaviourOptions
    {
        Window = TimeWindow.Day,
        Municipalities = new MunicipalitySizes(new Dictionary<string, int> { ["Utrecht"] = 330_000 }),
    });

    private static ActorBehaviour A(string id) => Day.ActorsBehaviour.Single(a => a.ActorId == id);

    [Fact]
    public void Community_indexes_threads_depths_and_unknown_parents()
    {
        Assert.Equal(10, Community.Posts.Count);
        Assert.Equal(["p1", "p2", "p3", "p4"], Community.PostsInThread("p1").Select(p => p.Id));
        Assert.Equal("p1", Community.ThreadOfPost("p4"));
        Assert.Equal("x999", Community.ThreadOfPost("p10"));
        Assert.Equal(1, Community.DepthOfPost("p10"));
        Assert.Equal(3, Community.DepthOfPost("p9"));
        Assert.Equal(1, Community.UnknownParentCount);
        Assert.Equal(["p2", "p5", "p10"], Community.PostsBy("bob").Select(p => p.Id));
        Assert.Equal(["p2", "p3", "p4"], Community.PostsBetween(new DateTimeOffset(2024, 3, 31, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero)).Select(p => p.Id));
    }

    [Fact]
    public void First_response_time_in_webcare_mode()
    {
        Assert.Equal(ResponderMode.Organisation, Day.ResponderMode);
        var conv = Day.Conversations.ToDictionary(c => c.ThreadId);
        Assert.Equal(3, conv.Count); // T1, T2, T3; the orphan thread x999 never involves the organisation
        Assert.Equal(TimeSpan.FromHours(9), conv["p1"].Wait);       // DST: 23:00 CET → 09:00 CEST is 9 real hours
        Assert.Null(conv["p5"].Wait);                                // unanswered
        Assert.Equal(TimeSpan.FromMinutes(30), conv["p6"].Wait);    // from anna's first message p7, not from the announcement
        Assert.Equal("gemeente", conv["p6"].ResponderId);
        var s = Day.FirstResponse;
        Assert.Equal((3, 2, 1), (s.Conversations, s.Answered, s.Unanswered));
        Assert.Equal(4.75, s.MeanHours, 10);
        Assert.Equal(4.75, s.MedianHours, 10);
        Assert.Equal(0.5 + 0.9 * 8.5, s.P90Hours, 10);
        Assert.Equal([1, 0, 0, 0, 1, 0, 0, 0], s.BandCounts);
    }

    [Fact]
    public void First_response_time_in_forum_mode()
    {
        var conv = FirstResponseTime.Compute(Community, new BehaviourOptions { Responders = ResponderMode.AnyOtherActor }).ToDictionary(c => c.ThreadId);
        Assert.Equal(4, conv.Count);
        Assert.Equal(TimeSpan.FromHours(2), conv["p1"].Wait);      // bob after anna
        Assert.Equal("bob", conv["p1"].FirstResponderId);
        Assert.Equal(TimeSpan.FromMinutes(30), conv["p6"].Wait);
        Assert.Null(conv["p5"].Wait);
        Assert.Null(conv["x999"].Wait);
    }

    [Fact]
    public void Response_rate_reply_share_and_self_replies()
    {
        // gemeente is addressed by p1 (mention), p4 (reply to p3), p5 (mention), p7 (reply to p6); it answers only p1 directly
        Assert.Equal((4, 1), (A("gemeente").Inbound, A("gemeente").InboundAnswered));
        Assert.Equal(0.25, A("gemeente").ResponseRate);
        // anna is addressed by p2, p3 (replies to p1) and p9 (reply to p8); she answers p3 with p4
        Assert.Equal((3, 1), (A("anna").Inbound, A("anna").InboundAnswered));
        Assert.Equal(2.0 / 3, A("gemeente").ReplyShare, 10);        // p3, p9 of p3, p6, p9
        Assert.Equal(0.5, A("anna").ReplyShare);                      // p4, p7 of 4; p8 is a self-reply
        Assert.Equal(1, A("anna").SelfReplies);
        Assert.Equal(2.0 / 3, A("bob").ReplyShare, 10);              // p2 and the reply to an unknown parent
        Assert.Equal((6, 1, 1), (Day.Replies, Day.SelfReplies, Day.UnknownParentReplies));
        Assert.Equal(4 + 3, Day.Inbound);
        Assert.Equal(2, Day.InboundAnswered);
    }

    [Fact]
    public void Volume_active_days_engagement_and_burstiness()
    {
        Assert.Equal(4, A("anna").Posts);
        Assert.Equal(3, A("anna").ActiveDays);                        // 30 Mar, 31 Mar, 2 Apr
        Assert.Equal(3, A("bob").ActiveDays);                         // 31 Mar, 1 Apr, 4 Apr (local!)
        Assert.Equal((5 + 2 + 3) / 4.0, A("anna").EngagementPerPost); // likes 5, shares 2, replies by others 3
        Assert.Equal((10 + 2) / 3.0, A("gemeente").EngagementPerPost, 10);
        // bob's gaps: 34 h and 60.5 h → mean 47.25, sd 13.25 → B = −34 / 60.5
        Assert.Equal(-34 / 60.5, A("bob").Burstiness, 10);
        Assert.True(double.IsNaN(new ActorBehaviour { ActorId = "x" }.Burstiness));
    }

    [Fact]
    public void Hour_of_week_uses_the_local_clock()
    {
        Assert.Equal(10, Day.HourOfWeek.Sum());
        Assert.Equal(1, Day.HourOfWeek[3 * 24 + 0]);    // p10: Thursday 00h local (Wednesday 22h UTC)
        Assert.Equal(0, Day.HourOfWeek[2 * 24 + 22]);
        Assert.Equal(1, Day.HourOfWeek[5 * 24 + 23]);   // p1: Saturday 23h
        Assert.Equal(1, Day.HourOfWeek[6 * 24 + 9]);    // p3: Sunday 09h CEST
        var org = Day.Organisations.Single();
        Assert.Equal(3, org.HourOfWeek.Sum());
    }

    [Fact]
    public void Threads_size_and_depth()
    {
        var t = Day.ThreadsBehaviour.ToDictionary(x => x.ThreadId);
        Assert.Equal((4, 2, 3), (t["p1"].Size, t["p1"].MaxDepth, t["p1"].Participants));
        Assert.Equal((4, 3, 2), (t["p6"].Size, t["p6"].MaxDepth, t["p6"].Participants));
        Assert.Equal((1, 1, 1), (t["x999"].Size, t["x999"].MaxDepth, t["x999"].UnknownParentReplies));
        Assert.Equal(10, t["p1"].DurationHours, 10);   // 22:00Z → 08:00Z
        Assert.Equal(2.5, Day.MeanThreadSize);
        Assert.Equal(2.5, Day.MedianThreadSize);
        Assert.Equal(3, Day.MaxThreadDepth);
    }

    [Fact]
    public void Windows_retention_churn_and_change()
    {
        var w = Day.Windows;
        Assert.Equal(new DateOnly(2024, 3, 30), w[0].Start);
        Assert.Equal(6, w.Count);                                        // 30 Mar … 4 Apr, the empty 3 Apr included
        Assert.Equal([1, 3, 1, 4, 0, 1], w.Select(x => x.Posts));
        Assert.Equal([1, 3, 1, 2, 0, 1], w.Select(x => x.ActiveActors));
        Assert.Equal([1, 2, 0, 0, 0, 0], w.Select(x => x.NewActors));
        Assert.Equal([0, 1, 1, 0, 0, 0], w.Select(x => x.Retained));
        Assert.True(double.IsNaN(w[0].Retention));
        Assert.Equal(1.0, w[1].Retention);
        Assert.Equal(1.0 / 3, w[2].Retention, 10);
        Assert.Equal(2.0 / 3, w[2].Churn, 10);
        Assert.Equal(0.0, w[4].Retention);
        Assert.True(double.IsNaN(w[5].Retention));                       // nobody was active the day before
        Assert.Equal(2.0, w[1].PostsChange);
        Assert.Equal(-1.0, w[4].PostsChange);
        Assert.Equal((1, 1), (w[0].Conversations, w[0].Answered));      // T1's wait starts 30 Mar
        Assert.Equal(9, w[0].MedianFirstResponseHours, 10);
    }

    [Fact]
    public void Time_series_per_group_and_per_organisation()
    {
        var gem = Day.GroupWindows.Where(g => g.Attribute == "organisation" && g.Value == "gemeente").ToList();
        Assert.Equal([new DateOnly(2024, 3, 31), new DateOnly(2024, 4, 2)], gem.Select(g => g.Start));
        Assert.Equal([1, 2], gem.Select(g => g.Posts));
        var citizens = Day.GroupWindows.Where(g => g.Attribute == "role" && g.Value == "citizen").ToList();
        Assert.Equal([1, 2, 1, 2, 1], citizens.Select(g => g.Posts));        // 30 Mar anna; 31 Mar bob, anna; 1 Apr bob; 2 Apr anna ×2; 4 Apr bob
        Assert.Equal([1, 2, 1, 1, 1], citizens.Select(g => g.ActiveActors));
        Assert.Equal([0, 2, 0, 2, 1], citizens.Select(g => g.Replies));
        Assert.Equal(Day.Posts, Day.GroupWindows.Where(g => g.Attribute == "role").Sum(g => g.Posts));
    }

    [Fact]
    public void Monthly_and_weekly_windows()
    {
        var month = BehaviourAnalyzer.Analyze(Community, new BehaviourOptions { Window = TimeWindow.Month });
        Assert.Equal([new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)], month.Windows.Select(x => x.Start));
        Assert.Equal([4, 6], month.Windows.Select(x => x.Posts));
        Assert.Equal(1.0, month.Windows[1].Retention);  // anna, bob and gemeente are active in March and again in April
        var week = BehaviourAnalyzer.Analyze(Community, new BehaviourOptions { Window = TimeWindow.Week });
        Assert.Equal([new DateOnly(2024, 3, 25), new DateOnly(2024, 4, 1)], week.Windows.Select(x => x.Start));
        Assert.Equal([4, 6], week.Windows.Select(x => x.Posts));
    }

    [Fact]
    public void Organisations_groups_and_community_size_classes()
    {
        var org = Day.Organisations.Single();
        Assert.Equal(("gemeente", "gemeente", "Utrecht", "large", 2), (org.ActorId, org.OrganisationType, org.Municipality, org.SizeClass, org.CommunitySize));
        Assert.Equal((3, 2), (org.FirstResponse.Conversations, org.FirstResponse.Answered));
        var cell = Day.CommunitySizes.Single();
        Assert.Equal(new CommunitySizeClass("gemeente", "large", 1, 2, 2, 2), cell);
        var citizens = Day.Groups.Single(g => g.Attribute == "role" && g.Value == "citizen");
        Assert.Equal((2, 7L, 4L), (citizens.ActiveActors, citizens.Posts, citizens.Replies));
        var oost = Day.Groups.Single(g => g.Attribute == Actor.Neighbourhood && g.Value == "Oost");
        Assert.Equal(4, oost.Posts);
        var small = new MunicipalitySizes(new Dictionary<string, int> { ["A"] = 49_999, ["B"] = 50_000, ["C"] = 100_000 });
        Assert.Equal(["small", "medium", "large"], new[] { "A", "B", "C" }.Select(x => small.ClassOfMunicipality(x)));
    }

    [Fact]
    public void Quantiles_and_bands()
    {
        Assert.Equal(2.5, Statistics.Quantile([1, 2, 3, 4], 0.5));
        Assert.Equal(3.7, Statistics.Quantile([1, 2, 3, 4], 0.9), 10);
        Assert.Equal(0, ResponseTimeBands.BandOf(TimeSpan.FromMinutes(59)));
        Assert.Equal(1, ResponseTimeBands.BandOf(TimeSpan.FromHours(1)));
        Assert.Equal(7, ResponseTimeBands.BandOf(TimeSpan.FromDays(7)));
        Assert.Equal(8, ResponseTimeBands.Labels.Count);
    }
}
