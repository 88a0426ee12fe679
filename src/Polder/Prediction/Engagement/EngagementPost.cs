using Polder.Community;
using Polder.Community.Reading;

namespace Polder.Prediction.Engagement;

/// <summary>
/// A post as the engagement and retention predictors read it: a view of a community <see cref="Community.Post"/> (no
/// copy of the post model) with the id of its thread. Immutable: a <c>with</c> expression on Id, ParentId, Author,
/// Created, Title or Text makes a new view of a changed post.
/// </summary>
/// <param name="Post">The post.</param>
/// <param name="ThreadId">Id of the thread's root post.</param>
public sealed record EngagementPost(Post Post, string ThreadId)
{
    /// <summary>A post from its parts, for tests and callers without a community.</summary>
    /// <param name="id">Post id.</param>
    /// <param name="threadId">Id of the thread's root post.</param>
    /// <param name="parentId">Id of the post replied to; empty for a thread root.</param>
    /// <param name="author">Author id.</param>
    /// <param name="created">Posting time, Unix seconds.</param>
    /// <param name="title">Title (roots only; empty otherwise).</param>
    /// <param name="text">Body text.</param>
    public EngagementPost(string id, string threadId, string parentId, string author, long created, string title, string text)
        : this(new Post
        {
            Id = id, ThreadId = threadId, ParentId = parentId.Length == 0 ? null : parentId, AuthorId = author,
            Time = DateTimeOffset.FromUnixTimeSeconds(created), Title = title.Length == 0 ? null : title, Text = text,
            Kind = parentId.Length == 0 ? PostKind.Post : PostKind.Reply,
        }, threadId)
    {
    }

    /// <summary>Post id.</summary>
    public string Id { get => Post.Id; init => Post = Post with { Id = value }; }

    /// <summary>Id of the post replied to; empty for a thread root.</summary>
    public string ParentId { get => Post.ParentId ?? ""; init => Post = Post with { ParentId = value.Length == 0 ? null : value }; }

    /// <summary>Author id (an empty author is the reader's <c>[deleted]</c>, one rule for every reader).</summary>
    public string Author { get => Post.AuthorId; init => Post = Post with { AuthorId = value }; }

    /// <summary>Posting time, Unix seconds (sub-second parts dropped).</summary>
    public long Created { get => Post.Time.ToUnixTimeSeconds(); init => Post = Post with { Time = DateTimeOffset.FromUnixTimeSeconds(value) }; }

    /// <summary>Title (roots only; empty otherwise).</summary>
    public string Title { get => Post.Title ?? ""; init => Post = Post with { Title = value.Length == 0 ? null : value }; }

    /// <summary>Body text.</summary>
    public string Text { get => Post.Text; init => Post = Post with { Text = value }; }

    /// <summary>True for a thread root.</summary>
    public bool IsRoot => ParentId.Length == 0;

    /// <summary>
    /// The posts of a built community (any layout the community reader takes: Polder CSV such as the simulator's,
    /// political tweets, reddit) as the predictors read them, in the community's order. The thread is the community's
    /// thread of each post.
    /// </summary>
    public static EngagementPost[] From(OnlineCommunity community)
    {
        ArgumentNullException.ThrowIfNull(community);
        var posts = community.Posts;
        var result = new EngagementPost[posts.Count];
        for (int i = 0; i < result.Length; i++) result[i] = new EngagementPost(posts[i], community.ThreadOfPost(posts[i].Id));
        return result;
    }

    /// <summary>
    /// Reads a community file through the one community reader (the layout recognised from its header by
    /// <see cref="CommunityFormats.Detect(string)"/>, e.g. the reddit messages CSV: message_id, thread_id, parent_id,
    /// author, created, title, text; other columns such as upvotes are not used by the predictors). Strict: the first
    /// malformed row, invalid UTF-8 or a repeated id is an error.
    /// </summary>
    /// <exception cref="PolderInputException">A missing column, a malformed field or a repeated id, naming the file, line and field.</exception>
    public static IReadOnlyList<EngagementPost> ReadCsv(string path)
    {
        try
        {
            var header = CommunityFormats.HeaderLine(path);
            var mapping = CommunityFormats.Detect(header);
            // the predictors never read likes (not known at posting time): a file without that column is fine
            if (mapping.Likes is { } likes && !header.Split(mapping.Delimiter).Any(c => c.Trim().Trim('"') == likes))
                mapping = mapping with { Likes = null };
            var community = CommunityLoader.Load(path, mapping, new ReadOptions { Policy = ReadPolicy.FailFast }, out _);
            return From(community);
        }
        catch (CommunityReadException e)
        {
            throw new PolderInputException(e.Issue.Reason, path, e.Issue.Line, e.Issue.Field, e);
        }
    }
}
