namespace Polder.Behaviour.States;

/// <summary>
/// Threads and the conversations in them. Per thread: its size, first and last post, each participant's first post,
/// every post by an organisation and the actors that non-organisation posts mention. That is all the first-response
/// definitions (docs/behaviour-metrics.md) need, whatever order the posts arrive in: the wait starts at the earliest
/// non-organisation post (webcare mode) or the thread's first post (forum mode) and ends at the responder's first post
/// after it, so a merged thread gives the same conversation as a whole one. Posts at the same instant are ordered by
/// their id key (the batch analysis uses input order). A thread stays "open" for an organisation until it answers.
/// Memory: per thread, not per post (an organisation's own posts in the thread are listed). Not thread-safe.
/// </summary>
public sealed class ThreadsState
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    internal readonly List<ThreadEntry> Entries = [];

    /// <summary>A post's place in time: instant, tie-breaker (the post key) and the source's UTC offset in minutes.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)] // 24 bytes, not 32
    internal readonly record struct Mark(int Actor, long Ticks, ulong Tie, short Offset)
    {
        public bool Before(Mark o) => Ticks != o.Ticks ? Ticks < o.Ticks : Tie < o.Tie;
        public DateTimeOffset Time => new DateTimeOffset(Ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(Offset));
        public Mark Moved(int[] actorMap) => this with { Actor = actorMap[Actor] };
    }

    internal sealed class ThreadEntry(string id)
    {
        public readonly string Id = id;
        public int Posts;
        public Mark First, Last;
        public ThreadMarks Earliest;            // each participant's first post
        public ThreadMarks OrganisationPosts;   // every post by an organisation
        public List<int>? Mentioned;                    // actors mentioned by non-organisation posts

        public void Add(Mark m, bool byOrganisation, IReadOnlyList<int> mentions)
        {
            if (Posts++ == 0) { First = Last = m; }
            else { if (m.Before(First)) First = m; if (Last.Before(m)) Last = m; }
            Earliest.AddEarliest(m);
            if (byOrganisation) OrganisationPosts.Add(m);
            else foreach (int x in mentions) if (!(Mentioned ??= new(1)).Contains(x)) Mentioned.Add(x);
        }

        public void Merge(ThreadEntry o, int[] actorMap)
        {
            if (o.Posts == 0) return;
            var first = o.First.Moved(actorMap); var last = o.Last.Moved(actorMap);
            if (Posts == 0) { First = first; Last = last; }
            else { if (first.Before(First)) First = first; if (Last.Before(last)) Last = last; }
            Posts += o.Posts;
            foreach (var e in o.Earliest.Span) Earliest.AddEarliest(e.Moved(actorMap));
            foreach (var m in o.OrganisationPosts.Span) OrganisationPosts.Add(m.Moved(actorMap));
            if (o.Mentioned is { } mm) foreach (int x in mm) if (!(Mentioned ??= new(1)).Contains(actorMap[x])) Mentioned.Add(actorMap[x]);
        }
    }

    /// <summary>Threads known.</summary>
    public int Count => Entries.Count;

    /// <summary>The id of the thread at <paramref name="index"/>.</summary>
    public string IdOf(int index) => Entries[index].Id;

    internal int Touch(string threadId)
    {
        if (_index.TryGetValue(threadId, out int t)) return t;
        t = Entries.Count;
        Entries.Add(new ThreadEntry(threadId)); _index[threadId] = t;
        return t;
    }

    internal int[] Merge(ThreadsState other, int[] actorMap)
    {
        var map = new int[other.Count];
        for (int i = 0; i < other.Count; i++)
        {
            int t = map[i] = Touch(other.Entries[i].Id);
            Entries[t].Merge(other.Entries[i], actorMap);
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
            var e = Entries[t];
            if (mode == ResponderMode.AnyOtherActor)
            {
                var asker = e.First;
                Mark? resp = null;
                foreach (var m in e.Earliest.Span) if (m.Actor != asker.Actor && (resp is null || m.Before(resp.Value))) resp = m;
                result.Add((t, Make(e, asker, null, resp, actors)));
                continue;
            }
            Mark? start = null;
            foreach (var m in e.Earliest.Span) if (!isOrg[m.Actor] && (start is null || m.Before(start.Value))) start = m;
            if (start is not { } f) continue; // only organisations posted: no citizen waiting
            involved.Clear();
            foreach (var m in e.OrganisationPosts.Span) if (isOrg[m.Actor] && !involved.Contains(m.Actor)) involved.Add(m.Actor);
            if (e.Mentioned is { } mm) foreach (int x in mm) if (isOrg[x] && !involved.Contains(x)) involved.Add(x);
            involved.Sort((x, y) => string.CompareOrdinal(actors[x].Id, actors[y].Id));
            foreach (int org in involved)
            {
                Mark? resp = null;
                foreach (var m in e.OrganisationPosts.Span) if (m.Actor == org && f.Before(m) && (resp is null || m.Before(resp.Value))) resp = m;
                result.Add((t, Make(e, f, actors[org].Id, resp, actors)));
            }
        }
        return result;
    }

    /// <summary>Thread indexes ordered by their first post.</summary>
    internal int[] InTimeOrder()
    {
        var order = new int[Entries.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (x, y) => Entries[x].First.Before(Entries[y].First) ? -1 : Entries[y].First.Before(Entries[x].First) ? 1 : 0);
        return order;
    }

    private static ConversationResponse Make(ThreadEntry e, Mark asked, string? responder, Mark? resp, ActorActivityState actors) =>
        new(e.Id, actors[asked.Actor].Id, responder, asked.Time, resp?.Time, resp is { } r ? actors[r.Actor].Id : null);

    internal void Write(BinaryWriter w)
    {
        w.Write(Entries.Count);
        foreach (var e in Entries)
        {
            w.Write(e.Id); w.Write(e.Posts);
            WriteMark(w, e.First); WriteMark(w, e.Last);
            WriteMarks(w, e.Earliest.Span); WriteMarks(w, e.OrganisationPosts.Span);
            var mm = e.Mentioned ?? [];
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
            if (s._index.ContainsKey(id)) throw new InvalidDataException($"state: thread '{id}' twice");
            var e = s.Entries[s.Touch(id)];
            e.Posts = StateFormat.ReadCount(r, StateFormat.MaxItems, "thread posts");
            e.First = ReadMark(r, actorCount); e.Last = ReadMark(r, actorCount);
            ReadMarks(r, actorCount, ref e.Earliest);
            ReadMarks(r, actorCount, ref e.OrganisationPosts);
            int nm = StateFormat.ReadCount(r, StateFormat.MaxItems, "mentioned actors");
            for (int k = 0; k < nm; k++) (e.Mentioned ??= []).Add(StateFormat.ReadIndex(r, actorCount, "actor"));
        }
        return s;
    }

    private static void WriteMark(BinaryWriter w, Mark m) { w.Write(m.Actor); w.Write(m.Ticks); w.Write(m.Tie); w.Write(m.Offset); }

    private static void WriteMarks(BinaryWriter w, ReadOnlySpan<Mark> marks) { w.Write(marks.Length); foreach (var m in marks) WriteMark(w, m); }

    private static Mark ReadMark(BinaryReader r, int actorCount)
    {
        int a = StateFormat.ReadIndex(r, actorCount, "actor");
        long t = StateFormat.ReadTicks(r);
        ulong tie = r.ReadUInt64();
        short off = r.ReadInt16();
        if (off is < -14 * 60 or > 14 * 60) throw new InvalidDataException($"state: UTC offset {off} minutes");
        return new Mark(a, t, tie, off);
    }

    private static void ReadMarks(BinaryReader r, int actorCount, ref ThreadMarks into)
    {
        int n = StateFormat.ReadCount(r, StateFormat.MaxItems, "thread marks");
        for (int i = 0; i < n; i++) into.Add(ReadMark(r, actorCount));
    }
}
