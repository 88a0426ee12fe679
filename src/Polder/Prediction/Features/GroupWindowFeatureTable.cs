using System.Globalization;
using Polder.Community;

namespace Polder.Prediction.Features;

/// <summary>
/// One row per (group, time window) with at least one post of the group in the window: activity, interaction,
/// responsiveness, rhythm, sentiment distribution, topic shares and places of the group's posts in that window. The
/// group is a key the caller chooses per post (<see cref="PostGroups"/> has the thread, an actor attribute and the
/// Leiden community); windows have a fixed width. The list, with definitions, is in <c>docs/prediction-features.md</c>,
/// "Feature tables".
/// </summary>
/// <remarks>
/// <para>No leakage: the features of window [s, e) use the posts written inside it, plus what was written before
/// <c>e</c> (a reply's parent, whether an actor had posted in the group before, whether an interaction's target has
/// posted in the group up to <c>e</c>). Adding posts after <c>e</c> changes no value of that window. The group key
/// function is the caller's: one that looks at later posts (e.g. communities detected on the whole data) brings their
/// information in; <see cref="PostGroups.LeidenCommunity"/> takes a cut-off for that reason.</para>
/// <para>Stateless and thread-safe (given a thread-safe key function); deterministic.</para>
/// </remarks>
public static class GroupWindowFeatureTable
{
    /// <summary>Key columns: the group, the window's start and end (ISO 8601 with offset), the province and the
    /// municipality mentioned most in the group's posts of the window ("" when none).</summary>
    public static IReadOnlyList<string> KeyNames { get; } = ["Group", "WindowStart", "WindowEnd", "DominantProvince", "TopMunicipality"];

    private static readonly string[] BehaviourNames =
    [
        "posts", "distinct_actors", "new_actor_share", "threads", "threads_started", "reply_share", "reply_rate",
        "median_response_hours", "interactions_sent", "internal_interaction_share", "external_interaction_share",
    ];

    /// <summary>Feature names, in vector order, for <paramref name="options"/> (the topic columns depend on its topic source).</summary>
    public static IReadOnlyList<string> Names(FeatureTableOptions? options = null)
    {
        options ??= FeatureTableOptions.Default;
        return [.. BehaviourNames, .. FeatureAggregates.RhythmNames, .. FeatureAggregates.SentimentNames, .. FeatureAggregates.TopicNames(options),
            .. FeatureAggregates.PlaceNames, .. FeatureAggregates.ProvinceNames(options)];
    }

