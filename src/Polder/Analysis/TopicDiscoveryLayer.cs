using Polder.Community;
using Polder.Sentiment;
using Polder.Topics;
using Polder.Topics.Discovery;

namespace Polder.Analysis;

/// <summary>The discovered topics of a community and whether the themes model applies to it.</summary>
internal sealed record TopicDiscoveryLayerResult(IReadOnlyList<CommunityTopic> Topics, ThemeApplicability? Themes)
{
    public static TopicDiscoveryLayerResult Empty { get; } = new([], null);
}

/// <summary>
/// Runs <see cref="TopicDiscovery"/> over every post with text (any language: the topics are the community's own),
/// adds each topic's sentiment from the text layer, and measures whether the themes model applies to the posts the
/// Dutch layers read (<see cref="ThemeApplicability"/>).
/// </summary>
internal static class TopicDiscoveryLayer
{
    public static TopicDiscoveryLayerResult Run(OnlineCommunity community, IReadOnlyList<PostAnalysis> analysed, TopicClassifier themes,
        AnalysisOptions o, TimeZoneInfo zone, Behaviour.TimeWindow window)
    {
        var posts = community.Posts;
        var index = Enumerable.Range(0, posts.Count).Where(i => !string.IsNullOrWhiteSpace(posts[i].TitleAndText)).ToArray();
        if (index.Length == 0) return TopicDiscoveryLayerResult.Empty;
        var texts = index.Select(i => posts[i].TitleAndText).ToArray();
        var days = index.Select(i => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(posts[i].Time, zone).DateTime)).ToArray();
        var result = TopicDiscovery.Discover(texts, new TopicDiscoveryOptions { Seed = o.Seed }, days, window);
        var withSentiment = new int[result.Topics.Count];
        var negative = new int[result.Topics.Count];
        var positive = new int[result.Topics.Count];
        for (int j = 0; j < index.Length; j++)
        {
            var a = result.Assignments[j];
            if (!a.HasTopic || analysed.Count <= index[j] || analysed[index[j]].Sentiment is not { } s) continue;
            withSentiment[a.Topic]++;
            if (s == SentimentLabel.Negative) negative[a.Topic]++;
            else if (s == SentimentLabel.Positive) positive[a.Topic]++;
        }
        var topics = result.Topics.Select(t => new CommunityTopic(t, t.Examples.Select(e => texts[e]).ToArray(),
            withSentiment[t.Id], negative[t.Id], positive[t.Id])).ToArray();
        var dutch = Enumerable.Range(0, Math.Min(posts.Count, analysed.Count)).Where(i => analysed[i].Topic is not null).Select(i => posts[i].TitleAndText).ToArray();
        var applicability = dutch.Length == 0 ? null : ThemeApplicability.Assess(themes, dutch, o.Seed);
        return new TopicDiscoveryLayerResult(topics, applicability);
    }
}
