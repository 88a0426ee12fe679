using System.Globalization;
using Polder.Behaviour;
using Polder.Community;

namespace Polder.Prediction.Features;

/// <summary>
/// One row per actor who wrote at least one post in a period, with behaviour, semantic, network and open-data
/// features (the list, with definitions, is in <c>docs/prediction-features.md</c>, "Feature tables").
/// </summary>
/// <remarks>
/// <para>No leakage: every feature of a period [from, to) is computed from the posts written inside it, plus, for a
/// reply, the author and time of its parent when that parent was written before <c>to</c>. Adding posts after
/// <c>to</c> changes no value; to use a longer history, start the period earlier.</para>
/// <para>Stateless and thread-safe: <c>Build</c> may be called from several threads at once (it uses the
/// thread-safe default analysers and parallelises the text layers internally). Deterministic: Leiden and sampled
/// betweenness are seeded by <see cref="FeatureTableOptions.Seed"/>.</para>
/// </remarks>
public static class ActorFeatureTable
{
    /// <summary>Key columns: the actor, its role, its Leiden community in the period's graph, and the municipality,
    /// province and size class of the municipality it mentions most ("" when it mentions none).</summary>
    public static IReadOnlyList<string> KeyNames { get; } = ["ActorId", "Role", "Community", "Municipality", "Province", "SizeClass"];

    private static readonly string[] BehaviourNames =
    [
        "posts", "active_days", "distinct_threads", "root_share", "reply_share", "replies_to_others", "replies_received",
        "reply_rate", "response_rate", "median_wait_for_reply_hours", "median_reply_delay_hours", "engagement_per_post", "burstiness",
    ];

    private static readonly string[] NetworkNames =
    [
        "in_degree", "out_degree", "in_strength", "out_strength", "pagerank", "betweenness", "core_number",
        "leiden_community", "community_size", "participation_coefficient", "linked_communities",
    ];

    /// <summary>Feature names, in vector order, for <paramref name="options"/> (the topic columns depend on its topic source).</summary>
    public static IReadOnlyList<string> Names(FeatureTableOptions? options = null)
    {
        options ??= FeatureTableOptions.Default;
        return [.. BehaviourNames, .. FeatureAggregates.RhythmNames, .. FeatureAggregates.SentimentNames, .. FeatureAggregates.TopicNames(options),
            .. NetworkNames, .. FeatureAggregates.PlaceNames, .. FeatureAggregates.ProvinceNames(options)];
    }

    /// <summary>The features of every actor over the whole community.</summary>
    public static FeatureTable Build(OnlineCommunity community, FeatureTableOptions? options = null) =>
        Build(community, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, options);

    /// <summary>
    /// The features of every actor who posted in [<paramref name="from"/>, <paramref name="to"/>), computed from that
    /// period only (see the remarks). Rows are ordered by actor id (ordinal).
    /// </summary>
    public static FeatureTable Build(OnlineCommunity community, DateTimeOffset from, DateTimeOffset to, FeatureTableOptions? options = null) =>
        Build(community, from, to, options, null);

    /// <param name="community">The whole community.</param>
    /// <param name="from">Start of the period.</param>
    /// <param name="to">End of the period (exclusive).</param>
    /// <param name="options">Table options.</param>
    /// <param name="signals">The text signals of the period's posts (in the period community's order) when the caller
    /// has them already, e.g. from one pass over all posts; null computes them.</param>
    internal static FeatureTable Build(OnlineCommunity community, DateTimeOffset from, DateTimeOffset to, FeatureTableOptions? options,
        Func<IReadOnlyList<Post>, PostSignals>? signals)
    {
        ArgumentNullException.ThrowIfNull(community);
        options ??= FeatureTableOptions.Default;
        var names = Names(options);
        int d = names.Count;
        var period = PeriodCommunity.Of(community, from, to);
        var posts = period.Posts;
        var postSignals = signals?.Invoke(posts) ?? new PostSignals(posts, options);
        var behaviour = BehaviourAnalyzer.Analyze(period, options.Behaviour).ActorsBehaviour.ToDictionary(a => a.ActorId, StringComparer.Ordinal);

        var postIndex = new Dictionary<string, int>(posts.Count, StringComparer.Ordinal);
        for (int i = 0; i < posts.Count; i++) postIndex[posts[i].Id] = i;
        var byAuthor = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < posts.Count; i++)
        {
            if (!byAuthor.TryGetValue(posts[i].AuthorId, out var list)) byAuthor[posts[i].AuthorId] = list = [];
            list.Add(i);
        }
        // first reply by another actor to each post of the period, and the delay of every reply to another actor's post
        var firstReply = new DateTimeOffset?[posts.Count];
        var replyDelays = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (int i = 0; i < posts.Count; i++)
        {
            var p = posts[i];
            if (p.ParentId is not { } pid || community.FindPost(pid) is not { } parent || parent.Time >= to || parent.AuthorId == p.AuthorId) continue;
            if (!replyDelays.TryGetValue(p.AuthorId, out var delays)) replyDelays[p.AuthorId] = delays = [];
            delays.Add((p.Time - parent.Time).TotalHours);
            if (postIndex.TryGetValue(pid, out int pi) && (firstReply[pi] is not { } fr || p.Time < fr)) firstReply[pi] = p.Time;
        }

