namespace Polder.Analysis;

/// <summary>
/// Forecast of the number of posts about one topic in the window after the last post, with an 80 % prediction
/// interval, from <see cref="Polder.Prediction.Activity.ActivityForecaster"/> (the mean of the last three complete
/// windows; the interval from the method's rolling-origin backtest errors, a t interval on short series). Immutable.
/// </summary>
/// <param name="Topic">The thread topic, or "(alle)" for the whole community.</param>
/// <param name="From">Start of the forecast window (the last post).</param>
/// <param name="To">End of the forecast window.</param>
/// <param name="Forecast">Expected posts.</param>
/// <param name="Lower">Lower bound of the 80 % interval (≥ 0).</param>
/// <param name="Upper">Upper bound of the 80 % interval.</param>
/// <param name="History">Posts per earlier window, oldest first (the last one ends at the last post).</param>
public sealed record ActivityForecast(string Topic, DateTimeOffset From, DateTimeOffset To, double Forecast, double Lower, double Upper, IReadOnlyList<int> History);
