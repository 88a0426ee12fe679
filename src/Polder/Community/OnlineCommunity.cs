namespace Polder.Community;

/// <summary>
/// A community: its actors and posts, with indexes by thread, author and time. Build one with
/// <see cref="CommunityBuilder"/>. Immutable once built, so every member is safe to call from many threads at once.
/// </summary>
/// <remarks>
/// Posts are ordered by time (ties keep input order). Threads come from <see cref="Post.ThreadId"/> when the source
/// gives one, otherwise from the parent chain; a reply whose parent is not in the community (an "unknown parent")
/// keeps its <see cref="Post.ParentId"/>, gets depth 1 and, without a thread id, joins a thread named after the missing
/// parent. Internally the community also keeps compact columns (times, author, thread and parent indexes) that the
/// behaviour metrics scan without allocating per post.
/// </remarks>
public sealed class OnlineCommunity
{
    /// <summary>Parent index of a conversation start.</summary>
    internal const int NoParent = -1;
    /// <summary>Parent index of a reply whose parent is not in the community.</summary>
    internal const int UnknownParent = -2;

    private readonly Post[] _posts;
    private readonly Actor[] _actors;
    private readonly Dictionary<string, int> _actorIndex;
    private readonly Dictionary<string, int> _postIndex;
    private readonly Dictionary<string, int> _threadIndex;

    internal readonly long[] UtcTicks;
    internal readonly int[] AuthorOf;
    internal readonly int[] ThreadOf;
    internal readonly int[] ParentOf;
    internal readonly int[] DepthOf;
    internal readonly PostKind[] KindOf;
    internal readonly int[] LikesOf;
    internal readonly int[] SharesOf;
    internal readonly int[] MentionStart;   // CSR: mentions of post i are MentionActor[MentionStart[i]..MentionStart[i+1]]
    internal readonly int[] MentionActor;
    internal readonly int[] ThreadStart;    // CSR: posts of thread t (time order) are ThreadPosts[ThreadStart[t]..ThreadStart[t+1]]
    internal readonly int[] ThreadPosts;
    internal readonly int[] AuthorStart;    // CSR: posts of actor a (time order)
    internal readonly int[] AuthorPosts;
    internal readonly string[] ThreadIdOf;

    internal OnlineCommunity(Post[] posts, Actor[] actors, Dictionary<string, int> actorIndex, Dictionary<string, int> postIndex,
        long[] ticks, int[] author, int[] parent, int[] mentionStart, int[] mentionActor)
    {
        _posts = posts; _actors = actors; _actorIndex = actorIndex; _postIndex = postIndex;
        UtcTicks = ticks; AuthorOf = author; ParentOf = parent; MentionStart = mentionStart; MentionActor = mentionActor;
        int n = posts.Length;
        KindOf = new PostKind[n];
        LikesOf = new int[n];
        SharesOf = new int[n];
        for (int i = 0; i < n; i++) { KindOf[i] = posts[i].Kind; LikesOf[i] = posts[i].Likes; SharesOf[i] = posts[i].Shares; }

        // threads
        ThreadOf = new int[n];
        _threadIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var threadIds = new List<string>();
        var explicitThread = new string?[n];
        for (int i = 0; i < n; i++) explicitThread[i] = posts[i].ThreadId;
        var resolved = new string?[n];
        var stack = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (resolved[i] is not null) continue;
            // walk up until a post with a known thread, a root, or an unknown parent
            stack.Clear();
            int cur = i;
            string? tid = null;
            int guard = 0;
            while (true)
            {
                if (resolved[cur] is not null) { tid = resolved[cur]; break; }
                stack.Add(cur);
                if (explicitThread[cur] is { } et) { tid = et; break; }
                int p = parent[cur];
                if (p == NoParent) { tid = posts[cur].Id; break; }
                if (p == UnknownParent) { tid = posts[cur].ParentId!; break; }
                if (++guard > n) { tid = posts[cur].Id; break; } // parent cycle: cut it
                cur = p;
            }
            foreach (var s in stack) resolved[s] = tid;
        }
        for (int i = 0; i < n; i++)
        {
            var tid = resolved[i]!;
            if (!_threadIndex.TryGetValue(tid, out int t)) { t = threadIds.Count; _threadIndex[tid] = t; threadIds.Add(tid); }
            ThreadOf[i] = t;
        }
        ThreadIdOf = threadIds.ToArray();
        (ThreadStart, ThreadPosts) = Csr(ThreadOf, ThreadIdOf.Length);
        (AuthorStart, AuthorPosts) = Csr(author, actors.Length);

