using Polder.Community;

namespace Polder.Prediction.Features;

/// <summary>
/// The part of a community written in a period [from, to): a new community of those posts (actors keep their roles
/// and attributes). Every feature of a feature table is computed on it, which is what keeps later posts out: a reply
/// whose parent lies before the period becomes an unknown-parent reply there.
/// </summary>
internal static class PeriodCommunity
{
    public static OnlineCommunity Of(OnlineCommunity community, DateTimeOffset from, DateTimeOffset to)
    {
        var b = new CommunityBuilder();
        foreach (var p in community.PostsBetween(from, to)) b.Add(p, community.FindActor(p.AuthorId));
        return b.Build();
    }

    /// <summary>
    /// The interactions of the period's posts: a reply links its author to the parent's author (the parent is looked up
    /// in the whole community but only when written before <paramref name="to"/>), a mention to the mentioned actor, a
    /// retweet or quote to the re-shared actor; self-interactions are dropped (<see cref="Networks.PostInteractions"/>, as in the analysis network).
    /// </summary>
    public static IEnumerable<Networks.InteractionEdge> Interactions(OnlineCommunity period, OnlineCommunity whole, DateTimeOffset to) =>
        // an empty or deleted author gives no edge (docs/networks.md), as in the analysis network
        Networks.PostInteractions.Of(period.Posts, p => ParentAuthor(p, whole, to))
            .Where(e => !Networks.PostInteractions.IsUnknownAuthor(e.Source) && !Networks.PostInteractions.IsUnknownAuthor(e.Target));

    /// <summary>The author of a post's parent when the parent is in the community and written before <paramref name="to"/>.</summary>
    public static string? ParentAuthor(Post post, OnlineCommunity whole, DateTimeOffset to) =>
        post.ParentId is { } pid && whole.FindPost(pid) is { } parent && parent.Time < to ? parent.AuthorId : null;
}
