using Polder.Behaviour;
using Polder.Community;
using Polder.Places;
using Polder.Sentiment;
using Polder.Topics;

namespace Polder.Prediction.Features;

/// <summary>Where the topic-share features of a feature table come from.</summary>
public enum TopicFeatureSource
{
    /// <summary>No topic columns (fastest).</summary>
    None = 0,
    /// <summary>The shipped policy-theme classifier (<see cref="TopicClassifier.Themes"/>): the share of posts whose most probable theme is each label.</summary>
    Themes = 1,
    /// <summary>The Signalen complaint taxonomy (<see cref="ComplaintClassifier.Signalen"/>): the share of posts in each main category ("unknown" when none matched).</summary>
    Complaints = 2,
}

/// <summary>Options of <see cref="ActorFeatureTable"/> and <see cref="GroupWindowFeatureTable"/>. Immutable.</summary>
public sealed record FeatureTableOptions
{
    /// <summary>Seed of the Leiden community detection (and of sampled betweenness); default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Zone for the rhythm features (night, weekend, office hours) and window starts; default Europe/Amsterdam.</summary>
    public TimeZoneInfo TimeZone { get; init; } = DutchTime.Zone;

    /// <summary>Source of the topic-share columns; default <see cref="TopicFeatureSource.Themes"/>.</summary>
    public TopicFeatureSource Topics { get; init; } = TopicFeatureSource.Themes;

    /// <summary>The topic classifier for <see cref="TopicFeatureSource.Themes"/>; null: the shipped themes model.</summary>
    public TopicClassifier? TopicClassifier { get; init; }

    /// <summary>The sentiment analyser; null: <see cref="SentimentAnalyzer.Default"/>.</summary>
    public SentimentAnalyzer? Sentiment { get; init; }

    /// <summary>The place finder; null: <see cref="PlaceFinder.Default"/>.</summary>
    public PlaceFinder? Places { get; init; }

    /// <summary>Behaviour options (the responder mode of response rates, organisation ids).</summary>
    public BehaviourOptions Behaviour { get; init; } = BehaviourOptions.Default;

    /// <summary>
    /// Exact betweenness up to this many actors in the period's graph; above it, betweenness is estimated from this many
    /// seeded source samples (Brandes is O(nodes × edges)). Default 4,000.
    /// </summary>
    public int ExactBetweennessLimit { get; init; } = 4000;

    /// <summary>The defaults.</summary>
    public static FeatureTableOptions Default { get; } = new();

    internal SentimentAnalyzer SentimentOrDefault => Sentiment ?? SentimentAnalyzer.Default;
    internal PlaceFinder PlacesOrDefault => Places ?? PlaceFinder.Default;
    internal TopicClassifier ThemesOrDefault => TopicClassifier ?? Polder.Topics.TopicClassifier.Themes;

    /// <summary>The topic labels the topic-share columns are named after, in column order.</summary>
    internal IReadOnlyList<string> TopicLabels() => Topics switch
    {
        TopicFeatureSource.Themes => ThemesOrDefault.Labels,
        TopicFeatureSource.Complaints => ComplaintClassifier.Signalen.Categories.Select(c => c.MainSlug).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Append(ComplaintClassification.Unknown).ToArray(),
        _ => [],
    };
}
