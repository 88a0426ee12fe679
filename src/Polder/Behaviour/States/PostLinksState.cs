using Polder.Community;

namespace Polder.Behaviour.States;

/// <summary>
/// Who replied to whom: per post its 64-bit id key, author, thread, time, UTC offset, kind, parent key and mentions
/// (about 45 bytes a post and 4 a mention, no text, held in arrival order; the threads refer to posts by that index). A reply's meaning depends on its parent, which may sit in another part of a split
/// community, so replies are not judged when they arrive: the links are kept, and <see cref="Resolve"/> judges every
/// reply against whatever the merged state holds. A reply whose parent has not arrived is <em>pending</em> (counted
/// as an unknown-parent reply until the parent arrives, in any part). So merging two parts and then resolving gives
/// exactly what resolving the whole gives. Not thread-safe.
/// </summary>
public sealed class PostLinksState
{
    // 24 bytes (not 32): the kind and the has-parent flag ride in the top bits of the thread index (MaxItems < 2^28)
    internal struct Link
    {
        private const uint ThreadBits = 0x0FFF_FFFF;
        public ulong Parent;   // key of the parent post (when HasParent)
        public long Ticks;
        public int Author;
        private uint _threadKind;   // bits 0-27 thread, 28-29 kind, 30 has parent

        public int Thread { readonly get => (int)(_threadKind & ThreadBits); set => _threadKind = (_threadKind & ~ThreadBits) | ((uint)value <= ThreadBits ? (uint)value : throw new InvalidOperationException("more threads than a state holds (2^28)")); }
        public PostKind Kind { readonly get => (PostKind)((_threadKind >> 28) & 3); set => _threadKind = (_threadKind & ~(3u << 28)) | (((uint)value & 3) << 28); }
        public bool HasParent { readonly get => (_threadKind & (1u << 30)) != 0; set => _threadKind = value ? _threadKind | (1u << 30) : _threadKind & ~(1u << 30); }
    }

    // per post, by its index in arrival order: key, link and the end of its mentions in the pool. Chunked columns never
    // copy on growth; only the key index (4 bytes a slot) is rehashed (docs/streaming.md, memory)
    private readonly ChunkedColumn<ulong> _keys = new();
    private readonly ChunkedColumn<Link> _links = new();
    private readonly ChunkedColumn<int> _mentionsEnd = new();
    private readonly ChunkedColumn<int> _mentions = new();
    private readonly ChunkedColumn<short> _offsets = new();   // the source's UTC offset in minutes (thread marks show it)
    private readonly Dictionary<int, int> _sharedFrom = [];   // retweets and quotes: post index → the actor re-shared
    private DenseKeyIndex<ulong>? _index;   // null once retired (ReleaseLookups)

    /// <summary>Creates an empty state.</summary>
    public PostLinksState() => _index = new DenseKeyIndex<ulong>(_keys, EqualityComparer<ulong>.Default);

    /// <summary>Posts held.</summary>
    public int Count => _keys.Count;

    /// <summary>True when a post with this id is held.</summary>
    public bool Contains(string postId) => ContainsKey(StateFormat.KeyOf(postId));

    internal bool ContainsKey(ulong key) => Index.Find(key) >= 0;

    /// <summary>The index (arrival order) of the post with this key, or −1.</summary>
    internal int IndexOf(ulong key) => Index.Find(key);

    private DenseKeyIndex<ulong> Index => _index ?? throw new InvalidOperationException("the state has retired into its report: its posts can no longer be looked up");

    /// <summary>
    /// Drops what only judging replies and building the network read (the key index, the mentions, the re-shared actors)
    /// once both are done, for a state that retires into its report (10M posts: ~120 MB); the posts' times, authors,
    /// threads and keys stay for the thread marks. The state can take no more posts after.
    /// </summary>
    internal void ReleaseLookups()
    {
        _index = null;
        _mentions.Clear(); _mentionsEnd.Clear();
        _sharedFrom.Clear(); _sharedFrom.TrimExcess();
    }

    /// <summary>The links of the post at <paramref name="index"/> (arrival order).</summary>
    internal Link this[int index] => _links[index];

    internal ulong KeyAt(int index) => _keys[index];

