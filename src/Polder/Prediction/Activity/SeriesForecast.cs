namespace Polder.Prediction.Activity;

/// <summary>The forecast of one series' posts in the window after the last post, with its 80 % prediction interval. Immutable.</summary>
/// <param name="Series">The series key (a topic, or the caller's name for the whole community).</param>
/// <param name="Forecast">Expected posts.</param>
/// <param name="Lower">Lower bound of the 80 % interval (≥ 0).</param>
/// <param name="Upper">Upper bound of the 80 % interval.</param>
/// <param name="History">Posts per complete window, oldest first (the last one ends at the last post).</param>
public sealed record SeriesForecast(string Series, double Forecast, double Lower, double Upper, IReadOnlyList<int> History);
