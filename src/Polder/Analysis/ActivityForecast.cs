namespace Polder.Analysis;

/// <summary>
/// Forecast of the number of posts about one topic in the window after the last post, with an 80 % prediction
/// interval. Method: the mean of the last three complete windows (windows counted back from the last post, so none is
/// partial); the interval adds the 10 % and 90 % quantiles of the standardised one-step errors, (actual − forecast) /
/// √max(forecast, 1), of the same method over all earlier windows of all topics (a rolling-origin backtest). Immutable.
/// </summary>
/// <param name="Topic">The thread topic, or "(alle)" for the whole community.</param>
/// <param name="From">Start of the forecast window (the last post).</param>
/// <param name="To">End of the forecast window.</param>
/// <param name="Forecast">Expected posts.</param>
/// <param name="Lower">Lower bound of the 80 % interval (≥ 0).</param>
/// <param name="Upper">Upper bound of the 80 % interval.</param>
/// <param name="History">Posts per earlier window, oldest first (the last one ends at the last post).</param>
public sealed record ActivityForecast(string Topic, DateTimeOffset From, DateTimeOffset To, double Forecast, double Lower, double Upper, IReadOnlyList<int> History);
