using Polder.Community;
using Polder.Networks;

namespace Polder.Prediction.Features;

/// <summary>Ready-made group keys for <see cref="GroupWindowFeatureTable"/>: a function from a post to its group (null: none).</summary>
public static class PostGroups
{
    /// <summary>The post's thread.</summary>
    public static Func<Post, string?> Thread(OnlineCommunity community)
    {
        ArgumentNullException.ThrowIfNull(community);
        return p => community.ThreadOfPost(p.Id);
    }

    /// <summary>An attribute of the post's author (e.g. <see cref="Actor.Municipality"/>, <see cref="Actor.Party"/>); null when it has none.</summary>
    public static Func<Post, string?> AuthorAttribute(OnlineCommunity community, string attribute)
    {
        ArgumentNullException.ThrowIfNull(community);
        return p => community.FindActor(p.AuthorId)?.Attribute(attribute);
    }

    /// <summary>
    /// The Leiden community (seeded by <see cref="FeatureTableOptions.Seed"/>) of the post's author in the interaction
    /// graph of the posts written before <paramref name="until"/>; null for authors not in that graph. Pass the start of
    /// the first window you forecast as <paramref name="until"/> so the grouping uses no later posts.
    /// </summary>
    public static Func<Post, string?> LeidenCommunity(OnlineCommunity community, DateTimeOffset until, FeatureTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(community);
        options ??= FeatureTableOptions.Default;
        var period = PeriodCommunity.Of(community, DateTimeOffset.MinValue, until);
        var authors = period.Posts.Select(p => p.AuthorId).Distinct(StringComparer.Ordinal);
        var graph = GraphBuilder.FromInteractions(PeriodCommunity.Interactions(period, community, until),
            new InteractionGraphOptions { Directed = true, ExtraActors = authors });
        var membership = Leiden.Detect(graph.ToUndirected(), new CommunityOptions { Seed = options.Seed }).Membership;
        var of = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int v = 0; v < graph.NodeCount; v++) of[graph.Label(v)] = "c" + membership[v].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return p => of.GetValueOrDefault(p.AuthorId);
    }
}
