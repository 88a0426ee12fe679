namespace Polder.Community;

/// <summary>
/// Collects posts and actors and builds an immutable <see cref="OnlineCommunity"/>. Not thread-safe: fill it from one thread.
/// </summary>
public sealed class CommunityBuilder
{
    private readonly List<Post> _posts = [];
    private readonly HashSet<string> _postIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Actor> _actors = new(StringComparer.Ordinal);
    private readonly List<string> _actorOrder = [];

    /// <summary>Number of posts added so far.</summary>
    public int Count => _posts.Count;

    /// <summary>Adds or enriches an actor (known values win over new ones).</summary>
    public void AddActor(Actor actor)
    {
        if (_actors.TryGetValue(actor.Id, out var known))
        {
            if (ReferenceEquals(known, actor)) return;
            var merged = known.MergeWith(actor);
            if (!ReferenceEquals(merged, known)) _actors[actor.Id] = merged;
        }
        else { _actors[actor.Id] = actor; _actorOrder.Add(actor.Id); }
    }

    /// <summary>Adds a post; returns false (and adds nothing) when a post with the same id was added before.</summary>
    public bool Add(Post post, Actor? author = null)
    {
        if (!_postIds.Add(post.Id)) return false;
        _posts.Add(post);
        AddActor(author ?? new Actor { Id = post.AuthorId });
        return true;
    }

    /// <summary>Adds an accepted reader record; returns false for a duplicate post id.</summary>
    public bool Add(PostRecord record) => Add(record.Post, record.Author);

    /// <summary>Builds the community. The builder can be reused afterwards but keeps its content.</summary>
    public OnlineCommunity Build()
    {
        int n = _posts.Count;
        var order = new int[n];
        var keys = new long[n];
        for (int i = 0; i < n; i++) { order[i] = i; keys[i] = _posts[i].Time.UtcTicks; }
        // stable: sort by (ticks, input index): a primitive key sort, then equal-key runs put back in input order
        var sortedKeys = (long[])keys.Clone();
        Array.Sort(sortedKeys, order);
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && sortedKeys[j] == sortedKeys[i]) j++;
            if (j - i > 1) Array.Sort(order, i, j - i);
            i = j;
        }
        var posts = new Post[n];
        var ticks = sortedKeys;
        for (int i = 0; i < n; i++) posts[i] = _posts[order[i]];

        // mentioned actors that never wrote become actors too
        var actorOrder = new List<string>(_actorOrder);
        var actors = new Dictionary<string, Actor>(_actors, StringComparer.Ordinal);
        foreach (var p in posts)
        {
            foreach (var m in p.Mentions) if (!actors.ContainsKey(m)) { actors[m] = new Actor { Id = m }; actorOrder.Add(m); }
            if (p.SharedFromId is { } s && !actors.ContainsKey(s)) { actors[s] = new Actor { Id = s }; actorOrder.Add(s); }
        }
        var actorArray = new Actor[actorOrder.Count];
        var actorIndex = new Dictionary<string, int>(actorOrder.Count, StringComparer.Ordinal);
        for (int i = 0; i < actorArray.Length; i++) { actorArray[i] = actors[actorOrder[i]]; actorIndex[actorOrder[i]] = i; }

        var postIndex = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++) postIndex[posts[i].Id] = i;
        var author = new int[n];
        var parent = new int[n];
        var mentionStart = new int[n + 1];
        var mentionActor = new List<int>();
        int unknown = 0;
        for (int i = 0; i < n; i++)
        {
            var p = posts[i];
            author[i] = actorIndex[p.AuthorId];
            if (p.ParentId is null) parent[i] = OnlineCommunity.NoParent;
            else if (postIndex.TryGetValue(p.ParentId, out int pi) && pi != i) parent[i] = pi;
            else { parent[i] = OnlineCommunity.UnknownParent; unknown++; }
            foreach (var m in p.Mentions) mentionActor.Add(actorIndex[m]);
            mentionStart[i + 1] = mentionActor.Count;
        }
        return new OnlineCommunity(posts, actorArray, actorIndex, postIndex, ticks, author, parent, mentionStart, mentionActor.ToArray())
        {
            UnknownParentCount = unknown,
        };
    }
}
