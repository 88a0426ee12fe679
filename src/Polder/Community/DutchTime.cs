namespace Polder.Community;

/// <summary>
/// The Dutch civil time zone (CET/CEST, IANA "Europe/Amsterdam") and conversions of local wall-clock times.
/// </summary>
public static class DutchTime
{
    /// <summary>Europe/Amsterdam from the system time-zone database, or an equivalent EU-rule zone when it is missing.</summary>
    public static TimeZoneInfo Zone { get; } = Find();

    private static TimeZoneInfo Find()
    {
        foreach (var id in new[] { "Europe/Amsterdam", "W. Europe Standard Time" })
        {
            try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
            catch (TimeZoneNotFoundException) { }
            catch (InvalidTimeZoneException) { }
        }
        // EU rule since 1996: summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00 local.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(1996, 1, 1), DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone("Europe/Amsterdam", TimeSpan.FromHours(1), "Europe/Amsterdam", "CET", "CEST", [rule]);
    }

    /// <summary>
    /// Attaches the offset of <paramref name="zone"/> to a wall-clock time. Returns false for a time that does not exist
    /// (the hour skipped when summer time starts). An ambiguous time (the hour repeated when summer time ends) gets the
    /// first occurrence, i.e. the summer-time offset.
    /// </summary>
    public static bool TryFromLocal(DateTime local, TimeZoneInfo zone, out DateTimeOffset result)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) { result = default; return false; }
        TimeSpan offset;
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            offset = offsets.Max();
        }
        else offset = zone.GetUtcOffset(local);
        result = new DateTimeOffset(local, offset);
        return true;
    }
}
