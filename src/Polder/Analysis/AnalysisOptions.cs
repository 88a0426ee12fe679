using Polder.Behaviour;
using Polder.Community;
using Polder.Community.Reading;
using Polder.Places;
using Polder.Sentiment;
using Polder.Topics;

namespace Polder.Analysis;

/// <summary>
/// Options of <see cref="CommunityAnalyzer"/>. Immutable; every model defaults to the one embedded in the library
/// (the zero-shot sentiment analyser, the shipped themes topic model, the Signalen complaint taxonomy, the places
/// gazetteer), so <c>new AnalysisOptions()</c> needs no files.
/// </summary>
public sealed record AnalysisOptions
{
    /// <summary>The layers to run. Default: all.</summary>
    public AnalysisLayers Layers { get; init; } = AnalysisLayers.All;

    /// <summary>Window of the behaviour time series (retention, change). Default month.</summary>
    public TimeWindow Window { get; init; } = TimeWindow.Month;

    /// <summary>
    /// Window of sentiment over time and of the activity forecast; null (default) picks week when the community spans at
    /// most 26 weeks and month otherwise.
    /// </summary>
    public TimeWindow? TrendWindow { get; init; }

    /// <summary>
    /// Extra organisation actor ids (besides actors with the role organisation), e.g. the webcare handles of a corpus
    /// without roles.
    /// </summary>
    public IReadOnlySet<string> OrganisationIds { get; init; } = new HashSet<string>();

    /// <summary>Population per municipality for size classes; null: no size classes.</summary>
    public MunicipalitySizes? Municipalities { get; init; }

    /// <summary>Zone for calendar features (days, hour of week, windows). Default Europe/Amsterdam.</summary>
    public TimeZoneInfo TimeZone { get; init; } = DutchTime.Zone;

    /// <summary>Seed of every randomised step (Leiden, the network layout, the engagement model). Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The sentiment analyser. Default <see cref="SentimentAnalyzer.Default"/>.</summary>
    public SentimentAnalyzer Sentiment { get; init; } = SentimentAnalyzer.Default;

    /// <summary>The topic model. Default <see cref="TopicClassifier.Themes"/> (loaded on first use).</summary>
    public TopicClassifier? Topics { get; init; }

    /// <summary>The complaint taxonomy; null switches complaint categories off. Default <see cref="ComplaintClassifier.Signalen"/>.</summary>
    public ComplaintClassifier? Complaints { get; init; } = ComplaintClassifier.Signalen;

    /// <summary>The place finder. Default <see cref="PlaceFinder.Default"/>.</summary>
    public PlaceFinder Places { get; init; } = PlaceFinder.Default;

    /// <summary>The language identifier; posts it places in another language than Dutch skip the Dutch layers. Default <see cref="Polder.Language.LanguageIdentifier.Default"/>.</summary>
    public Polder.Language.LanguageIdentifier? Languages { get; init; }

    /// <summary>How a file is read (skip-and-report by default, size limits).</summary>
    public ReadOptions Read { get; init; } = ReadOptions.Default;

    /// <summary>Column mapping of a file; null detects it from the header (polder, reddit or political-tweets layout).</summary>
    public PostMapping? Mapping { get; init; }

    /// <summary>How many actors the network keeps as top actors. Default 10.</summary>
    public int TopActors { get; init; } = 10;

    /// <summary>How many of the most central actors the network drawing shows at most. Default 150.</summary>
    public int MaxDrawnNodes { get; init; } = 150;

    /// <summary>
    /// Analyse a file without holding its posts (docs/streaming.md): read it twice in batches, keep the mergeable
    /// behaviour state, the language guesses and topics (a few dozen bytes a post) and write the posts table while
    /// reading. Same figures as the in-memory analysis; no forecasts. Only for files (<c>CommunityAnalyzer.AnalyzeFile</c>).
    /// </summary>
    public bool Streaming { get; init; }

    /// <summary>Posts per batch of a streamed analysis (tests use small batches to cross batch borders).</summary>
    internal int StreamBatchSize { get; init; } = StreamingAnalysis.BatchSize;

    /// <summary>The defaults.</summary>
    public static AnalysisOptions Default { get; } = new();
}
