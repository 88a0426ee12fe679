namespace Polder.Analysis;

/// <summary>The layers <see cref="CommunityAnalyzer"/> runs; a flags value. Reading and the read report always run.</summary>
[Flags]
public enum AnalysisLayers
{
    /// <summary>Only read the input.</summary>
    None = 0,
    /// <summary>Per-post text layer: sentiment, topic, complaint category and places; topic shares and sentiment over time.</summary>
    Text = 1,
    /// <summary>Behaviour and webcare metrics, response times per organisation and the activity rhythm.</summary>
    Behaviour = 2,
    /// <summary>The interaction network: Leiden communities, PageRank, top actors and a drawing layout.</summary>
    Network = 4,
    /// <summary>Forecasts with their uncertainty (needs <see cref="Text"/> for the per-topic activity forecast).</summary>
    Forecasts = 8,
    /// <summary>Every layer.</summary>
    All = Text | Behaviour | Network | Forecasts,
}
