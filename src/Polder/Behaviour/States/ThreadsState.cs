
namespace Polder.Behaviour.States;

/// <summary>
/// Threads and the conversations in them. Per thread: its size, first and last post, each participant's first post,
/// every post by an organisation and the actors that non-organisation posts mention. That is all the first-response
/// definitions (docs/behaviour-metrics.md) need, whatever order the posts arrive in: the wait starts at the earliest
/// non-organisation post (webcare mode) or the thread's first post (forum mode) and ends at the responder's first post
/// after it, so a merged thread gives the same conversation as a whole one. Posts at the same instant are ordered by
/// their id key (the batch analysis uses input order). A thread stays "open" for an organisation until it answers.
/// Memory: per thread, not per post (an organisation's own posts in the thread are listed); marks are post indexes
/// into the state's <see cref="PostLinksState"/> (4 bytes, not a 24-byte copy) and ids are UTF-8 in shared blocks: about 90 bytes a thread of three
/// posts. Not thread-safe.
/// </summary>
public sealed class ThreadsState
{
    // per thread, by index: its id and its entry; the participants' first posts, the organisations' posts and the
    // mentioned actors are linked lists in shared pools (newest first), so a thread costs no objects or arrays of its
    // own (millions of threads each paying for an object, lists and doubled arrays showed in the peak memory). A mark
    // is a post index: author, time, key and offset are read from the links.
    private readonly Utf8StringTable _ids = new();   // thread ids as UTF-8 (a string object each took ~48 bytes)
    private readonly ChunkedColumn<Entry> _entries = new();
    private readonly ChunkedColumn<(int Post, int Next)> _marks = new();
    private readonly ChunkedColumn<(int Actor, int Next)> _mentioned = new();
    private readonly PostLinksState _posts;

    /// <summary>Creates an empty state whose marks refer to the posts of <paramref name="posts"/>.</summary>
    internal ThreadsState(PostLinksState posts) => _posts = posts;

