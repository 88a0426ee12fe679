using Polder.Community;

namespace Polder.Networks;

/// <summary>The interactions that posts carry: replies, mentions, retweets and quotes between their authors.</summary>
public static class PostInteractions
{
    /// <summary>
    /// A reply links its author to the parent's author, a mention to the mentioned actor, a retweet or quote to the
    /// re-shared actor; self-interactions are dropped (repeated ones add weight when a graph is built).
    /// </summary>
    /// <param name="posts">The posts.</param>
    /// <param name="parentAuthor">The author of a post's parent, or null when the parent is unknown or must not count
    /// (e.g. written after a period's end).</param>
    public static IEnumerable<InteractionEdge> Of(IEnumerable<Post> posts, Func<Post, string?> parentAuthor)
    {
        foreach (var p in posts)
        {
            long t = p.Time.ToUnixTimeSeconds();
            if (parentAuthor(p) is { } pa && pa != p.AuthorId)
                yield return new InteractionEdge(p.AuthorId, pa, InteractionKind.Reply, t);
            foreach (var m in p.Mentions)
                if (m != p.AuthorId) yield return new InteractionEdge(p.AuthorId, m, InteractionKind.Mention, t);
            if (p.SharedFromId is { } s && s != p.AuthorId)
                yield return new InteractionEdge(p.AuthorId, s, p.Kind == PostKind.Quote ? InteractionKind.Quote : InteractionKind.Retweet, t);
        }
    }

    /// <summary>
    /// True for the author ids that stand for an unknown person: empty, "[deleted]" (the community readers' id for an empty
    /// author) and "[removed]". Such an id pools many people, so <c>polder network</c> gives their posts no interaction edges.
    /// </summary>
    public static bool IsUnknownAuthor(string actorId) => actorId is "" or "[deleted]" or "[removed]";

    /// <summary>Every interaction in <paramref name="community"/>, parents looked up in the same community.</summary>
    public static IEnumerable<InteractionEdge> Of(OnlineCommunity community) =>
        Of(community.Posts, p => p.ParentId is { } pid && community.FindPost(pid) is { } parent ? parent.AuthorId : null);
}
