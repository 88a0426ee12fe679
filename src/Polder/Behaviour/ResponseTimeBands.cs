namespace Polder.Behaviour;

/// <summary>
/// The eight waiting-time bands used to report first-response times (after the 2015 webcare study):
/// under 1 hour, 1–2 hours, 2–4 hours, 4–8 hours, 8–24 hours, 1–2 days, 2–7 days, 7 days or more.
/// A wait exactly on a boundary falls in the later band (e.g. exactly 1 hour is "1–2 hours").
/// </summary>
public static class ResponseTimeBands
{
    /// <summary>The upper bounds of the first seven bands; the eighth is open-ended.</summary>
    public static IReadOnlyList<TimeSpan> UpperBounds { get; } =
    [
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8),
        TimeSpan.FromHours(24), TimeSpan.FromHours(48), TimeSpan.FromDays(7),
    ];

    /// <summary>Labels of the eight bands.</summary>
    public static IReadOnlyList<string> Labels { get; } =
        ["< 1 uur", "1-2 uur", "2-4 uur", "4-8 uur", "8-24 uur", "1-2 dagen", "2-7 dagen", ">= 7 dagen"];

    /// <summary>The band (0..7) of a wait.</summary>
    public static int BandOf(TimeSpan wait)
    {
        for (int i = 0; i < UpperBounds.Count; i++) if (wait < UpperBounds[i]) return i;
        return UpperBounds.Count;
    }
}