    /// <summary>
    /// The features of every (group, window). Windows are [start + k·width, start + (k+1)·width) up to
    /// <paramref name="end"/>; <paramref name="start"/> defaults to local midnight (in
    /// <see cref="FeatureTableOptions.TimeZone"/>) of the first post's day, <paramref name="end"/> to just after the
    /// last post. Posts whose key is null belong to no group. Rows are ordered by window, then group (ordinal).
    /// </summary>
    public static FeatureTable Build(OnlineCommunity community, Func<Post, string?> group, TimeSpan width,
        DateTimeOffset? start = null, DateTimeOffset? end = null, FeatureTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(group);
        if (width <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(width), "the window width must be positive");
        options ??= FeatureTableOptions.Default;
        var names = Names(options);
        int d = names.Count;
        var all = community.Posts;
        var rowsKeys = new List<string[]>();
        var rows = new List<float[]>();
        if (all.Count == 0) return new FeatureTable(KeyNames, [], names, []);
        var s0 = start ?? LocalMidnight(all[0].Time, options.TimeZone);
        var stop = end ?? all[^1].Time.AddTicks(1);
        var provinces = FeatureAggregates.Provinces(options);
        int topics = options.TopicLabels().Count;

        // the group of every post up to the end, and who has posted in which group so far
        var everything = community.PostsBetween(DateTimeOffset.MinValue, stop).ToList();
        var groupOf = new Dictionary<string, string?>(everything.Count, StringComparer.Ordinal);
        foreach (var p in everything) groupOf[p.Id] = group(p);
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        int history = 0;
        void AddToHistory(DateTimeOffset until)
        {
            for (; history < everything.Count && everything[history].Time < until; history++)
            {
                var p = everything[history];
                if (groupOf[p.Id] is not { } g) continue;
                if (!seen.TryGetValue(g, out var set)) seen[g] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(p.AuthorId);
            }
        }
        AddToHistory(s0);

        for (DateTimeOffset ws = s0, we; ws < stop; ws = we)
        {
            // the last window ends at the end (and never overflows DateTimeOffset for a very wide window)
            we = stop - ws <= width ? stop : ws + width;
            var period = PeriodCommunity.Of(community, ws, we);
            var posts = period.Posts;
            var byGroup = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
            for (int i = 0; i < posts.Count; i++)
                if (groupOf[posts[i].Id] is { } g)
                {
                    if (!byGroup.TryGetValue(g, out var list)) byGroup[g] = list = [];
                    list.Add(i);
                }
            if (byGroup.Count == 0) { AddToHistory(we); continue; }
            var signals = new PostSignals(posts, options);
            var postIndex = new Dictionary<string, int>(posts.Count, StringComparer.Ordinal);
            for (int i = 0; i < posts.Count; i++) postIndex[posts[i].Id] = i;
            var firstReply = new DateTimeOffset?[posts.Count];
            foreach (var p in posts)
                if (p.ParentId is { } pid && postIndex.TryGetValue(pid, out int pi) && posts[pi].AuthorId != p.AuthorId
                    && (firstReply[pi] is not { } fr || p.Time < fr))
                    firstReply[pi] = p.Time;
            // actors new to a group are judged against the posts before the window; interaction targets against posts up to its end
            var before = byGroup.ToDictionary(kv => kv.Key, kv => seen.TryGetValue(kv.Key, out var set) ? new HashSet<string>(set, StringComparer.Ordinal) : [], StringComparer.Ordinal);
            AddToHistory(we);
            foreach (var (g, mine) in byGroup)
            {
                var f = new float[d];
                int k = 0;
                var actors = mine.Select(i => posts[i].AuthorId).Distinct(StringComparer.Ordinal).ToArray();
                f[k++] = mine.Count;
                f[k++] = actors.Length;
                f[k++] = FeatureAggregates.Share(actors.Count(a => !before[g].Contains(a)), actors.Length);
                f[k++] = mine.Select(i => period.ThreadOfPost(posts[i].Id)).Distinct(StringComparer.Ordinal).Count();
                f[k++] = mine.Count(i => posts[i].ParentId is null);
                f[k++] = FeatureAggregates.Share(mine.Count(i => posts[i].ParentId is not null), mine.Count);
                f[k++] = FeatureAggregates.Share(mine.Count(i => firstReply[i] is not null), mine.Count);
                f[k++] = FeatureAggregates.Median(mine.Where(i => firstReply[i] is not null).Select(i => (firstReply[i]!.Value - posts[i].Time).TotalHours).ToList());
                var members = seen.TryGetValue(g, out var m) ? m : [];
                int sent = 0, internalSent = 0;
                foreach (int i in mine)
                    foreach (var target in Targets(posts[i], community, we))
                    {
                        sent++;
                        if (members.Contains(target)) internalSent++;
                    }
                f[k++] = sent;
                f[k++] = FeatureAggregates.Share(internalSent, sent);
                f[k++] = FeatureAggregates.Share(sent - internalSent, sent);
                FeatureAggregates.Rhythm(mine.Select(i => posts[i].Time), options.TimeZone, f.AsSpan(k, 3)); k += 3;
                FeatureAggregates.Sentiment(mine, signals, f.AsSpan(k, 4)); k += 4;
                FeatureAggregates.Topics(mine, signals, f.AsSpan(k, topics)); k += topics;
                var top = FeatureAggregates.Places(mine, signals, provinces, f.AsSpan(k, FeatureAggregates.PlaceNames.Length + provinces.Count));
                k += FeatureAggregates.PlaceNames.Length;
                string dominant = "";
                float best = 0;
                for (int p = 0; p < provinces.Count; p++) if (f[k + p] > best) { best = f[k + p]; dominant = provinces[p]; }
                rowsKeys.Add([g, Iso(ws), Iso(we), dominant, top?.Name ?? ""]);
                rows.Add(f);
            }
        }
        var x = new float[rows.Count * d];
        for (int r = 0; r < rows.Count; r++) rows[r].CopyTo(x, r * d);
        return new FeatureTable(KeyNames, rowsKeys.ToArray(), names, x);
    }

    /// <summary>The actors a post addresses (the same mapping as the interaction network), self excluded.</summary>
    private static IEnumerable<string> Targets(Post p, OnlineCommunity whole, DateTimeOffset to)
    {
        if (PeriodCommunity.ParentAuthor(p, whole, to) is { } pa && pa != p.AuthorId) yield return pa;
        foreach (var m in p.Mentions) if (m != p.AuthorId) yield return m;
        if (p.SharedFromId is { } s && s != p.AuthorId) yield return s;
    }

    private static DateTimeOffset LocalMidnight(DateTimeOffset t, TimeZoneInfo zone) =>
        DutchTime.TryFromLocal(TimeZoneInfo.ConvertTime(t, zone).Date, zone, out var midnight) ? midnight : t;

    private static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
