using Polder.Behaviour;

namespace Polder.Analysis;

/// <summary>Calendar windows for trends: the automatic choice, window starts and lengths.</summary>
internal static class TrendWindows
{
    /// <summary>Day up to 3 weeks, week up to 26 weeks, month beyond.</summary>
    public static TimeWindow Auto(DateTimeOffset? first, DateTimeOffset? last)
    {
        if (first is not { } f || last is not { } l) return TimeWindow.Week;
        var span = l - f;
        return span <= TimeSpan.FromDays(21) ? TimeWindow.Day : span <= TimeSpan.FromDays(26 * 7) ? TimeWindow.Week : TimeWindow.Month;
    }

    /// <summary>First day of the window holding local date <paramref name="d"/> (weeks start on Monday).</summary>
    public static DateOnly Start(DateOnly d, TimeWindow w) => w switch
    {
        TimeWindow.Day => d,
        TimeWindow.Week => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)),
        TimeWindow.Month => new DateOnly(d.Year, d.Month, 1),
        _ => new DateOnly(d.Year, 1, 1),
    };

    /// <summary>The nominal length of a window (a month counts as 30 days, a year as 365) for forecast horizons.</summary>
    public static TimeSpan Length(TimeWindow w) => w switch
    {
        TimeWindow.Day => TimeSpan.FromDays(1),
        TimeWindow.Week => TimeSpan.FromDays(7),
        TimeWindow.Month => TimeSpan.FromDays(30),
        _ => TimeSpan.FromDays(365),
    };

    /// <summary>Dutch name of a window ("dag", "week", "maand", "jaar").</summary>
    public static string DutchName(TimeWindow w) => w switch
    {
        TimeWindow.Day => "dag", TimeWindow.Week => "week", TimeWindow.Month => "maand", _ => "jaar",
    };
}
