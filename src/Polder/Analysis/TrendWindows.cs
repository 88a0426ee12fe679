using Polder.Behaviour;

namespace Polder.Analysis;

/// <summary>Calendar windows for trends: the automatic choice, window starts and lengths.</summary>
internal static class TrendWindows
{
    /// <summary>
    /// Fewest posts in a window for its share or sentiment to be drawn and compared: below it the Wilson interval of a
    /// share is wider than ± 0.2, and one post more or less moves the share by 5 points or more. Such windows are listed
    /// and marked, not drawn as points.
    /// </summary>
    public const int MinPosts = 20;

    /// <summary>
    /// Day up to 3 weeks, week up to 26 weeks, month up to 15 years, year beyond. A long history keeps months (reddit's
    /// 129 months): the charts put them on a proportional time axis with year ticks, draw no window below
    /// <see cref="MinPosts"/>, and show the last <see cref="Reporting.Charts.MaxHistoryBars"/> windows as bars.
    /// </summary>
    public static TimeWindow Auto(DateTimeOffset? first, DateTimeOffset? last)
    {
        if (first is not { } f || last is not { } l) return TimeWindow.Week;
        var span = l - f;
        return span <= TimeSpan.FromDays(21) ? TimeWindow.Day : span <= TimeSpan.FromDays(26 * 7) ? TimeWindow.Week
            : span <= TimeSpan.FromDays(15 * 365.25) ? TimeWindow.Month : TimeWindow.Year;
    }

    /// <summary>The first day of the window after the one starting on <paramref name="start"/>.</summary>
    public static DateOnly Next(DateOnly start, TimeWindow w) => w switch
    {
        TimeWindow.Day => start.AddDays(1),
        TimeWindow.Week => start.AddDays(7),
        TimeWindow.Month => start.AddMonths(1),
        _ => start.AddYears(1),
    };

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
