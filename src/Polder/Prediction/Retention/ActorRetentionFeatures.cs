using Polder.Prediction.Engagement;
using Polder.Prediction.Features;
using Polder.Prediction.Learners;

namespace Polder.Prediction.Retention;

/// <summary>
/// Features for "will an actor still be active in the next window": for every actor who posted in the
/// <see cref="LookbackDays"/> days before an origin time, what was known at that origin (posts before it only).
/// See <c>docs/prediction-features.md</c>.
/// </summary>
public static class ActorRetentionFeatures
{
    /// <summary>Actors count as eligible at an origin when they posted in this many days before it.</summary>
    public const int LookbackDays = 90;

    /// <summary>Feature names, in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "posts_last_window", "posts_last_90d", "posts_before", "days_since_last", "days_since_first",
        "active_windows_of_last_6", "replies_received_90d", "replies_given_90d", "root_share_90d", "distinct_threads_90d",
        "community_posts_last_window", "community_trend", "deleted_author",
    ];

    /// <summary>Number of features.</summary>
    public static int Count => Names.Count;

    /// <summary>The feature names of a row with <paramref name="table"/>'s columns appended (just <see cref="Names"/> when null).</summary>
    public static IReadOnlyList<string> NamesWith(ActorTableColumns? table) => NamedFeatureTrees.NamesOf(Names, table);

    /// <summary>
    /// The eligible actors at <paramref name="origin"/> (Unix s) and their features (row-major), computed from posts
    /// created before the origin only, with their label when <paramref name="withLabels"/>: at least one post in
    /// [origin, origin + <paramref name="windowDays"/> days).
    /// </summary>
    public static (string[] Actors, float[] Features, bool[] Labels) Build(IReadOnlyList<EngagementPost> posts, long origin, int windowDays = 30, bool withLabels = true) =>
        Build(posts, origin, windowDays, withLabels, (ActorTableSource?)null);

    /// <summary>
    /// As <see cref="Build(IReadOnlyList{EngagementPost}, long, int, bool)"/>, with each actor's <see cref="ActorFeatureTable"/>
    /// row over the <see cref="ActorTableColumns.PeriodDays"/> days before the origin appended (<see cref="NamesWith"/>
    /// names the columns). The table is built from posts before the origin only.
    /// </summary>
    /// <param name="posts">The community's messages.</param>
    /// <param name="origin">The prediction time (Unix s).</param>
    /// <param name="windowDays">Length of the next window (the label).</param>
    /// <param name="withLabels">Whether to compute the labels (they read posts after the origin).</param>
    /// <param name="table">The table columns to append; null: none.</param>
    public static (string[] Actors, float[] Features, bool[] Labels) Build(IReadOnlyList<EngagementPost> posts, long origin, int windowDays, bool withLabels, ActorTableColumns? table) =>
        Build(posts, origin, windowDays, withLabels, table is null ? null : new ActorTableSource(posts.Where(p => p.Created < origin).ToArray(), table));

    internal static (string[] Actors, float[] Features, bool[] Labels) Build(IReadOnlyList<EngagementPost> posts, long origin, int windowDays, bool withLabels, ActorTableSource? table)
    {
        int own = Count, width = own + (table?.Columns.Count ?? 0);
        long window = windowDays * 86400L, look = LookbackDays * 86400L;
        var before = posts.Where(p => p.Created < origin).ToArray();
        var authorOf = before.ToDictionary(p => p.Id, p => p.Author);
        var recent = before.Where(p => p.Created >= origin - look).ToArray();
        var actors = recent.Select(p => p.Author).Distinct().Order(StringComparer.Ordinal).ToArray();
        int communityLast = before.Count(p => p.Created >= origin - window);
        int communityPrev = before.Count(p => p.Created >= origin - 2 * window && p.Created < origin - window);
        var byAuthor = before.GroupBy(p => p.Author).ToDictionary(g => g.Key, g => g.ToArray());
        var repliesReceived = new Dictionary<string, int>();
        foreach (var p in recent)
            if (!p.IsRoot && authorOf.TryGetValue(p.ParentId, out var parentAuthor) && parentAuthor != p.Author)
                repliesReceived[parentAuthor] = repliesReceived.GetValueOrDefault(parentAuthor) + 1;
        var x = new float[actors.Length * width];
        var y = new bool[actors.Length];
        var active = withLabels ? posts.Where(p => p.Created >= origin && p.Created < origin + window).Select(p => p.Author).ToHashSet() : [];
        for (int i = 0; i < actors.Length; i++)
        {
            var mine = byAuthor[actors[i]];
            var mine90 = mine.Where(p => p.Created >= origin - look).ToArray();
            var f = x.AsSpan(i * width, own);
            f[0] = mine.Count(p => p.Created >= origin - window);
            f[1] = mine90.Length;
            f[2] = mine.Length;
            f[3] = (float)((origin - mine.Max(p => p.Created)) / 86400.0);
            f[4] = (float)((origin - mine.Min(p => p.Created)) / 86400.0);
            f[5] = Enumerable.Range(0, 6).Count(k => mine.Any(p => p.Created >= origin - (k + 1) * window && p.Created < origin - k * window));
            f[6] = repliesReceived.GetValueOrDefault(actors[i]);
            f[7] = mine90.Count(p => !p.IsRoot && authorOf.TryGetValue(p.ParentId, out var a) && a != actors[i]);
            f[8] = (float)mine90.Count(p => p.IsRoot) / mine90.Length;
            f[9] = mine90.Select(p => p.ThreadId).Distinct().Count();
            f[10] = communityLast;
            f[11] = (float)((communityLast + 1.0) / (communityPrev + 1.0));
            f[12] = actors[i] is "[deleted]" or "[removed]" or "" ? 1 : 0;
            y[i] = active.Contains(actors[i]);
            table?.CopyRow(actors[i], origin, x.AsSpan(i * width + own, width - own));
        }
        return (actors, x, y);
    }
}
