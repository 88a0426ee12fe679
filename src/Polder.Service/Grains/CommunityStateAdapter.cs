using Polder.Community;

namespace Polder.Service.Grains;

/// <summary>
/// The thin adapter between a grain and the library's mergeable community state: add, merge, the compact form, and the
/// figures and open conversations as the service returns them. Not thread-safe (a grain's own).
/// </summary>
internal sealed class CommunityStateAdapter
{
    // PROVISIONAL until the library's CommunityState lands: counts only.
    private long _posts;
    private long _first = long.MaxValue, _last = long.MinValue;
    private readonly HashSet<string> _actors = new(StringComparer.Ordinal);

    public long Posts => _posts;

    public void Add(Post post, Actor author)
    {
        _posts++;
        _first = Math.Min(_first, post.Time.UtcTicks);
        _last = Math.Max(_last, post.Time.UtcTicks);
        _actors.Add(author.Id);
    }

    public void Merge(CommunityStateAdapter other)
    {
        _posts += other._posts;
        _first = Math.Min(_first, other._first);
        _last = Math.Max(_last, other._last);
        _actors.UnionWith(other._actors);
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms))
        {
            w.Write(_posts); w.Write(_first); w.Write(_last); w.Write(_actors.Count);
            foreach (var a in _actors) w.Write(a);
        }
        return ms.ToArray();
    }

    public static CommunityStateAdapter FromBytes(byte[] bytes)
    {
        var s = new CommunityStateAdapter();
        if (bytes.Length == 0) return s;
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
        s._posts = r.ReadInt64(); s._first = r.ReadInt64(); s._last = r.ReadInt64();
        int n = r.ReadInt32();
        for (int i = 0; i < n; i++) s._actors.Add(r.ReadString());
        return s;
    }

    public CommunityFigures Figures(string community) => new(
        community, _posts,
        _posts == 0 ? null : new DateTimeOffset(_first, TimeSpan.Zero),
        _posts == 0 ? null : new DateTimeOffset(_last, TimeSpan.Zero),
        [
            new FigureValue("posts", "berichten", _posts, "", "Community"),
            new FigureValue("active_actors", "actieve deelnemers", _actors.Count, "", "Community"),
        ]);

    public OpenConversationInfo[] OpenConversations(int max) => [];
}
