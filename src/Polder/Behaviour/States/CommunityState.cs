using Polder.Community;

namespace Polder.Behaviour.States;

/// <summary>
/// Every aggregate behind the behaviour figures of a community as one mergeable state: <see cref="Add(Post, Actor?, PostTextFacts?)"/> a post,
/// <see cref="Merge"/> another state, write it to and read it from a compact binary form, and read the figures back
/// (<see cref="Figures"/>, or the whole <see cref="BehaviourReport"/> with <see cref="Report()"/>), equal to what
/// <see cref="BehaviourAnalyzer"/> computes on the same posts. Made of smaller states:
/// <see cref="Counts"/> (posts by kind, hour of week), <see cref="Actors"/> (actors and their activity),
/// <see cref="Links"/> (who replied to whom; replies wait there for their parents), <see cref="Threads"/> (threads,
/// conversations and open conversations) and <see cref="Text"/> (sentiment and topics per window).
/// </summary>
/// <remarks>
/// <para><b>Merge rule.</b> Merging is associative and commutative; parts must be disjoint (no post in both): a post
/// that is in both makes <see cref="Merge"/> throw before anything changes. <see cref="Add(Post, Actor?, PostTextFacts?)"/> is idempotent by post id
/// (a repeated id returns false and changes nothing), so a grain that receives a batch twice stays right.
/// A reply's meaning depends on its parent: the links keep every reply with its parent's key, and the figures judge
/// each reply against the posts held when they are read, so a reply and its parent in different parts count once the
/// parts are merged. Until its parent arrives a reply counts as an unknown-parent reply (pending).</para>
/// <para><b>Order.</b> Posts at the same instant are ordered by their id key (the batch analysis keeps input order), so
/// a conversation whose question and answer share the same 100 ns tick may differ. A post without a thread id belongs
/// to the thread of its parent id (or its own id when it has none), which is the batch rule for one level of replies;
/// deeper chains need thread ids (every reader of Polder's formats gives them).</para>
/// <para><b>Memory</b>: per actor, per window and about 90 bytes per thread, plus about 47 bytes a post for the links
/// (no text). Not thread-safe: a grain serialises its calls.</para>
/// </remarks>
public sealed class CommunityState
{
    /// <summary>Creates an empty state; <paramref name="textWindow"/> is the window of the sentiment and topic counts (the options' window when null).</summary>
    public CommunityState(BehaviourOptions? options = null, TimeWindow? textWindow = null)
    {
        Options = options ?? BehaviourOptions.Default;
        Text = new TextWindowsState(textWindow ?? Options.Window);
        Threads = new ThreadsState(Links);
    }

    /// <summary>The options (time zone, window, organisations, responder mode).</summary>
    public BehaviourOptions Options { get; }

    /// <summary>Posts by kind, organisation posts, hour of week.</summary>
    public PostCountsState Counts { get; private set; } = new();

    /// <summary>Actors and their activity.</summary>
    public ActorActivityState Actors { get; private set; } = new();

    /// <summary>Who replied to whom.</summary>
    public PostLinksState Links { get; private set; } = new();

    /// <summary>Threads and conversations.</summary>
    public ThreadsState Threads { get; private set; }

    /// <summary>Sentiment and topics per window.</summary>
    public TextWindowsState Text { get; private set; }

    /// <summary>Posts held.</summary>
    public long Posts => Counts.Posts;

    /// <summary>True when a post with this id has been added.</summary>
    public bool Contains(string postId) => Links.Contains(postId);

    /// <summary>Describes an actor (role, attributes) without a post; what is already known wins.</summary>
    public void AddActor(Actor actor) => Actors.Describe(actor);

