using System.Globalization;
using Polder.Prediction.Features;

namespace Polder.Prediction.Opinion;

/// <summary>
/// Turns a <see cref="GroupWindowFeatureTable"/> into group indicator series that <see cref="GroupOpinionModel"/> forecasts:
/// "what will each group THINK next week" from what the groups wrote, the same way as from a survey. Each share feature
/// (0–1, such as <c>sentiment_negative_share</c> or <c>topic:afval</c>) becomes one series per group in percent, with the
/// group's posts in the window as its sample size; each window is a wave. The whole community's series — the anchor
/// the model forecasts the groups' offsets from — is the posts-weighted mean over the groups, which is the community's
/// own share when the groups split the posts (as a neighbourhood or party attribute does).
/// </summary>
public static class GroupWindowSeries
{
    /// <summary>The subgroup category of the groups' series.</summary>
    public const string GroupCategory = "Group";

    /// <summary>The indicator category of every series.</summary>
    public const string IndicatorCategory = "Social";

    /// <summary>Builds the series of <paramref name="shares"/> from a group × window table.</summary>
    /// <param name="groupWindows">A table as <see cref="GroupWindowFeatureTable.Build"/> makes it (keys <c>Group</c> and
    /// <c>WindowStart</c>, feature <c>posts</c>).</param>
    /// <param name="shares">The features to follow; each must be a share (0–1 or NaN).</param>
    /// <returns>A table whose waves are the table's windows in time order; a (group, window) without a row, or with NaN,
    /// is missing (NaN).</returns>
    /// <exception cref="ArgumentException">A missing key or feature, no share named, or a value outside 0–1 (named with
    /// its group and window).</exception>
    public static GroupSeriesTable Build(FeatureTable groupWindows, IReadOnlyList<string> shares)
    {
        ArgumentNullException.ThrowIfNull(groupWindows);
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count == 0) throw new ArgumentException("name at least one share feature", nameof(shares));
        foreach (var key in new[] { "Group", "WindowStart" })
            if (!groupWindows.KeyNames.Contains(key)) throw new ArgumentException($"the table has no key column '{key}': build it with GroupWindowFeatureTable", nameof(groupWindows));
        foreach (var name in shares.Append("posts"))
            if (!groupWindows.HasFeature(name)) throw new ArgumentException($"the table has no feature '{name}'", nameof(shares));

        var groups = groupWindows.KeyColumn("Group");
        var startText = groupWindows.KeyColumn("WindowStart");
        // Waves in time order (the keys are ISO 8601 with offsets, so parse rather than sort the text).
        var starts = startText.Distinct(StringComparer.Ordinal)
            .OrderBy(t => DateTimeOffset.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var waveOf = starts.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var groupNames = groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        int waves = starts.Length;
        var posts = groupWindows.Column("posts");
        var series = new List<GroupSeries>();
        foreach (var share in shares)
        {
            var column = groupWindows.Column(share);
            var values = groupNames.ToDictionary(g => g, _ => Enumerable.Repeat(double.NaN, waves).ToArray(), StringComparer.Ordinal);
            var sizes = groupNames.ToDictionary(g => g, _ => new int[waves], StringComparer.Ordinal);
            var total = new double[waves];
            var totalPosts = new int[waves];
            for (int r = 0; r < groupWindows.RowCount; r++)
            {
                float v = column[r];
                if (float.IsNaN(v)) continue;
                if (v is < 0 or > 1)
                    throw new ArgumentException($"feature '{share}' is not a share: {v.ToString(CultureInfo.InvariantCulture)} for group '{groups[r]}' in the window from {startText[r]}", nameof(shares));
                int w = waveOf[startText[r]], n = (int)posts[r];
                values[groups[r]][w] = 100.0 * v;
                sizes[groups[r]][w] = n;
                total[w] += 100.0 * v * n;
                totalPosts[w] += n;
            }
            for (int w = 0; w < waves; w++) total[w] = totalPosts[w] > 0 ? total[w] / totalPosts[w] : double.NaN;
            GroupSeriesKey KeyOf(string group) => new(GroupSeriesKey.National, GroupCategory, group, IndicatorCategory, share);
            series.Add(new GroupSeries(KeyOf("").NationalTotal, total, totalPosts));
            foreach (var g in groupNames) series.Add(new GroupSeries(KeyOf(g), values[g], sizes[g]));
        }
        return new GroupSeriesTable(series, waves);
    }
}