        // an empty or deleted author is no actor (docs/behaviour-metrics.md): no row, as in the behaviour actor table
        var actors = byAuthor.Keys.Where(a => !Polder.Networks.PostInteractions.IsUnknownAuthor(a)).Order(StringComparer.Ordinal).ToArray();
        var net = new ActorNetworkMeasures(PeriodCommunity.Interactions(period, community, to), actors, options);
        var provinces = FeatureAggregates.Provinces(options);
        int topics = options.TopicLabels().Count;
        var x = new float[actors.Length * d];
        var keys = new string[actors.Length][];
        for (int r = 0; r < actors.Length; r++)
        {
            var id = actors[r];
            var mine = byAuthor[id];
            var f = x.AsSpan(r * d, d);
            var b = behaviour[id];
            int k = 0;
            f[k++] = b.Posts;
            f[k++] = b.ActiveDays;
            f[k++] = mine.Select(i => period.ThreadOfPost(posts[i].Id)).Distinct().Count();
            f[k++] = FeatureAggregates.Share(mine.Count(i => posts[i].ParentId is null), mine.Count);
            f[k++] = (float)b.ReplyShare;
            f[k++] = b.Replies;
            f[k++] = b.RepliesReceived;
            f[k++] = FeatureAggregates.Share(mine.Count(i => firstReply[i] is not null), mine.Count);
            f[k++] = (float)b.ResponseRate;
            var waits = mine.Where(i => firstReply[i] is not null).Select(i => (firstReply[i]!.Value - posts[i].Time).TotalHours).ToList();
            f[k++] = FeatureAggregates.Median(waits);
            f[k++] = FeatureAggregates.Median(replyDelays.TryGetValue(id, out var dl) ? dl : []);
            f[k++] = (float)b.EngagementPerPost;
            f[k++] = (float)b.Burstiness;
            FeatureAggregates.Rhythm(mine.Select(i => posts[i].Time), options.TimeZone, f.Slice(k, 3)); k += 3;
            FeatureAggregates.Sentiment(mine, postSignals, f.Slice(k, 4)); k += 4;
            FeatureAggregates.Topics(mine, postSignals, f.Slice(k, topics)); k += topics;
            int v = net.Graph.NodeOf(id);
            f[k++] = net.Graph.InDegree(v);
            f[k++] = net.Graph.OutDegree(v);
            f[k++] = (float)net.Graph.InStrength(v);
            f[k++] = (float)net.Graph.OutStrength(v);
            f[k++] = (float)net.PageRank[v];
            f[k++] = (float)net.Betweenness[v];
            f[k++] = net.Core[v];
            f[k++] = net.Community[v];
            f[k++] = net.CommunitySize[v];
            f[k++] = (float)net.Participation[v];
            f[k++] = net.LinkedCommunities[v];
            var top = FeatureAggregates.Places(mine, postSignals, provinces, f.Slice(k, FeatureAggregates.PlaceNames.Length + provinces.Count));
            var actor = period.FindActor(id);
            keys[r] =
            [
                id, (actor?.Role ?? ActorRole.Unknown).ToString().ToLowerInvariant(), net.Community[v].ToString(CultureInfo.InvariantCulture),
                top?.Name ?? "", top?.Province ?? "", FeatureAggregates.SizeClassName(top),
            ];
        }
        return new FeatureTable(KeyNames, keys, names, x);
    }
}
