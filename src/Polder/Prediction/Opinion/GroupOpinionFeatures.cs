namespace Polder.Prediction.Opinion;

/// <summary>
/// The features of the group-opinion forecaster, computed for a series at a target wave from earlier waves only.
/// A series' value is split into the national whole-population value of the same indicator plus the group's offset
/// from it; the national part and the offset are forecast separately, so a past common (national) shock never leaks
/// into the offset model. See <c>docs/prediction-features.md</c>.
/// </summary>
public static class GroupOpinionFeatures
{
    /// <summary>Names of the offset features (the group's deviation from the national value).</summary>
    public static IReadOnlyList<string> OffsetNames { get; } =
    [
        "offset_mean_all",        // mean (group − national) over every earlier wave
        "offset_mean_last3",      // … over the last three measured waves
        "offset_last",            // … at the last measured wave
        "offset_pooled_category", // mean offset_mean_all of all indicators of the same category for the same region/group (partial pooling)
        "offset_mean_all_x_se",   // offset_mean_all × relative sampling error of the last value (shrinks noisy small samples)
        "offset_last_x_se",
        "offset_pooled_x_se",
    ];

    /// <summary>Names of the national features (momentum of the national whole-population series).</summary>
    public static IReadOnlyList<string> NationalNames { get; } = ["national_change_last", "national_last_minus_mean3"];

    /// <summary>Offset features of <paramref name="series"/> for target wave index <paramref name="wave"/> (uses waves &lt; wave only).</summary>
    public static double[] Offset(GroupSeriesTable table, GroupSeries series, int wave)
    {
        var nat = table.Find(series.Key.NationalTotal);
        double last = series.Values[wave - 1];
        double n = Math.Max(30, series.SampleSizes[wave - 1]);
        double rel = Math.Sqrt(Math.Max(1, last * (100 - last)) / n) / 3;
        double all = MeanOffset(series, nat, wave, int.MaxValue), last3 = MeanOffset(series, nat, wave, 3), one = MeanOffset(series, nat, wave, 1);
        double pooled = 0; int count = 0;
        foreach (var other in table.Series)
        {
            var k = other.Key;
            if (k.RegionCode != series.Key.RegionCode || k.SubgroupCategory != series.Key.SubgroupCategory || k.Subgroup != series.Key.Subgroup || k.IndicatorCategory != series.Key.IndicatorCategory) continue;
            pooled += MeanOffset(other, nat is null ? null : table.Find(k.NationalTotal), wave, int.MaxValue); count++;
        }
        pooled = count == 0 ? 0 : pooled / count;
        return [all, last3, one, pooled, all * rel, one * rel, pooled * rel];
    }

    /// <summary>National features of the national series <paramref name="national"/> for target wave index <paramref name="wave"/>.</summary>
    public static double[] National(GroupSeries national, int wave)
    {
        double last = national.Values[wave - 1];
        double prev = national.Has(wave - 2) ? national.Values[wave - 2] : last;
        double sum = 0; int c = 0;
        for (int i = wave - 1; i >= 0 && c < 3; i--) if (national.Has(i)) { sum += national.Values[i]; c++; }
        return [last - prev, last - sum / c];
    }

    private static double MeanOffset(GroupSeries s, GroupSeries? nat, int wave, int lastK)
    {
        if (nat is null) return 0;
        double sum = 0; int c = 0;
        for (int i = wave - 1; i >= 0 && c < lastK; i--)
            if (s.Has(i) && nat.Has(i)) { sum += s.Values[i] - nat.Values[i]; c++; }
        return c == 0 ? 0 : sum / c;
    }
}
