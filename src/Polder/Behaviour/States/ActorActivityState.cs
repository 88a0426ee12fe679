using Polder.Community;
using Polder.Networks;

namespace Polder.Behaviour.States;

/// <summary>
/// The actors of a community state and their activity: who they are (role, attributes; described by the posts'
/// rows or <see cref="Describe"/>), posts and shares written, likes and shares received. Every post's time, kind and
/// author are in the state's <see cref="PostLinksState"/>, so burstiness and the per-window activity read them there
/// instead of a second copy per actor (8 bytes a post, 80 MB at 10M posts); here each actor is counters only.
/// Mentioned actors that never post are actors too (as in <see cref="CommunityBuilder"/>). Merging is exact: the union
/// of actors and the sums of their counters. Not thread-safe.
/// </summary>
public sealed class ActorActivityState
{
    private readonly List<Actor> _actors = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    internal readonly List<ActorPosts?> Posts = [];

    internal sealed class ActorPosts
    {
        public int Count, Shares;
        public long LikesReceived, SharesReceived;
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

    internal void AddPost(int actor, PostKind kind, int likes, int shares)
    {
        var p = Posts[actor] ??= new ActorPosts();
        p.Count++;
        if (kind is PostKind.Retweet or PostKind.Quote) p.Shares++;
        p.LikesReceived += likes; p.SharesReceived += shares;
    }

    /// <summary>Posts written by the actor at <paramref name="index"/>.</summary>
    public int PostCount(int index) => Posts[index]?.Count ?? 0;

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
            p.Count += o.Count;
            p.Shares += o.Shares; p.LikesReceived += o.LikesReceived; p.SharesReceived += o.SharesReceived;
        }
        return map;
    }

    /// <summary>Damage check of a state read back: each actor's post count must be the number of links it wrote.</summary>
    internal void CheckPostCounts(PostLinksState links)
    {
        var written = new int[Count];
        for (int i = 0; i < links.Count; i++) written[links[i].Author]++;
        for (int a = 0; a < Count; a++)
            if (written[a] != PostCount(a)) throw new InvalidDataException($"state: actor '{_actors[a].Id}' has {PostCount(a)} posts, the links {written[a]}");
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
            w.Write(p?.Count ?? 0);
            if (p is null) continue;
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
            var p = s.Posts[a] = new ActorPosts { Count = np };
            p.Shares = r.ReadInt32(); p.LikesReceived = r.ReadInt64(); p.SharesReceived = r.ReadInt64();
        }
        return s;
    }
}
