using Polder.Analysis;

namespace Polder.Behaviour.States;

/// <summary>
/// Threads and the conversations in them. Per thread: its size, first and last post, each participant's first post,
/// every post by an organisation and the actors that non-organisation posts mention. That is all the first-response
/// definitions (docs/behaviour-metrics.md) need, whatever order the posts arrive in: the wait starts at the earliest
/// non-organisation post (webcare mode) or the thread's first post (forum mode) and ends at the responder's first post
/// after it, so a merged thread gives the same conversation as a whole one. Posts at the same instant are ordered by
/// their id key (the batch analysis uses input order). A thread stays "open" for an organisation until it answers.
/// Memory: per thread, not per post (an organisation's own posts in the thread are listed): about 200 bytes a thread
/// of three posts. Not thread-safe.
/// </summary>
public sealed class ThreadsState
{
    // per thread, by index: its id and its entry; the participants' first posts, the organisations' posts and the
    // mentioned actors are linked lists in shared pools (newest first), so a thread costs no objects or arrays of its
    // own (millions of threads each paying for an object, lists and doubled arrays showed in the peak memory)
    private readonly ChunkedColumn<string> _ids = new();
    private readonly DenseKeyIndex<string> _index;
    private readonly ChunkedColumn<Entry> _entries = new();
    private readonly ChunkedColumn<MarkNode> _marks = new();
    private readonly ChunkedColumn<(int Actor, int Next)> _mentioned = new();

    /// <summary>Creates an empty state.</summary>
    public ThreadsState() => _index = new DenseKeyIndex<string>(_ids, StringComparer.Ordinal);

    /// <summary>A post's place in time: instant, tie-breaker (the post key) and the source's UTC offset in minutes.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)] // 24 bytes, not 32
    internal readonly record struct Mark(int Actor, long Ticks, ulong Tie, short Offset)
    {
        public bool Before(Mark o) => Ticks != o.Ticks ? Ticks < o.Ticks : Tie < o.Tie;
        public DateTimeOffset Time => new DateTimeOffset(Ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(Offset));
        public Mark Moved(int[] actorMap) => this with { Actor = actorMap[Actor] };
    }

    /// <summary>A thread: its size, first and last post, and the heads (node + 1; 0: empty) of its lists.</summary>
    internal struct Entry
    {
        public int Posts;
        public Mark First, Last;
        public int Earliest;            // each participant's first post
        public int OrganisationPosts;   // every post by an organisation
        public int Mentioned;           // actors mentioned by non-organisation posts
    }

    private struct MarkNode
    {
        public Mark Mark;
        public int Next;
    }

    /// <summary>Threads known.</summary>
    public int Count => _ids.Count;

    /// <summary>The id of the thread at <paramref name="index"/>.</summary>
    public string IdOf(int index) => _ids[index];

    /// <summary>The thread at <paramref name="index"/>.</summary>
    internal Entry this[int index] => _entries[index];

    /// <summary>How many actors posted in the thread at <paramref name="index"/>.</summary>
    internal int Participants(int index)
    {
        int n = 0;
        for (int k = _entries[index].Earliest; k != 0; k = _marks[k - 1].Next) n++;
        return n;
    }

    internal int Touch(string threadId)
    {
        int t = _index.Find(threadId);
        if (t >= 0) return t;
        t = _ids.Count;
        _ids.Add(threadId); _entries.Add(default);
        _index.Insert(threadId, t);
        return t;
    }

    /// <summary>Adds a post (its mark) to the thread at <paramref name="t"/>.</summary>
    internal void Add(int t, Mark m, bool byOrganisation, IReadOnlyList<int> mentions)
    {
        ref var e = ref _entries.At(t);
        if (e.Posts++ == 0) { e.First = e.Last = m; }
        else { if (m.Before(e.First)) e.First = m; if (e.Last.Before(m)) e.Last = m; }
        AddEarliest(ref e.Earliest, m);
        if (byOrganisation) Push(ref e.OrganisationPosts, m);
        else foreach (int x in mentions) AddMentioned(ref e.Mentioned, x);
    }