        // depth: parents precede children in time order only usually, so resolve iteratively with memo
        DepthOf = new int[n];
        Array.Fill(DepthOf, -1);
        for (int i = 0; i < n; i++)
        {
            if (DepthOf[i] >= 0) continue;
            stack.Clear();
            int cur = i, baseDepth;
            int guard = 0;
            while (true)
            {
                if (DepthOf[cur] >= 0) { baseDepth = DepthOf[cur]; break; }
                int p = parent[cur];
                if (p == NoParent) { DepthOf[cur] = 0; baseDepth = 0; break; }
                if (p == UnknownParent) { DepthOf[cur] = 1; baseDepth = 1; break; }
                stack.Add(cur);
                if (++guard > n) { baseDepth = 0; break; }
                cur = p;
            }
            for (int k = stack.Count - 1; k >= 0; k--) DepthOf[stack[k]] = ++baseDepth;
        }
    }

    private static (int[] start, int[] items) Csr(int[] keyOf, int keys)
    {
        var start = new int[keys + 1];
        foreach (var k in keyOf) start[k + 1]++;
        for (int i = 0; i < keys; i++) start[i + 1] += start[i];
        var fill = (int[])start.Clone();
        var items = new int[keyOf.Length];
        for (int i = 0; i < keyOf.Length; i++) items[fill[keyOf[i]]++] = i; // i ascending = time order
        return (start, items);
    }

    /// <summary>All posts, ordered by time (ties keep input order).</summary>
    public IReadOnlyList<Post> Posts => _posts;

    /// <summary>All actors: authors and mentioned actors, in order of first appearance.</summary>
    public IReadOnlyList<Actor> Actors => _actors;

    /// <summary>Identifiers of all threads, in order of their first post.</summary>
    public IReadOnlyList<string> ThreadIds => ThreadIdOf;

    /// <summary>Number of replies whose parent is not in the community.</summary>
    public int UnknownParentCount { get; internal init; }

    /// <summary>The actor with this id, or null.</summary>
    public Actor? FindActor(string id) => _actorIndex.TryGetValue(id, out int a) ? _actors[a] : null;

    /// <summary>The post with this id, or null.</summary>
    public Post? FindPost(string id) => _postIndex.TryGetValue(id, out int p) ? _posts[p] : null;

    /// <summary>The thread id a post belongs to (derived when the source had none).</summary>
    public string ThreadOfPost(string postId) =>
        _postIndex.TryGetValue(postId, out int p) ? ThreadIdOf[ThreadOf[p]] : throw new KeyNotFoundException(postId);

    /// <summary>Depth of a post in its reply tree: 0 for a conversation start, 1 for a reply to it (or to an unknown parent) …</summary>
    public int DepthOfPost(string postId) =>
        _postIndex.TryGetValue(postId, out int p) ? DepthOf[p] : throw new KeyNotFoundException(postId);

    /// <summary>The posts of a thread in time order (empty when the thread is unknown).</summary>
    public IEnumerable<Post> PostsInThread(string threadId)
    {
        if (!_threadIndex.TryGetValue(threadId, out int t)) yield break;
        for (int k = ThreadStart[t]; k < ThreadStart[t + 1]; k++) yield return _posts[ThreadPosts[k]];
    }

    /// <summary>The posts of an author in time order (empty when unknown).</summary>
    public IEnumerable<Post> PostsBy(string actorId)
    {
        if (!_actorIndex.TryGetValue(actorId, out int a)) yield break;
        for (int k = AuthorStart[a]; k < AuthorStart[a + 1]; k++) yield return _posts[AuthorPosts[k]];
    }

    /// <summary>The posts written at or after <paramref name="from"/> and before <paramref name="to"/>, in time order.</summary>
    public IEnumerable<Post> PostsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        int lo = LowerBound(from.UtcTicks), hi = LowerBound(to.UtcTicks);
        for (int i = lo; i < hi; i++) yield return _posts[i];
    }

    private int LowerBound(long ticks)
    {
        int lo = 0, hi = UtcTicks.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (UtcTicks[mid] < ticks) lo = mid + 1; else hi = mid; }
        return lo;
    }

    internal int ActorIndex(string id) => _actorIndex.TryGetValue(id, out int a) ? a : -1;
    internal Actor ActorAt(int index) => _actors[index];
    internal Post PostAt(int index) => _posts[index];
    internal int ThreadCount => ThreadIdOf.Length;
}
