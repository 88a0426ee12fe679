namespace Polder.Data;

/// <summary>Calendar window for time series, in the analysis time zone. Weeks start on Monday (ISO 8601).</summary>
public enum TimeWindow
{
    /// <summary>A calendar day.</summary>
    Day = 0,
    /// <summary>A Monday-to-Sunday week.</summary>
    Week = 1,
    /// <summary>A calendar month.</summary>
    Month = 2,
    /// <summary>A calendar year.</summary>
    Year = 3,
}
