namespace Polder.Analysis;

/// <summary>When a community writes: posts per hour of the week (analysis time zone). Immutable.</summary>
/// <param name="HourOfWeek">168 counts, Monday 00–01 h first.</param>
public sealed record ActivityRhythm(IReadOnlyList<int> HourOfWeek)
{
    /// <summary>Dutch day names, Monday first.</summary>
    public static IReadOnlyList<string> DayNames { get; } = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

    /// <summary>The busiest hour of the week (0 … 167), or -1 without posts.</summary>
    public int PeakHourOfWeek
    {
        get
        {
            int best = -1, max = 0;
            for (int h = 0; h < HourOfWeek.Count; h++) if (HourOfWeek[h] > max) { max = HourOfWeek[h]; best = h; }
            return best;
        }
    }

    /// <summary>Posts per day of the week (7 counts, Monday first).</summary>
    public IReadOnlyList<int> PerDay => Enumerable.Range(0, 7).Select(d => Enumerable.Range(d * 24, 24).Sum(h => HourOfWeek[h])).ToArray();

    /// <summary>Posts per hour of the day (24 counts).</summary>
    public IReadOnlyList<int> PerHour => Enumerable.Range(0, 24).Select(h => Enumerable.Range(0, 7).Sum(d => HourOfWeek[d * 24 + h])).ToArray();

    /// <summary>"dinsdag 20–21 u" for an hour of the week.</summary>
    public static string Describe(int hourOfWeek) => hourOfWeek < 0 ? "-" : $"{DayNames[hourOfWeek / 24]} {hourOfWeek % 24:00}–{(hourOfWeek % 24 + 1):00} u";
}
