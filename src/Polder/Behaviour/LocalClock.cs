namespace Polder.Behaviour;

/// <summary>
/// Fast UTC → local conversion for a time range: the zone offset is tabulated per 15 minutes, so converting a post is an
/// array lookup instead of a <see cref="TimeZoneInfo"/> call. Falls back to the zone for times outside the table.
/// </summary>
internal sealed class LocalClock
{
    private const long Bucket = TimeSpan.TicksPerMinute * 15;
    private readonly TimeZoneInfo _zone;
    private readonly long _base;
    private readonly long[] _offsetTicks;

    public LocalClock(TimeZoneInfo zone, long minUtcTicks, long maxUtcTicks)
    {
        _zone = zone;
        _base = minUtcTicks - minUtcTicks % Bucket;
        long buckets = maxUtcTicks >= minUtcTicks ? (maxUtcTicks - _base) / Bucket + 1 : 0;
        if (buckets > 4_000_000) buckets = 4_000_000; // ~114 years; beyond that use the zone
        _offsetTicks = new long[buckets];
        long lastOffset = long.MinValue;
        for (long b = 0; b < buckets; b++)
        {
            // offsets change only on whole quarters in every real zone; sample each hour, refine when it changes
            var t = new DateTime(_base + b * Bucket, DateTimeKind.Utc);
            long off = (b % 4 == 0 || lastOffset == long.MinValue) ? zone.GetUtcOffset(t).Ticks : lastOffset;
            if (b % 4 == 0 && b > 0 && off != lastOffset)
                for (long k = b - 3; k < b; k++) _offsetTicks[k] = zone.GetUtcOffset(new DateTime(_base + k * Bucket, DateTimeKind.Utc)).Ticks;
            _offsetTicks[b] = off;
            lastOffset = off;
        }
    }

    /// <summary>Local wall-clock ticks of a UTC instant.</summary>
    public long LocalTicks(long utcTicks)
    {
        long b = (utcTicks - _base) / Bucket;
        if ((ulong)b < (ulong)_offsetTicks.Length) return utcTicks + _offsetTicks[b];
        return utcTicks + _zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
    }

    /// <summary>Local day number (days since 0001-01-01).</summary>
    public int LocalDay(long utcTicks) => (int)(LocalTicks(utcTicks) / TimeSpan.TicksPerDay);

    /// <summary>Hour of the week 0..167, Monday 00:00–00:59 = 0.</summary>
    public int HourOfWeek(long utcTicks)
    {
        long local = LocalTicks(utcTicks);
        int day = (int)(local / TimeSpan.TicksPerDay);
        int hour = (int)(local % TimeSpan.TicksPerDay / TimeSpan.TicksPerHour);
        int dow = day % 7; // day 0 (0001-01-01) was a Monday
        return dow * 24 + hour;
    }

    /// <summary>Window index: consecutive integers for consecutive windows.</summary>
    public static int WindowOfDay(int localDay, TimeWindow window)
    {
        switch (window)
        {
            case TimeWindow.Day: return localDay;
            case TimeWindow.Week: return localDay / 7; // day 0 is a Monday, so weeks start on Monday
            default:
                var d = DateOnly.FromDayNumber(localDay);
                return window == TimeWindow.Month ? d.Year * 12 + d.Month - 1 : d.Year;
        }
    }

    /// <summary>First day of a window index.</summary>
    public static DateOnly WindowStart(int index, TimeWindow window) => window switch
    {
        TimeWindow.Day => DateOnly.FromDayNumber(index),
        TimeWindow.Week => DateOnly.FromDayNumber(index * 7),
        TimeWindow.Month => new DateOnly(index / 12, index % 12 + 1, 1),
        _ => new DateOnly(index, 1, 1),
    };
}
