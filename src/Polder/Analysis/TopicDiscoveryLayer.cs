using Polder.Community;
using Polder.Language;
using Polder.Sentiment;
using Polder.Text;
using Polder.Topics;
using Polder.Topics.Discovery;

namespace Polder.Analysis;

/// <summary>The discovered topics of a community and whether the themes model applies to it.</summary>
internal sealed record TopicDiscoveryLayerResult(IReadOnlyList<CommunityTopic> Topics, ThemeApplicability? Themes, IReadOnlyList<string?> PostTopics)
{
    public static TopicDiscoveryLayerResult Empty { get; } = new([], null, []);
}

/// <summary>What <see cref="TopicDiscoveryLayer.Fit"/> found: the topics, which post each discovery input was, the texts of the topics' examples (by discovery input), and the themes model's fit.</summary>
internal sealed record TopicDiscoveryFit(TopicDiscoveryResult Result, int[] PostIndex, IReadOnlyDictionary<int, string> ExampleTexts, ThemeApplicability? Themes);

/// <summary>
/// Runs <see cref="TopicDiscovery"/> over every post with text (any language: the topics are the community's own)
/// on the text layer's documents, measures whether the themes model applies to the posts the Dutch layers read
/// (<see cref="ThemeApplicability"/>), and adds each topic's sentiment once the text layer has it.
/// </summary>
internal static class TopicDiscoveryLayer
{
    /// <summary>Fits the topics on the text layer's documents (no text is tokenised again).</summary>
    public static TopicDiscoveryFit? Fit(IReadOnlyList<Post> posts, TextDocument[] documents, LanguageGuess[] decided, TopicClassifier themes,
        int seed, TimeZoneInfo zone, TimeWindow window)
    {
        var index = Enumerable.Range(0, posts.Count).Where(i => documents[i].TokenCount > 0).ToArray();
        if (index.Length == 0) return null;
        var docs = index.Select(i => documents[i]).ToArray();
        var days = index.Select(i => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(posts[i].Time, zone).DateTime)).ToArray();
        var result = TopicDiscovery.Discover(docs, new TopicDiscoveryOptions { Seed = seed }, days, window);
        bool anyDutch = decided.Any(d => d.IsDutch);
        var read = Enumerable.Range(0, posts.Count).Where(i => TextLanguages.ReadingOf(decided[i], anyDutch) == DutchReading.All).Select(i => documents[i]).ToArray();
        var applicability = read.Length == 0 ? null : ThemeApplicability.Assess(themes, read, seed);
        // only the examples' texts are kept (not one reference per post)
        var examples = result.Topics.SelectMany(t => t.Examples).Distinct().ToDictionary(e => e, e => docs[e].Text);
        return new TopicDiscoveryFit(result, index, examples, applicability);
    }

    /// <summary>The topics with their posts' sentiment (negative and positive share with Wilson intervals).</summary>
    public static TopicDiscoveryLayerResult Summarise(TopicDiscoveryFit? fit, IReadOnlyList<PostAnalysis> analysed)
    {
        if (fit is null) return TopicDiscoveryLayerResult.Empty;
        var result = fit.Result;
        int k = result.Topics.Count;
        var withSentiment = new int[k];
        var postTopics = new string?[analysed.Count];
        var negative = new int[k];
        var positive = new int[k];
        for (int j = 0; j < fit.PostIndex.Length; j++)
        {
            var a = result.Assignments[j];
            if (a.HasTopic) postTopics[fit.PostIndex[j]] = result.Topics[a.Topic].Label;
            if (!a.HasTopic || analysed[fit.PostIndex[j]].Sentiment is not { } s) continue;
            withSentiment[a.Topic]++;
            if (s == SentimentLabel.Negative) negative[a.Topic]++;
            else if (s == SentimentLabel.Positive) positive[a.Topic]++;
        }
        var topics = result.Topics.Select(t => new CommunityTopic(t, t.Examples.Select(e => fit.ExampleTexts[e]).ToArray(),
            withSentiment[t.Id], negative[t.Id], positive[t.Id])).ToArray();
        return new TopicDiscoveryLayerResult(topics, fit.Themes, postTopics);
    }
}