    /// <summary>The post at <paramref name="index"/> as a thread mark (author, time, key, UTC offset).</summary>
    internal ThreadsState.Mark MarkOf(int index) { var l = _links[index]; return new ThreadsState.Mark(l.Author, l.Ticks, _keys[index], _offsets[index]); }

    /// <summary>Sets a post's UTC offset (the compact form keeps it with the thread marks only).</summary>
    internal void SetOffset(int index, short minutes) => _offsets[index] = minutes;

    private int MentionsStart(int index) => index == 0 ? 0 : _mentionsEnd[index - 1];

    /// <summary>Replies whose parent is not (yet) held: they wait for it, and count as unknown-parent replies meanwhile.</summary>
    public int PendingReplies
    {
        get
        {
            int n = 0;
            for (int i = 0; i < Count; i++) { var l = _links[i]; if (l.HasParent && !ContainsKey(l.Parent)) n++; }
            return n;
        }
    }

    /// <summary>Adds a post (its key must not be held yet); returns its index.</summary>
    internal int Add(ulong key, Link link, ReadOnlySpan<int> mentions, int sharedFrom, short offset)
    {
        var index = Index;
        int i = _keys.Count;
        if (i == StateFormat.MaxItems) throw new InvalidOperationException($"more posts than a state holds ({StateFormat.MaxItems})");
        if (mentions.Length > int.MaxValue - _mentions.Count) throw new InvalidOperationException("more mentions than a state holds");
        _keys.Add(key); _links.Add(link); _offsets.Add(offset);
        foreach (int m in mentions) _mentions.Add(m);
        _mentionsEnd.Add(_mentions.Count);
        if (sharedFrom >= 0) _sharedFrom[i] = sharedFrom;
        index.Insert(key, i);
        return i;
    }

    /// <summary>
    /// The interactions of every post held, as <see cref="Polder.Networks.PostInteractions.Of(OnlineCommunity)"/> gives
    /// them (reply to the parent's author, each mention but a retweet's, the re-shared actor; never to oneself), post by post in index
    /// (arrival) order and in that order within a post, with actor indexes. Index order, not time order: sorting the
    /// posts by time cost 4 bytes a post and a comparison delegate per step, and the network needs the time order only
    /// for numbering its nodes, which it takes from each actor's first interaction (<see cref="this[int]"/> has the time).
    /// </summary>
    internal IEnumerable<(int Post, int Source, int Target, Polder.Networks.InteractionKind Kind)> InteractionsByIndex()
    {
        for (int idx = 0, n = Count; idx < n; idx++)
        {
            var l = _links[idx];
            if (l.HasParent && IndexOf(l.Parent) is var p and >= 0 && _links[p].Author is var pa && pa != l.Author)
                yield return (idx, l.Author, pa, Polder.Networks.InteractionKind.Reply);
            // a retweet's text is the original author's: its @handles are not the retweeter's mentions (as PostInteractions)
            if (l.Kind != PostKind.Retweet)
                for (int k = MentionsStart(idx), end = _mentionsEnd[idx]; k < end; k++)
                    if (_mentions[k] is var m && m != l.Author) yield return (idx, l.Author, m, Polder.Networks.InteractionKind.Mention);
            if (_sharedFrom.TryGetValue(idx, out int sh) && sh != l.Author)
                yield return (idx, l.Author, sh, l.Kind == PostKind.Quote ? Polder.Networks.InteractionKind.Quote : Polder.Networks.InteractionKind.Retweet);
        }
    }

    /// <summary>
    /// Every post's stamp (<see cref="StampOf"/>), grouped by author: actor <c>a</c>'s posts are at
    /// <c>starts[a]..starts[a+1]</c>, in index order.
    /// </summary>
    internal long[] StampsByAuthor(int actorCount, out int[] starts)
    {
        starts = new int[actorCount + 1];
        for (int i = 0; i < Count; i++) starts[_links[i].Author + 1]++;
        for (int a = 0; a < actorCount; a++) starts[a + 1] += starts[a];
        var next = starts.AsSpan(0, actorCount).ToArray();
        var stamps = new long[Count];
        for (int i = 0; i < Count; i++) { var l = _links[i]; stamps[next[l.Author]++] = StampOf(l.Ticks, l.Kind); }
        return stamps;
    }

