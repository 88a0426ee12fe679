using Polder.Community;

namespace Polder.Behaviour.States;

/// <summary>
/// Plain counters: posts by kind, organisation posts, posts per hour of the week (local time), the first and last
/// post. Merging adds them (first/last: the earlier/later). Exact. Not thread-safe.
/// </summary>
public sealed class PostCountsState
{
    private readonly long[] _byKind = new long[4];
    internal readonly long[] HourOfWeek = new long[168];
    internal long FirstTicks = long.MaxValue, LastTicks = long.MinValue;
    internal short FirstOffset, LastOffset;

    /// <summary>Posts counted.</summary>
    public long Posts { get; private set; }

    /// <summary>Posts written by organisations (role organisation or listed in the options).</summary>
    public long OrganisationPosts { get; private set; }

    /// <summary>Posts of one kind.</summary>
    public long OfKind(PostKind kind) => _byKind[(int)kind];

    /// <summary>The first post's time, or null when empty.</summary>
    public DateTimeOffset? FirstPost => Posts == 0 ? null : new DateTimeOffset(FirstTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(FirstOffset));

    /// <summary>The last post's time, or null when empty.</summary>
    public DateTimeOffset? LastPost => Posts == 0 ? null : new DateTimeOffset(LastTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(LastOffset));

    internal void Add(long utcTicks, short offset, PostKind kind, bool byOrganisation, int hourOfWeek)
    {
        Posts++; _byKind[(int)kind]++;
        if (byOrganisation) OrganisationPosts++;
        HourOfWeek[hourOfWeek]++;
        // first: the earliest (ties: the first seen, as the batch keeps input order); last: the latest (ties: the last seen)
        if (utcTicks < FirstTicks) { FirstTicks = utcTicks; FirstOffset = offset; }
        if (utcTicks >= LastTicks) { LastTicks = utcTicks; LastOffset = offset; }
    }

    internal void Merge(PostCountsState o)
    {
        Posts += o.Posts; OrganisationPosts += o.OrganisationPosts;
        for (int i = 0; i < 4; i++) _byKind[i] += o._byKind[i];
        for (int i = 0; i < 168; i++) HourOfWeek[i] += o.HourOfWeek[i];
        if (o.Posts == 0) return;
        if (o.FirstTicks < FirstTicks) { FirstTicks = o.FirstTicks; FirstOffset = o.FirstOffset; }
        if (o.LastTicks > LastTicks) { LastTicks = o.LastTicks; LastOffset = o.LastOffset; }
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(Posts); w.Write(OrganisationPosts);
        foreach (var k in _byKind) w.Write(k);
        foreach (var h in HourOfWeek) w.Write(h);
        w.Write(FirstTicks); w.Write(FirstOffset); w.Write(LastTicks); w.Write(LastOffset);
    }

    internal static PostCountsState Read(BinaryReader r)
    {
        var s = new PostCountsState { Posts = r.ReadInt64(), OrganisationPosts = r.ReadInt64() };
        for (int i = 0; i < 4; i++) s._byKind[i] = r.ReadInt64();
        for (int i = 0; i < 168; i++) s.HourOfWeek[i] = r.ReadInt64();
        s.FirstTicks = r.ReadInt64(); s.FirstOffset = r.ReadInt16(); s.LastTicks = r.ReadInt64(); s.LastOffset = r.ReadInt16();
        if (s.Posts < 0 || s._byKind.Sum() != s.Posts || s.HourOfWeek.Sum() != s.Posts) throw new InvalidDataException("state: the post counts do not add up");
        return s;
    }
}
