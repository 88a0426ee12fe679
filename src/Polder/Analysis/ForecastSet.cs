namespace Polder.Analysis;

/// <summary>The forecasts of an analysis. Immutable.</summary>
/// <param name="Engagement">Reply forecasts of open posts, or null when the community has too few closed posts to learn from (fewer than 100) or no replies.</param>
/// <param name="Activity">Next-window activity forecasts: the whole community first, then per topic (topics with at least 3 posts per window on average).</param>
/// <param name="ActivityBacktestMae">Mean absolute error (posts) of the activity method in its rolling-origin backtest.</param>
/// <param name="ActivityBacktestCoverage">Share of backtest outcomes inside their 80 % interval. The interval is built from the same errors, so this is an in-sample check, not an independent one.</param>
/// <param name="ActivityBacktestCount">Number of backtest forecasts.</param>
/// <param name="Notes">Why a forecast is missing, in plain words.</param>
public sealed record ForecastSet(EngagementForecast? Engagement, IReadOnlyList<ActivityForecast> Activity, double ActivityBacktestMae,
    double ActivityBacktestCoverage, int ActivityBacktestCount, IReadOnlyList<string> Notes);