    /// <summary>A post's UTC ticks shifted left by two with its kind in the low two bits (ticks &lt; 2^62): sorts by time, then kind.</summary>
    internal static long StampOf(long utcTicks, PostKind kind) => utcTicks << 2 | (long)kind;

    internal static long TicksOf(long stamp) => stamp >> 2;

    internal static PostKind KindOf(long stamp) => (PostKind)(stamp & 3);

    internal void Merge(PostLinksState other, int[] actorMap, int[] threadMap)
    {
        var moved = new List<int>();
        for (int i = 0; i < other.Count; i++)
        {
            var m = other._links[i];
            m.Author = actorMap[m.Author]; m.Thread = threadMap[m.Thread];
            moved.Clear();
            for (int k = other.MentionsStart(i), end = other._mentionsEnd[i]; k < end; k++) moved.Add(actorMap[other._mentions[k]]);
            Add(other._keys[i], m, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(moved), other._sharedFrom.TryGetValue(i, out int a) ? actorMap[a] : -1, other._offsets[i]);
        }
    }

    /// <summary>What the links say once every reply is judged against the posts held.</summary>
    internal sealed class Resolution(int actors, int threads)
    {
        public readonly int[] Replies = new int[actors], SelfReplies = new int[actors], Inbound = new int[actors], Answered = new int[actors], RepliesReceived = new int[actors];
        public readonly int[] ThreadUnknownParents = new int[threads], ThreadDepth = new int[threads];
        public readonly Dictionary<int, HashSet<int>> OrganisationCommunity = [];
        public int UnknownParents;
    }

    /// <summary>
    /// Judges every post as <see cref="BehaviourAnalyzer"/> does: replies and self-replies, inbound messages (a reply to
    /// an actor's post or a mention, once per addressee), answered pairs (a direct reply by an addressee, once per
    /// message and addressee, when the message is earlier in the same thread), replies received, organisation
    /// communities and depths.
    /// </summary>
    internal Resolution Resolve(int actorCount, int threadCount, bool[] isOrg, bool[] unknown)
    {
        var r = new Resolution(actorCount, threadCount);
        for (int a = 0; a < isOrg.Length; a++) if (isOrg[a]) r.OrganisationCommunity[a] = [];
        // (message, answerer) pairs, counted once each at the end: 8 bytes a pair where a hash set took ~40
        var answeredPairs = new ChunkedColumn<long>();
        var depth = new int[Count];   // depth + 1 once known (index order)
        var chain = new List<int>();
        for (int i = 0; i < Count; i++)
        {
            var l = _links[i];
            ulong key = _keys[i];
            int a = l.Author;
            r.ThreadDepth[l.Thread] = Math.Max(r.ThreadDepth[l.Thread], DepthOf(i, depth, chain));
            bool addressedParent = false;
            int pi = l.HasParent ? IndexOf(l.Parent) : -1;
            if (l.HasParent)
            {
                if (l.Parent == key || pi < 0)
                {
                    r.UnknownParents++; r.ThreadUnknownParents[l.Thread]++;
                    if (l.Kind == PostKind.Reply) r.Replies[a]++;
                }
                else if (_links[pi].Author == a) { if (l.Kind == PostKind.Reply) r.SelfReplies[a]++; }
                else
                {
                    var par = _links[pi];
                    int pa = par.Author;
                    if (l.Kind == PostKind.Reply) r.Replies[a]++;
                    r.RepliesReceived[pa]++;
                    if (!unknown[pa]) { r.Inbound[pa]++; addressedParent = true; }
                    if (isOrg[pa] && !isOrg[a] && !unknown[a]) r.OrganisationCommunity[pa].Add(a);
                    if (isOrg[a] && !isOrg[pa] && !unknown[pa]) r.OrganisationCommunity[a].Add(pa);
                    // does this post answer its parent, which addressed the author (earlier, in the same thread)?
                    if (par.Thread == l.Thread && Earlier(par.Ticks, l.Parent, l.Ticks, key) && Addressed(pi, a, unknown))
                        answeredPairs.Add((long)pi << 32 | (uint)a);
                }
            }
            for (int k = MentionsStart(i), end = _mentionsEnd[i]; k < end; k++)
            {
                int ma = _mentions[k];
                if (ma == a || unknown[ma]) continue;
                bool isParentAuthor = addressedParent && pi >= 0 && _links[pi].Author == ma;
                if (!isParentAuthor) r.Inbound[ma]++;
                if (isOrg[ma] && !isOrg[a] && !unknown[a]) r.OrganisationCommunity[ma].Add(a);
            }
        }
        var pairs = answeredPairs.ToArray();
        Array.Sort(pairs);
        for (int k = 0; k < pairs.Length; k++) if (k == 0 || pairs[k] != pairs[k - 1]) r.Answered[(int)(uint)pairs[k]]++;
        return r;
    }

