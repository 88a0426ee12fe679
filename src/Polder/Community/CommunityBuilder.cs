using System.Runtime.InteropServices;

namespace Polder.Community;

/// <summary>
/// Collects posts and actors and builds an immutable <see cref="OnlineCommunity"/>. Not thread-safe: fill it from one thread.
/// </summary>
public sealed class CommunityBuilder
{
    private readonly List<Post> _posts = [];
    // post id -> input position; handed to the community as its id index by Build (then rebuilt if the builder is reused)
    private Dictionary<string, int> _postIds = new(StringComparer.Ordinal);
    private bool _postIdsGiven;
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
        var ids = PostIds();
        if (!ids.TryAdd(post.Id, _posts.Count)) return false;
        _posts.Add(post);
        AddActor(author ?? new Actor { Id = post.AuthorId });
        return true;
    }

    /// <summary>Adds an accepted reader record; returns false for a duplicate post id.</summary>
    public bool Add(PostRecord record) => Add(record.Post, record.Author);

    /// <summary>
    /// Like <see cref="Add(PostRecord)"/> for a post the reader just made (nobody else holds it): a parent or thread id
    /// naming a post added before is replaced by that post's own id instance, so a big community keeps each id once.
    /// </summary>
    internal bool AddRead(PostRecord record)
    {
        var post = record.Post;
        string? parent = SharedId(post.ParentId), thread = SharedId(post.ThreadId);
        if (!ReferenceEquals(parent, post.ParentId) || !ReferenceEquals(thread, post.ThreadId))
            post = post with { ParentId = parent, ThreadId = thread };
        return Add(post, record.Author);
    }

    private string? SharedId(string? id) =>
        id is not null && PostIds().TryGetValue(id, out int at) ? _posts[at].Id : id;

    private Dictionary<string, int> PostIds()
    {
        if (_postIdsGiven)
        {
            _postIds = new Dictionary<string, int>(_posts.Count, StringComparer.Ordinal);
            for (int i = 0; i < _posts.Count; i++) _postIds[_posts[i].Id] = i;
            _postIdsGiven = false;
        }
        return _postIds;
    }

    /// <summary>Builds the community. The builder can be reused afterwards but keeps its content.</summary>
    public OnlineCommunity Build()
    {
        int n = _posts.Count;
        var order = new int[n];
        var sortedKeys = new long[n];
        for (int i = 0; i < n; i++) { order[i] = i; sortedKeys[i] = _posts[i].Time.UtcTicks; }
        // stable: sort by (ticks, input index): a primitive key sort, then equal-key runs put back in input order
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

        // the id index the builder kept (id -> input position) becomes the community's (id -> time position)
        var postIndex = PostIds();
        for (int i = 0; i < n; i++) CollectionsMarshal.GetValueRefOrNullRef(postIndex, posts[i].Id) = i;
        postIndex.TrimExcess(); // it grew by doubling while reading; the community keeps it for good
        _postIdsGiven = true;
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
