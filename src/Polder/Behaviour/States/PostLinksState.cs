using Polder.Community;

namespace Polder.Behaviour.States;

/// <summary>
/// Who replied to whom: per post its 64-bit id key, author, thread, time, kind, parent key and mentions (about 44
/// bytes a post, no text). A reply's meaning depends on its parent, which may sit in another part of a split
/// community, so replies are not judged when they arrive: the links are kept, and <see cref="Resolve"/> judges every
/// reply against whatever the merged state holds. A reply whose parent has not arrived is <em>pending</em> (counted
/// as an unknown-parent reply until the parent arrives, in any part). So merging two parts and then resolving gives
/// exactly what resolving the whole gives. Not thread-safe.
/// </summary>
public sealed class PostLinksState
{
    // 24 bytes (not 32): the kind and the has-parent flag ride in the top bits of the thread index (MaxItems < 2^28),
    // so the table with its keys and buckets takes ~44 bytes a post (was ~52)
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

    internal readonly Dictionary<ulong, Link> Links = [];
    internal readonly Dictionary<ulong, int[]> Mentions = [];
    internal readonly Dictionary<ulong, int> SharedFrom = [];   // retweets and quotes: the actor re-shared

    /// <summary>Posts held.</summary>
    public int Count => Links.Count;

    /// <summary>True when a post with this id is held.</summary>
    public bool Contains(string postId) => Links.ContainsKey(StateFormat.KeyOf(postId));

    /// <summary>Replies whose parent is not (yet) held: they wait for it, and count as unknown-parent replies meanwhile.</summary>
    public int PendingReplies
    {
        get
        {
            int n = 0;
            foreach (var l in Links.Values) if (l.HasParent && !Links.ContainsKey(l.Parent)) n++;
            return n;
        }
    }

    internal void Add(ulong key, Link link, int[] mentions, int sharedFrom)
    {
        Links.Add(key, link);
        if (mentions.Length > 0) Mentions[key] = mentions;
        if (sharedFrom >= 0) SharedFrom[key] = sharedFrom;
    }

    /// <summary>
    /// The interactions of every post held, as <see cref="Polder.Networks.PostInteractions.Of(OnlineCommunity)"/> gives
    /// them (reply to the parent's author, each mention, the re-shared actor; never to oneself), in the posts' time
    /// order (ties: the order they were added), with actor indexes.
    /// </summary>
    internal IEnumerable<(long Ticks, int Source, int Target, Polder.Networks.InteractionKind Kind)> Interactions()
    {
        int n = Links.Count, i = 0;
        var keys = new ulong[n];
        var ticks = new long[n];
        var order = new int[n];
        foreach (var (k, l) in Links) { keys[i] = k; ticks[i] = l.Ticks; order[i] = i; i++; }
        Array.Sort(ticks, order);
        for (int a = 0; a < n;)
        {
            int b = a + 1;
            while (b < n && ticks[b] == ticks[a]) b++;
            if (b - a > 1) Array.Sort(order, a, b - a);
            a = b;
        }
        foreach (int idx in order)
        {
            ulong key = keys[idx];
            var l = Links[key];
            if (l.HasParent && Links.TryGetValue(l.Parent, out var par) && par.Author != l.Author)
                yield return (l.Ticks, l.Author, par.Author, Polder.Networks.InteractionKind.Reply);
            if (Mentions.TryGetValue(key, out var ms))
                foreach (int m in ms) if (m != l.Author) yield return (l.Ticks, l.Author, m, Polder.Networks.InteractionKind.Mention);
            if (SharedFrom.TryGetValue(key, out int sh) && sh != l.Author)
                yield return (l.Ticks, l.Author, sh, l.Kind == PostKind.Quote ? Polder.Networks.InteractionKind.Quote : Polder.Networks.InteractionKind.Retweet);
        }
    }

