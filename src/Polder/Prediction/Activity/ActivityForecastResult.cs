namespace Polder.Prediction.Activity;

/// <summary>The result of <see cref="ActivityForecaster.Forecast"/>. Immutable.</summary>
/// <param name="Series">Forecasts: the whole community first, then the series with at least the minimum mean posts per window, largest first.</param>
/// <param name="Windows">Complete windows of history.</param>
/// <param name="BacktestMae">Mean absolute error (posts) of the method in its rolling-origin backtest (NaN without backtests).</param>
/// <param name="BacktestCoverage">Share of backtest outcomes inside their 80 % interval (in-sample: the interval is built from the same errors).</param>
/// <param name="BacktestCount">Backtest forecasts.</param>
/// <param name="IntervalMethod">How the interval was built: "empirical" (quantiles of at least 50 backtest errors, 20 per series) or "student-t" (fewer: a t interval on their scale, wider the fewer they are).</param>
/// <param name="Notes">Why forecasts are missing or how the interval was widened, in plain Dutch.</param>
public sealed record ActivityForecastResult(IReadOnlyList<SeriesForecast> Series, int Windows, double BacktestMae, double BacktestCoverage,
    int BacktestCount, string IntervalMethod, IReadOnlyList<string> Notes);
