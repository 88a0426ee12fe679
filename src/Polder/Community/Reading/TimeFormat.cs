namespace Polder.Community.Reading;

/// <summary>How a time column is written.</summary>
public enum TimeFormat
{
    /// <summary>ISO 8601; with an offset or 'Z' it is taken as is, without one it is local time in <see cref="PostMapping.TimeZone"/>.</summary>
    Iso8601 = 0,
    /// <summary>Seconds since 1970-01-01 UTC (may have a fraction).</summary>
    UnixSeconds = 1,
    /// <summary>Milliseconds since 1970-01-01 UTC.</summary>
    UnixMilliseconds = 2,
    /// <summary>Local wall-clock time in <see cref="PostMapping.TimeZone"/> written with <see cref="PostMapping.TimePattern"/>.</summary>
    LocalPattern = 3,
}
