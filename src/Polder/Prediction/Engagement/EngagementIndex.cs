using Polder.Community;

namespace Polder.Prediction.Engagement;

/// <summary>
/// The posts the engagement features read, as dense integer columns built once: creation time, parent, thread root,
/// author and thread as indexes, so the features and labels of a million posts need no string-keyed dictionary per
/// post, thread or author (each of those cost tens of MB and most of the time). Not thread-safe to build; immutable after.
/// </summary>
internal sealed class EngagementIndex
{
    /// <summary>Number of posts.</summary>
    public readonly int Count;
    /// <summary>Posting time, Unix seconds.</summary>
    public readonly long[] Created;
    /// <summary>Index of the post replied to; -1 for a thread root or a parent not among the posts.</summary>
    public readonly int[] Parent;
    /// <summary>Index of the post whose id is the thread id; -1 when none is.</summary>
    public readonly int[] Root;
    /// <summary>Dense author index (equal ids, equal index).</summary>
    public readonly int[] Author;
    /// <summary>Dense thread index (equal thread ids, equal index).</summary>
    public readonly int[] Thread;
    /// <summary>True for a thread root (no parent id).</summary>
    public readonly bool[] IsRoot;
    /// <summary>Number of distinct authors and threads.</summary>
    public readonly int Authors, Threads;
    /// <summary>The author index of the empty author id, or -1 when no post has one (an absent author compares equal to it).</summary>
    public readonly int EmptyAuthor;
    /// <summary>The posts in time order, ties by ordinal id, then by position.</summary>
    public readonly int[] Order;

    private readonly Func<int, Post> _post;

    private EngagementIndex(int n, Func<int, Post> post, Func<int, string> threadId)
    {
        Count = n;
        _post = post;
        Created = new long[n];
        Parent = new int[n];
        Root = new int[n];
        Author = new int[n];
        Thread = new int[n];
        IsRoot = new bool[n];
        // the first post with an id owns it (a repeated id is an error for every reader; tests may still build one)
        var postIds = new ChunkedColumn<string>();
        var ids = new DenseKeyIndex<string>(postIds, StringComparer.Ordinal, n);
        var authors = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var p = post(i);
            postIds.Add(p.Id);
            if (ids.Find(p.Id) < 0) ids.Insert(p.Id, i);
            Created[i] = p.Time.ToUnixTimeSeconds();
            if (!authors.TryGetValue(p.AuthorId, out int a)) authors[p.AuthorId] = a = authors.Count;
            Author[i] = a;
        }
        var threadIds = new ChunkedColumn<string>();
        var threads = new DenseKeyIndex<string>(threadIds, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var parentId = post(i).ParentId ?? "";
            IsRoot[i] = parentId.Length == 0;
            Parent[i] = IsRoot[i] ? -1 : ids.Find(parentId);
            var tid = threadId(i);
            Root[i] = ids.Find(tid);
            int t = threads.Find(tid);
            if (t < 0) { t = threadIds.Count; threadIds.Add(tid); threads.Insert(tid, t); }
            Thread[i] = t;
        }
        Authors = authors.Count;
        Threads = threadIds.Count;
        EmptyAuthor = authors.TryGetValue("", out int e) ? e : -1;
        Order = TimeOrder();
    }

    /// <summary>The index of a list of engagement posts.</summary>
    public static EngagementIndex Of(IReadOnlyList<EngagementPost> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        return new EngagementIndex(posts.Count, i => posts[i].Post, i => posts[i].ThreadId);
    }

    /// <summary>The index of a built community's posts, in its order, each in the community's thread (as <see cref="EngagementPost.From"/>, without a view object per post).</summary>
    public static EngagementIndex Of(OnlineCommunity community)
    {
        ArgumentNullException.ThrowIfNull(community);
        var posts = community.Posts;
        return new EngagementIndex(posts.Count, i => posts[i], i => community.ThreadOfPost(posts[i].Id));
    }

    /// <summary>The post at <paramref name="i"/>.</summary>
    public Post PostAt(int i) => _post(i);

    /// <summary>True when a reply came within <paramref name="window"/> seconds, per post (see <see cref="EngagementFeatures.Labels"/>).</summary>
    public bool[] Labels(long window)
    {
        var y = new bool[Count];
        for (int i = 0; i < Count; i++)
        {
            int parent = Parent[i];
            if (parent < 0) continue;
            long dt = Created[i] - Created[parent];
            if (dt >= 0 && dt <= window) y[parent] = true;
        }
        return y;
    }

    // Time order as OrderBy(created).ThenBy(id, ordinal) gives it (stable: equal ids keep their position). Communities are
    // already in time order, so only runs of equal seconds need sorting then.
    private int[] TimeOrder()
    {
        int n = Count;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Comparison<int> byTimeThenId = (a, b) =>
        {
            int c = Created[a].CompareTo(Created[b]);
            if (c == 0) c = string.CompareOrdinal(_post(a).Id, _post(b).Id);
            return c != 0 ? c : a.CompareTo(b);
        };
        bool sorted = true;
        for (int i = 1; i < n && sorted; i++) sorted = Created[i - 1] <= Created[i];
        if (!sorted) { Array.Sort(order, byTimeThenId); return order; }
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && Created[end] == Created[start]) end++;
            if (end - start > 1) order.AsSpan(start, end - start).Sort(byTimeThenId);
            start = end;
        }
        return order;
    }
}
