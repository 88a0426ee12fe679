using Polder.Community;

namespace Polder.Networks;

/// <summary>The interactions that posts carry: replies, mentions, retweets and quotes between their authors.</summary>
public static class PostInteractions
{
    /// <summary>
    /// A reply links its author to the parent's author, a mention to the mentioned actor, a retweet or quote to the
    /// re-shared actor; a retweet gives only its retweet edge (the @handles in its text are the original author's);
    /// self-interactions are dropped (repeated ones add weight when a graph is built).
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
            // a retweet's text is the original author's: its @handles (the retweeted account among them) are not the
            // retweeter's mentions; the retweet itself is the one interaction
            if (p.Kind != PostKind.Retweet)
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

    /// <summary>
    /// The interactions between known actors: every interaction in <paramref name="community"/> except those from or to an
    /// unknown author (<see cref="IsUnknownAuthor"/>), which pools many people into one false hub (docs/behaviour-metrics.md,
    /// "Empty and deleted authors"). The edges of <c>polder network</c> and <c>analyze</c>'s network for posts.
    /// </summary>
    public static IEnumerable<InteractionEdge> BetweenKnownActors(OnlineCommunity community) =>
        Of(community).Where(e => !IsUnknownAuthor(e.Source) && !IsUnknownAuthor(e.Target));

    /// <summary>
    /// Every author of a post in <paramref name="community"/> → the value of its attribute <paramref name="attribute"/>
    /// (e.g. <see cref="Actor.Party"/>), "" when the author has none or it is a missing label
    /// (<see cref="Actor.IsUnknownValue"/>). Unknown authors (<see cref="IsUnknownAuthor"/>) are left out.
    /// </summary>
    public static Dictionary<string, string> AuthorGroups(OnlineCommunity community, string attribute)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in community.Posts)
        {
            if (IsUnknownAuthor(p.AuthorId) || groups.ContainsKey(p.AuthorId)) continue;
            var value = community.FindActor(p.AuthorId)?.Attribute(attribute);
            groups[p.AuthorId] = Actor.IsUnknownValue(value) ? "" : value!.Trim();
        }
        return groups;
    }
}
