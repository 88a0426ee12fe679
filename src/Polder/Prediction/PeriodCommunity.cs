using Polder.Community;

namespace Polder.Prediction;

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
    /// retweet or quote to the re-shared actor; self-interactions are dropped. The same mapping as the analysis network.
    /// </summary>
    public static IEnumerable<Networks.InteractionEdge> Interactions(OnlineCommunity period, OnlineCommunity whole, DateTimeOffset to)
    {
        foreach (var p in period.Posts)
        {
            long t = p.Time.ToUnixTimeSeconds();
            if (ParentAuthor(p, whole, to) is { } pa && pa != p.AuthorId)
                yield return new Networks.InteractionEdge(p.AuthorId, pa, Networks.InteractionKind.Reply, t);
            foreach (var m in p.Mentions)
                if (m != p.AuthorId) yield return new Networks.InteractionEdge(p.AuthorId, m, Networks.InteractionKind.Mention, t);
            if (p.SharedFromId is { } s && s != p.AuthorId)
                yield return new Networks.InteractionEdge(p.AuthorId, s,
                    p.Kind == PostKind.Quote ? Networks.InteractionKind.Quote : Networks.InteractionKind.Retweet, t);
        }
    }

    /// <summary>The author of a post's parent when the parent is in the community and written before <paramref name="to"/>.</summary>
    public static string? ParentAuthor(Post post, OnlineCommunity whole, DateTimeOffset to) =>
        post.ParentId is { } pid && whole.FindPost(pid) is { } parent && parent.Time < to ? parent.AuthorId : null;
}
