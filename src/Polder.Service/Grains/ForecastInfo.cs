namespace Polder.Service.Grains;

/// <summary>The forecast of one series (the whole community, "(alle)", or a thread topic) for the next window.</summary>
/// <param name="Series">The series.</param>
/// <param name="Forecast">Expected posts in the next window.</param>
/// <param name="Lower">Lower end of the 80 % interval.</param>
/// <param name="Upper">Upper end of the 80 % interval.</param>
/// <param name="History">Posts in the last complete windows, oldest first.</param>
[GenerateSerializer, Immutable]
public sealed record SeriesForecastInfo([property: Id(0)] string Series, [property: Id(1)] double Forecast, [property: Id(2)] double Lower,
    [property: Id(3)] double Upper, [property: Id(4)] int[] History);

/// <summary>The library's activity forecasts (<see cref="Polder.Prediction.Activity.ActivityForecaster"/>) over a community's posts.</summary>
/// <param name="Window">The window ("day", "week", "month"...), as <c>polder analyze</c> picks it for the period held.</param>
/// <param name="From">Start of the forecast window (the last post's time).</param>
/// <param name="To">End of the forecast window.</param>
/// <param name="Series">The whole community first, then the topics with enough posts, largest first.</param>
/// <param name="BacktestMae">Mean absolute error of the rolling-origin backtest (null without one).</param>
/// <param name="IntervalMethod">"empirical", "student-t" or "none".</param>
/// <param name="Notes">Why forecasts are missing or how the interval was widened (Dutch).</param>
[GenerateSerializer, Immutable]
public sealed record ForecastInfo([property: Id(0)] string Window, [property: Id(1)] DateTimeOffset? From, [property: Id(2)] DateTimeOffset? To,
    [property: Id(3)] SeriesForecastInfo[] Series, [property: Id(4)] double? BacktestMae, [property: Id(5)] string IntervalMethod,
    [property: Id(6)] string[] Notes);
