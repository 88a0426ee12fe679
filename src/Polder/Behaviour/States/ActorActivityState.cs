using Polder.Community;
using Polder.Networks;

namespace Polder.Behaviour.States;

/// <summary>
/// The actors of a community state and their activity: who they are (role, attributes; described by the posts'
/// rows or <see cref="Describe"/>), each post time with its kind, shares written, likes and shares received. Each
/// actor's post times are kept (8 bytes a post: time and kind in one long), because burstiness and the per-window activity need
/// the gaps and windows of every post; everything else is a counter. Mentioned actors that never post are actors too
/// (as in <see cref="CommunityBuilder"/>). Merging is exact: the union of actors and the concatenation of their times.
/// Not thread-safe.
/// </summary>
public sealed class ActorActivityState
{
    private readonly List<Actor> _actors = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    internal readonly List<ActorPosts?> Posts = [];

    internal sealed class ActorPosts
    {
        // per post its UTC ticks shifted left by two, the kind in the low two bits: 8 bytes a post, not 12 (ticks < 2^62)
        public List<long> Stamps = [];
        public int Shares;
        public long LikesReceived, SharesReceived;

        public static long Stamp(long utcTicks, PostKind kind) => utcTicks << 2 | (long)kind;

        public static long TicksOf(long stamp) => stamp >> 2;

        public static PostKind KindOf(long stamp) => (PostKind)(stamp & 3);
    }

    /// <summary>Actors known (authors, mentioned and re-shared actors), empty and deleted authors included.</summary>
    public int Count => _actors.Count;

    /// <summary>The actor at <paramref name="index"/>.</summary>
    public Actor this[int index] => _actors[index];

    /// <summary>The index of the actor with this id, or −1.</summary>
    public int IndexOf(string id) => _index.TryGetValue(id, out int a) ? a : -1;

    /// <summary>Adds or completes an actor (what is already known wins, as <see cref="Actor.MergeWith"/>); returns its index.</summary>
    public int Describe(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (_index.TryGetValue(actor.Id, out int a))
        {
            var merged = _actors[a].MergeWith(actor);
            if (!ReferenceEquals(merged, _actors[a])) _actors[a] = merged;
            return a;
        }
        a = _actors.Count;
        _actors.Add(actor); Posts.Add(null); _index[actor.Id] = a;
        return a;
    }

    internal int Known(string id) => _index.TryGetValue(id, out int a) ? a : Describe(new Actor { Id = id });

    internal void AddPost(int actor, long utcTicks, PostKind kind, int likes, int shares)
    {
        var p = Posts[actor] ??= new ActorPosts();
        p.Stamps.Add(ActorPosts.Stamp(utcTicks, kind));
        if (kind is PostKind.Retweet or PostKind.Quote) p.Shares++;
        p.LikesReceived += likes; p.SharesReceived += shares;
    }

    /// <summary>Posts written by the actor at <paramref name="index"/>.</summary>
    public int PostCount(int index) => Posts[index]?.Stamps.Count ?? 0;

    /// <summary>True for an empty, "[deleted]" or "[removed]" author: no actor (docs/behaviour-metrics.md).</summary>
    public bool IsUnknown(int index) => PostInteractions.IsUnknownAuthor(_actors[index].Id);

    /// <summary>Merges <paramref name="other"/> into this state; returns where each of its actors went.</summary>
    internal int[] Merge(ActorActivityState other)
    {
        var map = new int[other.Count];
        for (int i = 0; i < other.Count; i++)
        {
            int a = map[i] = Describe(other._actors[i]);
            if (other.Posts[i] is not { } o) continue;
            var p = Posts[a] ??= new ActorPosts();
            p.Stamps.AddRange(o.Stamps);
            p.Shares += o.Shares; p.LikesReceived += o.LikesReceived; p.SharesReceived += o.SharesReceived;
        }
        return map;
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(_actors.Count);
        for (int i = 0; i < _actors.Count; i++)
        {
            var a = _actors[i];
            w.Write(a.Id); StateFormat.WriteString(w, a.DisplayName); w.Write((byte)a.Role);
            w.Write(a.Attributes.Count);
            foreach (var (k, v) in a.Attributes) { w.Write(k); w.Write(v); }
            var p = Posts[i];
            w.Write(p?.Stamps.Count ?? 0);
            if (p is null) continue;
            foreach (long stamp in p.Stamps) { w.Write(ActorPosts.TicksOf(stamp)); w.Write((byte)ActorPosts.KindOf(stamp)); }
            w.Write(p.Shares); w.Write(p.LikesReceived); w.Write(p.SharesReceived);
        }
    }

    internal static ActorActivityState Read(BinaryReader r)
    {
        var s = new ActorActivityState();
        int n = StateFormat.ReadCount(r, StateFormat.MaxItems, "actors");
        for (int i = 0; i < n; i++)
        {
            var id = StateFormat.ReadPlain(r);
            var name = StateFormat.ReadString(r);
            byte role = r.ReadByte();
            if (role > (byte)ActorRole.Media) throw new InvalidDataException($"state: actor '{id}' has role {role}");
            int na = StateFormat.ReadCount(r, 1000, "attributes");
            var attrs = na == 0 ? Actor.EmptyAttributes : new Dictionary<string, string>(na, StringComparer.Ordinal);
            for (int k = 0; k < na; k++) ((Dictionary<string, string>)attrs)[StateFormat.ReadPlain(r)] = StateFormat.ReadPlain(r);
            if (s.IndexOf(id) >= 0) throw new InvalidDataException($"state: actor '{id}' twice");
            int a = s.Describe(new Actor { Id = id, DisplayName = name, Role = (ActorRole)role, Attributes = attrs });
            int np = StateFormat.ReadCount(r, StateFormat.MaxItems, "actor posts");
            if (np == 0) continue;
            var p = s.Posts[a] = new ActorPosts { Stamps = new List<long>(np) };
            for (int k = 0; k < np; k++)
            {
                long ticks = StateFormat.ReadTicks(r);
                byte kind = r.ReadByte();
                if (kind > (byte)PostKind.Quote) throw new InvalidDataException($"state: post kind {kind}");
                p.Stamps.Add(ActorPosts.Stamp(ticks, (PostKind)kind));
            }
            p.Shares = r.ReadInt32(); p.LikesReceived = r.ReadInt64(); p.SharesReceived = r.ReadInt64();
        }
        return s;
    }
}