    /// <summary>A post's place in time: instant, tie-breaker (the post key) and the source's UTC offset in minutes.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)] // 24 bytes, not 32
    internal readonly record struct Mark(int Actor, long Ticks, ulong Tie, short Offset)
    {
        public bool Before(Mark o) => Ticks != o.Ticks ? Ticks < o.Ticks : Tie < o.Tie;
        public DateTimeOffset Time => TimeOf(Ticks, Offset);

        /// <summary>A point in time as marks keep it: UTC ticks and the source's offset in minutes.</summary>
        public static DateTimeOffset TimeOf(long utcTicks, short offsetMinutes) =>
            new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));
    }

    /// <summary>A thread: its size, first and last post (post indexes) and the heads (node + 1; 0: empty) of its lists.</summary>
    internal struct Entry
    {
        public int Posts;
        public int First, Last;
        public int Earliest;            // each participant's first post
        public int OrganisationPosts;   // every post by an organisation
        public int Mentioned;           // actors mentioned by non-organisation posts
    }

    /// <summary>Threads known.</summary>
    public int Count => _ids.Count;

    /// <summary>The id of the thread at <paramref name="index"/> (a new string each call).</summary>
    public string IdOf(int index) => _ids[index];

    /// <summary>The thread at <paramref name="index"/>.</summary>
    internal Entry this[int index] => _entries[index];

    internal Mark FirstOf(int index) => _posts.MarkOf(_entries[index].First);

    internal Mark LastOf(int index) => _posts.MarkOf(_entries[index].Last);

    /// <summary>How many actors posted in the thread at <paramref name="index"/>.</summary>
    internal int Participants(int index)
    {
        int n = 0;
        for (int k = _entries[index].Earliest; k != 0; k = _marks[k - 1].Next) n++;
        return n;
    }

    internal int Touch(string threadId)
    {
        int t = _ids.Add(threadId);
        if (t == _entries.Count) _entries.Add(default);
        return t;
    }

    /// <summary>Adds the post at <paramref name="post"/> (already in the links) to the thread at <paramref name="t"/>.</summary>
    internal void Add(int t, int post, bool byOrganisation, IReadOnlyList<int> mentions)
    {
        ref var e = ref _entries.At(t);
        AddPosts(ref e, post, post, 1);
        AddEarliest(ref e.Earliest, post);
        if (byOrganisation) Push(ref e.OrganisationPosts, post);
        else foreach (int x in mentions) AddMentioned(ref e.Mentioned, x);
    }

    /// <summary>Counts <paramref name="posts"/> posts whose first and last are <paramref name="first"/> and <paramref name="last"/>.</summary>
    private void AddPosts(ref Entry e, int first, int last, int posts)
    {
        if (e.Posts == 0) { e.First = first; e.Last = last; }
        else
        {
            if (_posts.MarkOf(first).Before(_posts.MarkOf(e.First))) e.First = first;
            if (_posts.MarkOf(e.Last).Before(_posts.MarkOf(last))) e.Last = last;
        }
        e.Posts += posts;
    }

    private void Push(ref int head, int post)
    {
        _marks.Add((post, head));
        head = _marks.Count;
    }

    /// <summary>Keeps each actor's earliest post: adds <paramref name="post"/> or moves the actor's mark earlier.</summary>
    private void AddEarliest(ref int head, int post)
    {
        var m = _posts.MarkOf(post);
        for (int k = head; k != 0; k = _marks[k - 1].Next)
        {
            ref var node = ref _marks.At(k - 1);
            var n = _posts.MarkOf(node.Post);
            if (n.Actor == m.Actor) { if (m.Before(n)) node.Post = post; return; }
        }
        Push(ref head, post);
    }

    private void AddMentioned(ref int head, int actor)
    {
        for (int k = head; k != 0; k = _mentioned[k - 1].Next) if (_mentioned[k - 1].Actor == actor) return;
        _mentioned.Add((actor, head));
        head = _mentioned.Count;
    }

    /// <summary>The posts of a list, oldest added first (the order they were added, as the binary form keeps them).</summary>
    private List<int> Posts(int head, List<int> into)
    {
        into.Clear();
        for (int k = head; k != 0; k = _marks[k - 1].Next) into.Add(_marks[k - 1].Post);
        into.Reverse();
        return into;
    }

    private List<int> Mentioned(int head, List<int> into)
    {
        into.Clear();
        for (int k = head; k != 0; k = _mentioned[k - 1].Next) into.Add(_mentioned[k - 1].Actor);
        into.Reverse();
        return into;
    }

    /// <summary>Where each of <paramref name="other"/>'s threads goes in this state (added when new).</summary>
    internal int[] MapThreads(ThreadsState other)
    {
        var map = new int[other.Count];
        for (int i = 0; i < other.Count; i++) map[i] = Touch(other._ids[i]);
        return map;
    }

    /// <summary>
    /// Adds <paramref name="other"/>'s threads (mapped by <paramref name="threadMap"/>) once its posts are in this
    /// state's links from index <paramref name="postOffset"/> on (their authors already mapped).
    /// </summary>
    internal void Merge(ThreadsState other, int[] threadMap, int[] actorMap, int postOffset)
    {
        var posts = new List<int>();
        var mentioned = new List<int>();
        for (int i = 0; i < other.Count; i++)
        {
            var o = other._entries[i];
            if (o.Posts == 0) continue;
            ref var e = ref _entries.At(threadMap[i]);
            AddPosts(ref e, postOffset + o.First, postOffset + o.Last, o.Posts);
            foreach (int p in other.Posts(o.Earliest, posts)) AddEarliest(ref e.Earliest, postOffset + p);
            foreach (int p in other.Posts(o.OrganisationPosts, posts)) Push(ref e.OrganisationPosts, postOffset + p);
            foreach (int x in other.Mentioned(o.Mentioned, mentioned)) AddMentioned(ref e.Mentioned, actorMap[x]);
        }
    }

    /// <summary>
    /// The conversations of every thread, as <see cref="FirstResponseTime.Compute"/> defines them, in the order of
    /// their threads' first posts, as compact rows (<paramref name="ids"/>: the thread ids, <see cref="FreezeIds"/>).
    /// </summary>
    internal ConversationRows Conversations(ResponderMode mode, bool[] isOrg, ActorActivityState actors, Utf8StringTable.Frozen ids)
    {
        var rows = new ChunkedColumn<ConversationRows.Row>();
        var involved = new List<int>(4);
        foreach (int t in InTimeOrder())
        {
            var e = _entries[t];
            if (mode == ResponderMode.AnyOtherActor)
            {
                var asker = _posts.MarkOf(e.First);
                Mark? resp = null;
                for (int k = e.Earliest; k != 0; k = _marks[k - 1].Next)
                    if (_posts.MarkOf(_marks[k - 1].Post) is var m && m.Actor != asker.Actor && (resp is null || m.Before(resp.Value))) resp = m;
                rows.Add(Row(t, asker, -1, resp));
                continue;
            }
            Mark? start = null;
            for (int k = e.Earliest; k != 0; k = _marks[k - 1].Next)
                if (_posts.MarkOf(_marks[k - 1].Post) is var m && !isOrg[m.Actor] && (start is null || m.Before(start.Value))) start = m;
            if (start is not { } f) continue; // only organisations posted: no citizen waiting
            involved.Clear();
            for (int k = e.OrganisationPosts; k != 0; k = _marks[k - 1].Next)
                if (_posts[_marks[k - 1].Post].Author is var x && isOrg[x] && !involved.Contains(x)) involved.Add(x);
            for (int k = e.Mentioned; k != 0; k = _mentioned[k - 1].Next)
                if (_mentioned[k - 1].Actor is var x && isOrg[x] && !involved.Contains(x)) involved.Add(x);
            involved.Sort((x, y) => string.CompareOrdinal(actors[x].Id, actors[y].Id));
            foreach (int org in involved)
            {
                Mark? resp = null;
                for (int k = e.OrganisationPosts; k != 0; k = _marks[k - 1].Next)
                    if (_posts.MarkOf(_marks[k - 1].Post) is var m && m.Actor == org && f.Before(m) && (resp is null || m.Before(resp.Value))) resp = m;
                rows.Add(Row(t, f, org, resp));
            }
        }
        var actorIds = new string[actors.Count];
        for (int a = 0; a < actorIds.Length; a++) actorIds[a] = actors[a].Id;
        return new ConversationRows(rows, ids, actorIds);
    }

    private static ConversationRows.Row Row(int thread, Mark asked, int responder, Mark? resp) =>
        new(thread, asked.Actor, responder, resp?.Actor ?? -1, asked.Ticks, asked.Offset, resp?.Ticks ?? -1, resp?.Offset ?? 0);

    /// <summary>The thread ids as they are now, by thread index: a copy later threads do not change, or (<paramref name="retiring"/>: no thread is added after) the table itself.</summary>
    internal Utf8StringTable.Frozen FreezeIds(bool retiring) => retiring ? _ids.Share() : _ids.Freeze();

    /// <summary>Thread indexes ordered by their first post.</summary>
    internal int[] InTimeOrder()
    {
        var order = new int[Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (x, y) => FirstOf(x) is var a && FirstOf(y) is var b && a.Before(b) ? -1 : b.Before(a) ? 1 : 0);
        return order;
    }

    /// <summary>Writes the threads (their count is written by the state, before the links).</summary>
    internal void Write(BinaryWriter w)
    {
        var posts = new List<int>();
        var mentioned = new List<int>();
        for (int t = 0; t < Count; t++)
        {
            var e = _entries[t];
            w.Write(_ids[t]); w.Write(e.Posts);
            WriteMark(w, _posts.MarkOf(e.First)); WriteMark(w, _posts.MarkOf(e.Last));
            WriteMarks(w, Posts(e.Earliest, posts)); WriteMarks(w, Posts(e.OrganisationPosts, posts));
            var mm = Mentioned(e.Mentioned, mentioned);
            w.Write(mm.Count); foreach (int x in mm) w.Write(x);
        }
    }

    /// <summary>
    /// Reads the threads of the compact form, whose marks name posts by key: the links come before the threads in the
    /// form, so each mark becomes an index of <paramref name="posts"/> as it is read (collecting them first took ~40
    /// bytes a mark, 460 MB at 10M posts). A mark that names no post, disagrees with its post or gives a post a second
    /// UTC offset is damage.
    /// </summary>
    internal static ThreadsState Read(BinaryReader r, int actorCount, int threadCount, PostLinksState posts)
    {
        var s = new ThreadsState(posts);
        var offsetSet = new bool[posts.Count];
        for (int i = 0; i < threadCount; i++)
        {
            var id = StateFormat.ReadPlain(r);
            if (s._ids.Find(id) >= 0) throw new InvalidDataException($"state: thread '{id}' twice");
            int t = s.Touch(id);
            int size = StateFormat.ReadCount(r, StateFormat.MaxItems, "thread posts");
            int first = s.MarkedPost(ReadMark(r, actorCount), t, offsetSet), last = s.MarkedPost(ReadMark(r, actorCount), t, offsetSet);
            ref var e = ref s._entries.At(t);
            e.Posts = size; e.First = first; e.Last = last;
            int ne = StateFormat.ReadCount(r, StateFormat.MaxItems, "thread marks");
            for (int k = 0; k < ne; k++) s.Push(ref s._entries.At(t).Earliest, s.MarkedPost(ReadMark(r, actorCount), t, offsetSet));
            int no = StateFormat.ReadCount(r, StateFormat.MaxItems, "thread marks");
            for (int k = 0; k < no; k++) s.Push(ref s._entries.At(t).OrganisationPosts, s.MarkedPost(ReadMark(r, actorCount), t, offsetSet));
            int nn = StateFormat.ReadCount(r, StateFormat.MaxItems, "mentioned actors");
            for (int k = 0; k < nn; k++)
            {
                ref var en = ref s._entries.At(t);
                s._mentioned.Add((StateFormat.ReadIndex(r, actorCount, "actor"), en.Mentioned));
                en.Mentioned = s._mentioned.Count;
            }
        }
        return s;
    }

    /// <summary>The index of the post a mark read back names (setting the post's UTC offset), checked against the links.</summary>
    private int MarkedPost(Mark m, int thread, bool[] offsetSet)
    {
        int p = _posts.IndexOf(m.Tie);
        if (p < 0) throw new InvalidDataException("state: a thread mark names a post that is not held");
        var l = _posts[p];
        if (l.Author != m.Actor || l.Ticks != m.Ticks || l.Thread != thread) throw new InvalidDataException("state: a thread mark disagrees with its post");
        if (!offsetSet[p]) { _posts.SetOffset(p, m.Offset); offsetSet[p] = true; }
        else if (_posts.MarkOf(p).Offset != m.Offset) throw new InvalidDataException("state: a post has two UTC offsets");
        return p;
    }

    private static void WriteMark(BinaryWriter w, Mark m) { w.Write(m.Actor); w.Write(m.Ticks); w.Write(m.Tie); w.Write(m.Offset); }

    private void WriteMarks(BinaryWriter w, List<int> posts) { w.Write(posts.Count); foreach (int p in posts) WriteMark(w, _posts.MarkOf(p)); }

    private static Mark ReadMark(BinaryReader r, int actorCount)
    {
        int a = StateFormat.ReadIndex(r, actorCount, "actor");
        long t = StateFormat.ReadTicks(r);
        ulong tie = r.ReadUInt64();
        short off = r.ReadInt16();
        if (off is < -14 * 60 or > 14 * 60) throw new InvalidDataException($"state: UTC offset {off} minutes");
        return new Mark(a, t, tie, off);
    }

}
