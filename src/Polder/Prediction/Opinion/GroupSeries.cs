namespace Polder.Prediction.Opinion;

/// <summary>
/// Identifies one group indicator series: a region, a subgroup within a subgroup category (e.g. <c>Leeftijd</c>/<c>16-24</c>,
/// or <c>Alle</c>/<c>Totaal</c>) and an indicator within an indicator category (e.g. <c>Naleving</c>/<c>Houd_1_5m_afstand</c>).
/// </summary>
/// <param name="RegionCode">Region code; <c>NL00</c> is the whole country.</param>
/// <param name="SubgroupCategory">Kind of group (<c>Alle</c>, <c>Leeftijd</c>, <c>Geslacht</c>, <c>Opleiding</c>).</param>
/// <param name="Subgroup">The group within its category.</param>
/// <param name="IndicatorCategory">Kind of indicator (<c>Draagvlak</c> = support, <c>Naleving</c> = compliance, …).</param>
/// <param name="Indicator">The measure the indicator is about.</param>
public readonly record struct GroupSeriesKey(string RegionCode, string SubgroupCategory, string Subgroup, string IndicatorCategory, string Indicator)
{
    /// <summary>Code of the national region.</summary>
    public const string National = "NL00";

    /// <summary>True for the whole-population series (<c>Alle</c>/<c>Totaal</c>).</summary>
    public bool IsTotal => SubgroupCategory == "Alle";

    /// <summary>The national whole-population series of the same indicator.</summary>
    public GroupSeriesKey NationalTotal => new(National, "Alle", "Totaal", IndicatorCategory, Indicator);

    /// <inheritdoc />
    public override string ToString() => $"{RegionCode}/{SubgroupCategory}:{Subgroup}/{IndicatorCategory}:{Indicator}";
}

/// <summary>One indicator series: a value (percentage) per wave, <see cref="double.NaN"/> where not measured.</summary>
public sealed class GroupSeries
{
    /// <summary>Creates a series.</summary>
    /// <param name="key">What the series measures.</param>
    /// <param name="values">Value per wave index (0-based, wave 1 at index 0); NaN = missing.</param>
    /// <param name="sampleSizes">Respondents per wave (0 when unknown).</param>
    public GroupSeries(GroupSeriesKey key, double[] values, int[] sampleSizes)
    {
        Key = key;
        Values = values;
        SampleSizes = sampleSizes;
    }

    /// <summary>What the series measures.</summary>
    public GroupSeriesKey Key { get; }

    /// <summary>Value per wave index (wave 1 at index 0); NaN where missing.</summary>
    public double[] Values { get; }

    /// <summary>Respondents per wave index (0 when unknown).</summary>
    public int[] SampleSizes { get; }

    /// <summary>True when wave index <paramref name="t"/> has a value.</summary>
    public bool Has(int t) => t >= 0 && t < Values.Length && !double.IsNaN(Values[t]);
}