    /// <summary>
    /// Adds a post written by <paramref name="author"/> (at least its id; null: an actor with the post's author id),
    /// with what the text layer found in it when known. Returns false, changing nothing, when a post with the same id
    /// is already held.
    /// </summary>
    public bool Add(Post post, Actor? author = null, PostTextFacts? text = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (author is not null && author.Id != post.AuthorId) throw new ArgumentException($"the author '{author.Id}' is not the post's author '{post.AuthorId}'", nameof(author));
        ulong key = StateFormat.KeyOf(post.Id);
        if (Links.ContainsKey(key)) return false;
        int a = Actors.Describe(author ?? new Actor { Id = post.AuthorId });
        var mentions = post.Mentions.Count == 0 ? [] : new int[post.Mentions.Count];
        for (int i = 0; i < mentions.Length; i++) mentions[i] = Actors.Known(post.Mentions[i]);
        int sharedFrom = post.SharedFromId is { } shared ? Actors.Known(shared) : -1;
        bool byOrg = IsOrganisation(Actors[a]);
        long ticks = post.Time.UtcTicks;
        short offset = (short)post.Time.Offset.TotalMinutes;
        int t = Threads.Touch(ThreadIdOf(post));
        int p = Links.Add(key, new PostLinksState.Link
        {
            Ticks = ticks, Author = a, Thread = t, Kind = post.Kind,
            HasParent = post.ParentId is not null, Parent = post.ParentId is { } pid ? StateFormat.KeyOf(pid) : 0,
        }, mentions, sharedFrom, offset);
        Threads.Add(t, p, byOrg, mentions);
        Actors.AddPost(a, post.Kind, post.Likes, post.Shares);
        long local = LocalTicks(ticks);
        int day = (int)(local / TimeSpan.TicksPerDay);
        Counts.Add(ticks, offset, post.Kind, byOrg, day % 7 * 24 + (int)(local % TimeSpan.TicksPerDay / TimeSpan.TicksPerHour));
        if (text is { } f) Text.Add(day, f);
        return true;
    }

    /// <summary>Adds a post as the readers give it (<see cref="PostRecord"/>).</summary>
    public bool Add(PostRecord record, PostTextFacts? text = null) => Add(record.Post, record.Author, text);

    /// <summary>
    /// Adds everything <paramref name="other"/> holds to this state (<paramref name="other"/> is not changed). The
    /// options must agree; the parts must be disjoint (see the remarks).
    /// </summary>
    public void Merge(CommunityState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new InvalidOperationException("a state cannot be merged with itself: the parts must be disjoint");
        if (Options.TimeZone.Id != other.Options.TimeZone.Id || Options.Window != other.Options.Window || Options.Responders != other.Options.Responders
            || !Options.OrganisationIds.SetEquals(other.Options.OrganisationIds) || Text.Window != other.Text.Window)
            throw new InvalidOperationException("the states were made with different options");
        for (int i = 0; i < other.Links.Count; i++)
            if (Links.ContainsKey(other.Links.KeyAt(i))) throw new InvalidOperationException("the parts overlap: a post is in both states (add it to one only; Add skips repeated ids)");
        var actorMap = Actors.Merge(other.Actors);
        var threadMap = Threads.MapThreads(other.Threads);
        int postOffset = Links.Count;
        Links.Merge(other.Links, actorMap, threadMap);
        Threads.Merge(other.Threads, threadMap, actorMap, postOffset);   // its marks name the posts just merged
        Counts.Merge(other.Counts);
        Text.Merge(other.Text);
    }

    /// <summary>The thread a post belongs to in a state: its thread id, else its parent id, else its own id (see the remarks).</summary>
    public static string ThreadIdOf(Post post) => post.ThreadId ?? post.ParentId ?? post.Id;

    /// <summary>The index of the post's thread in <see cref="Threads"/> (the post must have been added).</summary>
    internal int ThreadIndexOf(Post post) => Threads.Touch(ThreadIdOf(post));

    private bool IsOrganisation(Actor actor) => actor.Role == ActorRole.Organisation || Options.OrganisationIds.Contains(actor.Id);

    private (int hourStart, long offset) _offsetCache = (int.MinValue, 0);

    private long LocalTicks(long utcTicks)
    {
        int hour = (int)(utcTicks / TimeSpan.TicksPerHour);
        if (hour != _offsetCache.hourStart)
            _offsetCache = (hour, Options.TimeZone.GetUtcOffset(new DateTime(utcTicks - utcTicks % TimeSpan.TicksPerHour, DateTimeKind.Utc)).Ticks);
        return utcTicks + _offsetCache.offset;
    }

    /// <summary>The key figures now (a snapshot; the state can go on taking posts).</summary>
    public CommunityFigures Figures() => StateSnapshot.Figures(this, Report());

    /// <summary>The whole behaviour report now, as <see cref="BehaviourAnalyzer.Analyze"/> gives it for the same posts.</summary>
    public BehaviourReport Report() => StateSnapshot.Report(this, null);

