using Polder.Behaviour;

namespace Polder.Analysis;

/// <summary>
/// Everything <see cref="CommunityAnalyzer"/> found in one community, layer by layer. Immutable; a layer that was not
/// run (see <see cref="AnalysisOptions.Layers"/>) is empty or null.
/// </summary>
public sealed record CommunityAnalysis
{
    /// <summary>The source (file name, "community-sample.csv (embedded)", or the caller's name for posts in memory).</summary>
    public required string Source { get; init; }

    /// <summary>The options the analysis ran with.</summary>
    public required AnalysisOptions Options { get; init; }

    /// <summary>What reading did: rows read, accepted and rejected with reasons.</summary>
    public required ReadSummary Read { get; init; }

    /// <summary>The text layer per post, in time order (empty without <see cref="AnalysisLayers.Text"/>).</summary>
    public required IReadOnlyList<PostAnalysis> Posts { get; init; }

    /// <summary>Posts per identified language, largest first, and whether the Dutch layers read them (empty without <see cref="AnalysisLayers.Text"/>).</summary>
    public IReadOnlyList<LanguageShare> Languages { get; init; } = [];

    /// <summary>Posts the Dutch layers read (Dutch, or too short to tell); the denominator of sentiment, topic and complaint shares.</summary>
    public int AnalysedPosts => Streamed?.Analysed ?? Posts.Count(p => p.IsAnalysed);

    /// <summary>
    /// Set by a streamed analysis (<see cref="AnalysisOptions.Streaming"/>): the text layer's counts; <see cref="Posts"/>
    /// is then empty (the posts table was written while reading) and there are no forecasts. Null otherwise.
    /// </summary>
    public StreamedText? Streamed { get; init; }

    /// <summary>Topic shares by thread topic over the analysed posts, largest first.</summary>
    public required IReadOnlyList<TopicShare> Topics { get; init; }

    /// <summary>The community's own topics, found without a model trained elsewhere ("Waar gaat het over"), largest first.</summary>
    public IReadOnlyList<CommunityTopic> DiscoveredTopics { get; init; } = [];

    /// <summary>Each post's discovered topic label (null when it has none), in the order of <see cref="Posts"/>; empty when no topics were discovered.</summary>
    public IReadOnlyList<string?> PostDiscoveredTopics { get; init; } = [];

    /// <summary>Whether the themes model behind <see cref="Topics"/> applies to these posts (null when no post was read by it).</summary>
    public Polder.Topics.ThemeApplicability? ThemeModel { get; init; }

    /// <summary>Complaint category shares (Signalen main categories) of the analysed posts that give enough evidence for one, largest first.</summary>
    public required IReadOnlyList<TopicShare> Complaints { get; init; }

    /// <summary>Sentiment over time per thread topic (and "(alle)" for the whole community), in <see cref="TrendWindow"/> windows.</summary>
    public required IReadOnlyList<SentimentPoint> SentimentTrend { get; init; }

    /// <summary>The window of <see cref="SentimentTrend"/> and of the activity forecasts.</summary>
    public TimeWindow TrendWindow { get; init; }

    /// <summary>Behaviour and webcare metrics (null without <see cref="AnalysisLayers.Behaviour"/>).</summary>
    public BehaviourReport? Behaviour { get; init; }

    /// <summary>First-response times per organisation, busiest first.</summary>
    public required IReadOnlyList<ResponseTimeDistribution> ResponseTimes { get; init; }

    /// <summary>Posts per hour of the week (null without <see cref="AnalysisLayers.Behaviour"/>).</summary>
    public ActivityRhythm? Rhythm { get; init; }

    /// <summary>The interaction network (null without <see cref="AnalysisLayers.Network"/>).</summary>
    public NetworkAnalysis? Network { get; init; }

    /// <summary>The forecasts (null without <see cref="AnalysisLayers.Forecasts"/>).</summary>
    public ForecastSet? Forecasts { get; init; }

    /// <summary>The headline numbers, in report order; <c>summary.json</c> and the report's key figures come from these.</summary>
    public required IReadOnlyList<KeyFigure> KeyFigures { get; init; }

    /// <summary>First post, or null for an empty community.</summary>
    public DateTimeOffset? FirstPost { get; init; }

    /// <summary>Last post, or null.</summary>
    public DateTimeOffset? LastPost { get; init; }

    /// <summary>Wall-clock time of the analysis.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The key figure with <paramref name="key"/>, or null.</summary>
    public KeyFigure? Figure(string key) => KeyFigures.FirstOrDefault(f => f.Key == key);
}