    internal void Merge(PostLinksState other, int[] actorMap, int[] threadMap)
    {
        foreach (var (key, l) in other.Links)
        {
            var m = l;
            m.Author = actorMap[l.Author]; m.Thread = threadMap[l.Thread];
            Links.Add(key, m);
        }
        foreach (var (key, ms) in other.Mentions)
        {
            var moved = new int[ms.Length];
            for (int i = 0; i < ms.Length; i++) moved[i] = actorMap[ms[i]];
            Mentions[key] = moved;
        }
        foreach (var (key, a) in other.SharedFrom) SharedFrom[key] = actorMap[a];
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
        var answeredPairs = new HashSet<(ulong, int)>();
        var depth = new Dictionary<ulong, int>();
        var chain = new List<ulong>();
        foreach (var (key, l) in Links)
        {
            int a = l.Author;
            r.ThreadDepth[l.Thread] = Math.Max(r.ThreadDepth[l.Thread], DepthOf(key, depth, chain));
            bool addressedParent = false;
            if (l.HasParent)
            {
                if (l.Parent == key || !Links.TryGetValue(l.Parent, out var par))
                {
                    r.UnknownParents++; r.ThreadUnknownParents[l.Thread]++;
                    if (l.Kind == PostKind.Reply) r.Replies[a]++;
                }
                else if (par.Author == a) { if (l.Kind == PostKind.Reply) r.SelfReplies[a]++; }
                else
                {
                    int pa = par.Author;
                    if (l.Kind == PostKind.Reply) r.Replies[a]++;
                    r.RepliesReceived[pa]++;
                    if (!unknown[pa]) { r.Inbound[pa]++; addressedParent = true; }
                    if (isOrg[pa] && !isOrg[a] && !unknown[a]) r.OrganisationCommunity[pa].Add(a);
                    if (isOrg[a] && !isOrg[pa] && !unknown[pa]) r.OrganisationCommunity[a].Add(pa);
                    // does this post answer its parent, which addressed the author (earlier, in the same thread)?
                    if (par.Thread == l.Thread && Earlier(par.Ticks, l.Parent, l.Ticks, key) && Addressed(l.Parent, par, a, unknown)
                        && answeredPairs.Add((l.Parent, a))) r.Answered[a]++;
                }
            }
            if (Mentions.TryGetValue(key, out var ms))
                foreach (int ma in ms)
                {
                    if (ma == a || unknown[ma]) continue;
                    bool isParentAuthor = addressedParent && l.HasParent && Links.TryGetValue(l.Parent, out var p2) && p2.Author == ma;
                    if (!isParentAuthor) r.Inbound[ma]++;
                    if (isOrg[ma] && !isOrg[a] && !unknown[a]) r.OrganisationCommunity[ma].Add(a);
                }
        }
        return r;
    }

    // the batch analysis walks a thread in time order (ties: input order; here: key order)
    private static bool Earlier(long t1, ulong k1, long t2, ulong k2) => t1 != t2 ? t1 < t2 : k1 < k2;

    /// <summary>Did post <paramref name="key"/> address actor <paramref name="a"/> (reply to a's post, or mention a)?</summary>
    private bool Addressed(ulong key, Link l, int a, bool[] unknown)
    {
        if (l.Author == a || unknown[a]) return false;
        if (l.HasParent && l.Parent != key && Links.TryGetValue(l.Parent, out var par) && par.Author == a) return true;
        return Mentions.TryGetValue(key, out var ms) && Array.IndexOf(ms, a) >= 0;
    }

    private int DepthOf(ulong key, Dictionary<ulong, int> memo, List<ulong> chain)
    {
        chain.Clear();
        ulong cur = key;
        int d;
        while (true)
        {
            if (memo.TryGetValue(cur, out d)) break;
            var l = Links[cur];
            if (!l.HasParent) { d = 0; memo[cur] = 0; break; }
            if (l.Parent == cur || !Links.ContainsKey(l.Parent)) { d = 1; memo[cur] = 1; break; }
            chain.Add(cur);
            if (chain.Count > Links.Count) { d = 0; break; } // a parent cycle: cut it
            cur = l.Parent;
        }
        for (int k = chain.Count - 1; k >= 0; k--) memo[chain[k]] = ++d;
        return memo[key];
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(Links.Count);
        foreach (var (key, l) in Links)
        {
            w.Write(key); w.Write(l.Ticks); w.Write(l.Author); w.Write(l.Thread); w.Write((byte)l.Kind); w.Write(l.HasParent);
            if (l.HasParent) w.Write(l.Parent);
            var ms = Mentions.GetValueOrDefault(key) ?? [];
            w.Write(ms.Length); foreach (int m in ms) w.Write(m);
            w.Write(SharedFrom.TryGetValue(key, out int sh) ? sh : -1);
        }
    }

    internal static PostLinksState Read(BinaryReader r, int actorCount, int threadCount)
    {
        var s = new PostLinksState();
        int n = StateFormat.ReadCount(r, StateFormat.MaxItems, "posts");
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
            var ms = new int[nm];
            for (int k = 0; k < nm; k++) ms[k] = StateFormat.ReadIndex(r, actorCount, "actor");
            if (!s.Links.TryAdd(key, l)) throw new InvalidDataException("state: a post twice");
            if (nm > 0) s.Mentions[key] = ms;
            int sh = r.ReadInt32();
            if (sh != -1) s.SharedFrom[key] = sh >= 0 && sh < actorCount ? sh : throw new InvalidDataException($"state: actor index {sh} outside 0..{actorCount - 1}");
        }
        return s;
    }
}