    /// <summary>
    /// The report of a state that takes no more posts and is read no more, but for its network (<c>StateInteractionGraph</c>,
    /// built before): it retires, dropping its key index and mentions once the replies are judged, and the report
    /// shares its thread ids instead of copying them. Calls <paramref name="betweenPhases"/> after each big phase (replies judged, actors, threads, conversations), when that
    /// phase's working arrays have become garbage: a caller that holds a big state can collect there (<c>polder analyze
    /// --stream</c> at 10M posts: the phases' arrays took the resident memory 560 MB above the state).
    /// </summary>
    internal BehaviourReport RetireIntoReport(Action betweenPhases) => StateSnapshot.Report(this, betweenPhases);

    // ---- the compact form

    /// <summary>Writes the state to <paramref name="stream"/> (binary, versioned; the stream is left open).</summary>
    public void WriteTo(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(StateFormat.Magic); w.Write(StateFormat.Version);
        w.Write(Options.TimeZone.Id); w.Write((byte)Options.Window); w.Write((byte)Options.Responders);
        var orgs = Options.OrganisationIds.Order(StringComparer.Ordinal).ToList();
        w.Write(orgs.Count); foreach (var o in orgs) w.Write(o);
        // the links before the threads, whose marks name posts by key, so a reader resolves each mark as it comes
        Counts.Write(w); Actors.Write(w); w.Write(Threads.Count); Links.Write(w); Threads.Write(w); Text.Write(w);
    }

    /// <summary>The state as bytes (<see cref="WriteTo"/>).</summary>
    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        WriteTo(ms);
        return ms.ToArray();
    }

    /// <summary>Reads a state written by <see cref="WriteTo"/>; damaged or foreign bytes give <see cref="InvalidDataException"/>.</summary>
    public static CommunityState ReadFrom(Stream stream) => ReadFrom(stream, null);

    /// <summary>
    /// Reads a state back with the options it was made with (<paramref name="options"/>: the compact form keeps the
    /// time zone, window, responder mode and organisations, not the municipality sizes); the kept ones must agree.
    /// </summary>
    internal static CommunityState ReadFrom(Stream stream, BehaviourOptions? options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            if (r.ReadInt32() != StateFormat.Magic) throw new InvalidDataException("not a Polder community state");
            int version = r.ReadInt32();
            if (version != StateFormat.Version) throw new InvalidDataException($"community state version {version}; this Polder reads version {StateFormat.Version}");
            var zoneId = StateFormat.ReadPlain(r);
            TimeZoneInfo zone;
            try { zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId); }
            catch (TimeZoneNotFoundException e) { throw new InvalidDataException($"state: unknown time zone '{zoneId}'", e); }
            byte window = r.ReadByte(), responders = r.ReadByte();
            if (!Enum.IsDefined((TimeWindow)window) || !Enum.IsDefined((ResponderMode)responders)) throw new InvalidDataException("state: bad window or responder mode");
            int no = StateFormat.ReadCount(r, 1_000_000, "organisation ids");
            var orgs = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < no; i++) orgs.Add(StateFormat.ReadPlain(r));
            var read = new BehaviourOptions { TimeZone = zone, Window = (TimeWindow)window, Responders = (ResponderMode)responders, OrganisationIds = orgs };
            if (options is not null && (options.TimeZone.Id != zoneId || options.Window != read.Window || options.Responders != read.Responders || !options.OrganisationIds.SetEquals(orgs)))
                throw new InvalidDataException("state: made with other options");
            var s = new CommunityState(options ?? read) { Counts = PostCountsState.Read(r) };
            s.Actors = ActorActivityState.Read(r);
            int threads = StateFormat.ReadCount(r, StateFormat.MaxItems, "threads");
            s.Links = PostLinksState.Read(r, s.Actors.Count, threads);
            s.Threads = ThreadsState.Read(r, s.Actors.Count, threads, s.Links);
            s.Text = TextWindowsState.Read(r);
            if (s.Links.Count != s.Counts.Posts) throw new InvalidDataException("state: the links and the counts hold different numbers of posts");
            s.Actors.CheckPostCounts(s.Links);
            return s;
        }
        catch (EndOfStreamException e) { throw new InvalidDataException("the community state is cut short", e); }
    }

    /// <summary>Reads a state from bytes (<see cref="ReadFrom(Stream)"/>).</summary>
    public static CommunityState FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var ms = new MemoryStream(bytes, writable: false);
        return ReadFrom(ms);
    }
}
