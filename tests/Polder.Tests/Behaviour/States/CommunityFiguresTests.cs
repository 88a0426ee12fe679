using Polder.Analysis;
using Polder.Behaviour.States;

namespace Polder.Tests.Behaviour.States;

/// <summary>The state's key figures are the key figures <c>polder analyze</c> prints for the same posts.</summary>
public class CommunityFiguresTests
{
    [Fact]
    public void The_figures_of_merged_parts_equal_the_key_figures_of_polder_analyze_on_the_sample()
    {
        var analysis = CommunityAnalyzer.Default.AnalyzeSample();
        var text = analysis.Posts.ToDictionary(p => p.PostId);
        var records = CommunityStateMergeTests.Sample();
        var rng = new Random(18);
        var parts = Enumerable.Range(0, 4).Select(_ => new CommunityState(textWindow: analysis.TrendWindow)).ToList();
        foreach (var r in records)
        {
            var t = text[r.Post.Id];
            parts[rng.Next(parts.Count)].Add(r, new PostTextFacts(t.IsAnalysed, t.Sentiment, t.ThreadTopic, t.Complaint, t.Places.Count > 0, t.Language));
        }
        var state = parts[0];
        foreach (var p in parts.Skip(1)) state.Merge(p);
        var f = state.Figures();
        var key = analysis.KeyFigures.ToDictionary(k => k.Key, k => k.Value);
        Assert.Equal(key["posts"], f.Posts);
        Assert.Equal(key["active_actors"], f.ActiveActors);
        Assert.Equal(key["threads"], f.Threads);
        Assert.Equal(key["organisations"], f.Organisations);
        Assert.Equal(key["conversations"], f.Conversations);
        Assert.Equal(key["conversations_answered_share"], f.ConversationsAnsweredShare, 12);
        Assert.Equal(key["organisation_inbound_answered_share"], f.OrganisationInboundAnsweredShare, 12);
        Assert.Equal(key["inbound_answered_share"], f.InboundAnsweredShare, 12);
        Assert.Equal(key["median_first_response_hours"], f.MedianFirstResponseHours, 12);
        Assert.Equal(key["p90_first_response_hours"], f.P90FirstResponseHours, 12);
        Assert.Equal(key["analysed_posts"], f.AnalysedPosts);
        Assert.Equal(key["negative_share"], f.NegativeShare, 12);
        Assert.Equal(key["positive_share"], f.PositiveShare, 12);
        Assert.Equal(key["complaint_share"], f.ComplaintShare, 12);
        // the sketch: within its documented error of the exact quantiles
        Assert.InRange(f.FirstResponseHistogram.Quantile(0.5), f.MedianFirstResponseHours * 0.99, f.MedianFirstResponseHours * 1.01);
        Assert.InRange(f.FirstResponseHistogram.Quantile(0.9), f.P90FirstResponseHours * 0.99, f.P90FirstResponseHours * 1.01);
        // open conversations: the unanswered ones, oldest first
        Assert.Equal(analysis.Behaviour!.FirstResponse.Unanswered, f.OpenConversations.Count);
        Assert.True(f.OpenConversations.Zip(f.OpenConversations.Skip(1)).All(p => p.First.AskedAt <= p.Second.AskedAt));
        Assert.Equal(analysis.Behaviour.Posts - 0L, state.Counts.Posts);
    }
}