    private void Push(ref int head, Mark m)
    {
        _marks.Add(new MarkNode { Mark = m, Next = head });
        head = _marks.Count;
    }

    /// <summary>Keeps each actor's earliest mark: adds <paramref name="m"/> or moves the actor's mark earlier.</summary>
    private void AddEarliest(ref int head, Mark m)
    {
        for (int k = head; k != 0; k = _marks[k - 1].Next)
        {
            ref var node = ref _marks.At(k - 1);
            if (node.Mark.Actor == m.Actor) { if (m.Before(node.Mark)) node.Mark = m; return; }
        }
        Push(ref head, m);
    }

    private void AddMentioned(ref int head, int actor)
    {
        for (int k = head; k != 0; k = _mentioned[k - 1].Next) if (_mentioned[k - 1].Actor == actor) return;
        _mentioned.Add((actor, head));
        head = _mentioned.Count;
    }

    /// <summary>The marks of a list, oldest added first (the order they were added, as the binary form keeps them).</summary>
    private List<Mark> Marks(int head, List<Mark> into)
    {
        into.Clear();
        for (int k = head; k != 0; k = _marks[k - 1].Next) into.Add(_marks[k - 1].Mark);
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

    internal int[] Merge(ThreadsState other, int[] actorMap)
    {
        var map = new int[other.Count];
        var marks = new List<Mark>();
        var mentioned = new List<int>();
        for (int i = 0; i < other.Count; i++)
        {
            int t = map[i] = Touch(other._ids[i]);
            var o = other._entries[i];
            if (o.Posts == 0) continue;
            ref var e = ref _entries.At(t);
            var first = o.First.Moved(actorMap); var last = o.Last.Moved(actorMap);
            if (e.Posts == 0) { e.First = first; e.Last = last; }
            else { if (first.Before(e.First)) e.First = first; if (e.Last.Before(last)) e.Last = last; }
            e.Posts += o.Posts;
            foreach (var m in other.Marks(o.Earliest, marks)) AddEarliest(ref e.Earliest, m.Moved(actorMap));
            foreach (var m in other.Marks(o.OrganisationPosts, marks)) Push(ref e.OrganisationPosts, m.Moved(actorMap));
            foreach (int x in other.Mentioned(o.Mentioned, mentioned)) AddMentioned(ref e.Mentioned, actorMap[x]);
        }
        return map;
    }

    /// <summary>
    /// The conversations of every thread, as <see cref="FirstResponseTime.Compute"/> defines them, in the order of
    /// their threads' first posts.
    /// </summary>
    internal List<(int Thread, ConversationResponse Conversation)> Conversations(ResponderMode mode, bool[] isOrg, ActorActivityState actors)
    {
        var result = new List<(int, ConversationResponse)>();
        var involved = new List<int>(4);
        foreach (int t in InTimeOrder())
        {
            var e = _entries[t];
            if (mode == ResponderMode.AnyOtherActor)
            {
                var asker = e.First;
                Mark? resp = null;
                for (int k = e.Earliest; k != 0; k = _marks[k - 1].Next)
                    if (_marks[k - 1].Mark is var m && m.Actor != asker.Actor && (resp is null || m.Before(resp.Value))) resp = m;
                result.Add((t, Make(t, asker, null, resp, actors)));
                continue;
            }
            Mark? start = null;
            for (int k = e.Earliest; k != 0; k = _marks[k - 1].Next)
                if (_marks[k - 1].Mark is var m && !isOrg[m.Actor] && (start is null || m.Before(start.Value))) start = m;
            if (start is not { } f) continue; // only organisations posted: no citizen waiting
            involved.Clear();
            for (int k = e.OrganisationPosts; k != 0; k = _marks[k - 1].Next)
                if (_marks[k - 1].Mark.Actor is var x && isOrg[x] && !involved.Contains(x)) involved.Add(x);
            for (int k = e.Mentioned; k != 0; k = _mentioned[k - 1].Next)
                if (_mentioned[k - 1].Actor is var x && isOrg[x] && !involved.Contains(x)) involved.Add(x);
            involved.Sort((x, y) => string.CompareOrdinal(actors[x].Id, actors[y].Id));
            foreach (int org in involved)
            {
                Mark? resp = null;
                for (int k = e.OrganisationPosts; k != 0; k = _marks[k - 1].Next)
                    if (_marks[k - 1].Mark is var m && m.Actor == org && f.Before(m) && (resp is null || m.Before(resp.Value))) resp = m;
                result.Add((t, Make(t, f, actors[org].Id, resp, actors)));
            }
        }
        return result;
    }

    /// <summary>Thread indexes ordered by their first post.</summary>
    internal int[] InTimeOrder()
    {
        var order = new int[Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (x, y) => _entries[x].First.Before(_entries[y].First) ? -1 : _entries[y].First.Before(_entries[x].First) ? 1 : 0);
        return order;
    }

    private ConversationResponse Make(int t, Mark asked, string? responder, Mark? resp, ActorActivityState actors) =>
        new(_ids[t], actors[asked.Actor].Id, responder, asked.Time, resp?.Time, resp is { } r ? actors[r.Actor].Id : null);

    internal void Write(BinaryWriter w)
    {
        w.Write(Count);
        var marks = new List<Mark>();
        var mentioned = new List<int>();
        for (int t = 0; t < Count; t++)
        {
            var e = _entries[t];
            w.Write(_ids[t]); w.Write(e.Posts);
            WriteMark(w, e.First); WriteMark(w, e.Last);
            WriteMarks(w, Marks(e.Earliest, marks)); WriteMarks(w, Marks(e.OrganisationPosts, marks));
            var mm = Mentioned(e.Mentioned, mentioned);
            w.Write(mm.Count); foreach (int x in mm) w.Write(x);
        }
    }

    internal static ThreadsState Read(BinaryReader r, int actorCount)
    {
        var s = new ThreadsState();
        int n = StateFormat.ReadCount(r, StateFormat.MaxItems, "threads");
        for (int i = 0; i < n; i++)
        {
            var id = StateFormat.ReadPlain(r);
            if (s._index.Find(id) >= 0) throw new InvalidDataException($"state: thread '{id}' twice");
            ref var e = ref s._entries.At(s.Touch(id));
            e.Posts = StateFormat.ReadCount(r, StateFormat.MaxItems, "thread posts");
            e.First = ReadMark(r, actorCount); e.Last = ReadMark(r, actorCount);
            int ne = StateFormat.ReadCount(r, StateFormat.MaxItems, "thread marks");
            for (int k = 0; k < ne; k++) s.Push(ref e.Earliest, ReadMark(r, actorCount));
            int no = StateFormat.ReadCount(r, StateFormat.MaxItems, "thread marks");
            for (int k = 0; k < no; k++) s.Push(ref e.OrganisationPosts, ReadMark(r, actorCount));
            int nm = StateFormat.ReadCount(r, StateFormat.MaxItems, "mentioned actors");
            for (int k = 0; k < nm; k++)
            {
                s._mentioned.Add((StateFormat.ReadIndex(r, actorCount, "actor"), e.Mentioned));
                e.Mentioned = s._mentioned.Count;
            }
        }
        return s;
    }

    private static void WriteMark(BinaryWriter w, Mark m) { w.Write(m.Actor); w.Write(m.Ticks); w.Write(m.Tie); w.Write(m.Offset); }

    private static void WriteMarks(BinaryWriter w, List<Mark> marks) { w.Write(marks.Count); foreach (var m in marks) WriteMark(w, m); }

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