    // the batch analysis walks a thread in time order (ties: input order; here: key order)
    private static bool Earlier(long t1, ulong k1, long t2, ulong k2) => t1 != t2 ? t1 < t2 : k1 < k2;

    /// <summary>Did the post at <paramref name="index"/> address actor <paramref name="a"/> (reply to a's post, or mention a)?</summary>
    private bool Addressed(int index, int a, bool[] unknown)
    {
        var l = _links[index];
        if (l.Author == a || unknown[a]) return false;
        if (l.HasParent && l.Parent != _keys[index] && IndexOf(l.Parent) is var p and >= 0 && _links[p].Author == a) return true;
        for (int k = MentionsStart(index), end = _mentionsEnd[index]; k < end; k++) if (_mentions[k] == a) return true;
        return false;
    }

    // depth[i] holds the depth of post i plus one once known
    private int DepthOf(int index, int[] depth, List<int> chain)
    {
        chain.Clear();
        int cur = index;
        int d;
        while (true)
        {
            if (depth[cur] != 0) { d = depth[cur] - 1; break; }
            var l = _links[cur];
            int p = l.HasParent && l.Parent != _keys[cur] ? IndexOf(l.Parent) : -1;
            if (!l.HasParent) { d = 0; depth[cur] = 1; break; }
            if (p < 0) { d = 1; depth[cur] = 2; break; }
            chain.Add(cur);
            if (chain.Count > Count) { d = 0; break; } // a parent cycle: cut it
            cur = p;
        }
        for (int k = chain.Count - 1; k >= 0; k--) depth[chain[k]] = ++d + 1;
        return depth[index] - 1;
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(Count);
        for (int i = 0; i < Count; i++)
        {
            var l = _links[i];
            w.Write(_keys[i]); w.Write(l.Ticks); w.Write(l.Author); w.Write(l.Thread); w.Write((byte)l.Kind); w.Write(l.HasParent);
            if (l.HasParent) w.Write(l.Parent);
            int start = MentionsStart(i), end = _mentionsEnd[i];
            w.Write(end - start); for (int k = start; k < end; k++) w.Write(_mentions[k]);
            w.Write(_sharedFrom.TryGetValue(i, out int sh) ? sh : -1);
        }
    }

    internal static PostLinksState Read(BinaryReader r, int actorCount, int threadCount)
    {
        var s = new PostLinksState();
        int n = StateFormat.ReadCount(r, StateFormat.MaxItems, "posts");
        var ms = new List<int>();
        for (int i = 0; i < n; i++)
        {
            ulong key = r.ReadUInt64();
            var l = new Link { Ticks = StateFormat.ReadTicks(r), Author = StateFormat.ReadIndex(r, actorCount, "actor"), Thread = StateFormat.ReadIndex(r, threadCount, "thread") };
            byte kind = r.ReadByte();
            if (kind > (byte)PostKind.Quote) throw new InvalidDataException($"state: post kind {kind}");
            l.Kind = (PostKind)kind;
            l.HasParent = r.ReadBoolean();
            if (l.HasParent) l.Parent = r.ReadUInt64();
            int nm = StateFormat.ReadCount(r, 10_000, "mentions");
            ms.Clear();
            for (int k = 0; k < nm; k++) ms.Add(StateFormat.ReadIndex(r, actorCount, "actor"));
            if (s.ContainsKey(key)) throw new InvalidDataException("state: a post twice");
            int sh = r.ReadInt32();
            if (sh != -1 && (sh < 0 || sh >= actorCount)) throw new InvalidDataException($"state: actor index {sh} outside 0..{actorCount - 1}");
            s.Add(key, l, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ms), sh, 0);   // offsets: from the thread marks
        }
        return s;
    }
}
