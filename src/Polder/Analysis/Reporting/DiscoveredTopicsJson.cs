using System.Globalization;
using System.Text.Json;
using Polder.Behaviour;
using Polder.Topics.Discovery;

namespace Polder.Analysis.Reporting;

/// <summary>The discovered topics in summary.json (<c>discovered_topics</c>, <c>theme_model</c>) and as the <c>discovered_topics</c> table.</summary>
internal static class DiscoveredTopicsJson
{
    /// <summary>Writes <c>"discovered_topics": […]</c> and, when measured, <c>"theme_model": {applies, mean_confidence, vocabulary_coverage, posts}</c>.</summary>
    public static void Write(Utf8JsonWriter w, CommunityAnalysis a)
    {
        var byId = a.DiscoveredTopics.ToDictionary(t => t.Topic.Id);
        w.WritePropertyName("discovered_topics");
        // examples are written from the topics' own texts: the indices refer to the discovery's input, not to the posts
        var texts = a.DiscoveredTopics.SelectMany(t => t.Topic.Examples.Zip(t.Examples)).ToDictionary(p => p.First, p => p.Second);
        TopicDiscoveryJson.WriteTopics(w, a.DiscoveredTopics.Select(t => t.Topic).ToArray(), i => texts[i], more: (w, t) =>
        {
            var c = byId[t.Id];
            w.WriteNumber("posts_with_sentiment", c.WithSentiment);
            w.WriteNumber("negative", c.Negative);
            w.WriteNumber("positive", c.Positive);
            Share(w, "negative_share", c.NegativeShare, c.NegativeInterval, c.WithSentiment);
            Share(w, "positive_share", c.PositiveShare, c.PositiveInterval, c.WithSentiment);
        });
        if (a.ThemeModel is { } m)
        {
            w.WriteStartObject("theme_model");
            w.WriteBoolean("applies", m.Applies);
            w.WriteNumber("mean_confidence", Math.Round(m.MeanConfidence, 4));
            w.WriteNumber("vocabulary_coverage", Math.Round(m.VocabularyCoverage, 4));
            w.WriteNumber("posts", m.Posts);
            w.WriteEndObject();
        }
    }

    private static void Share(Utf8JsonWriter w, string name, double share, WilsonInterval interval, int n)
    {
        w.WriteStartObject(name);
        if (n == 0) { w.WriteNull("value"); w.WriteNull("low"); w.WriteNull("high"); }
        else
        {
            w.WriteNumber("value", Math.Round(share, 4));
            w.WriteNumber("low", Math.Round(interval.Lower, 4));
            w.WriteNumber("high", Math.Round(interval.Upper, 4));
        }
        w.WriteNumber("n", n);
        w.WriteEndObject();
    }

    /// <summary>The <c>discovered_topics</c> table: one row per topic.</summary>
    public static ResultTable Table(CommunityAnalysis a) => new("discovered_topics",
        [new("topic", ColumnType.Integer), new("label", ColumnType.Text), new("terms", ColumnType.Text), new("posts", ColumnType.Integer),
         new("share", ColumnType.Real), new("posts_with_sentiment", ColumnType.Integer), new("negative", ColumnType.Integer),
         new("negative_share", ColumnType.Real), new("negative_low", ColumnType.Real), new("negative_high", ColumnType.Real),
         new("positive", ColumnType.Integer), new("positive_share", ColumnType.Real), new("positive_low", ColumnType.Real),
         new("positive_high", ColumnType.Real), new("example", ColumnType.Text)],
        a.DiscoveredTopics.Select(t => new object?[]
        {
            (long)t.Topic.Id, t.Topic.Label, string.Join(", ", t.Topic.Terms), (long)t.Topic.Size, t.Topic.Share, (long)t.WithSentiment,
            (long)t.Negative, t.NegativeShare, t.WithSentiment == 0 ? double.NaN : t.NegativeInterval.Lower, t.WithSentiment == 0 ? double.NaN : t.NegativeInterval.Upper,
            (long)t.Positive, t.PositiveShare, t.WithSentiment == 0 ? double.NaN : t.PositiveInterval.Lower, t.WithSentiment == 0 ? double.NaN : t.PositiveInterval.Upper,
            t.Examples.Count == 0 ? null : TopicDiscoveryJson.Cut(t.Examples[0], 280),
        }).ToList());
}
