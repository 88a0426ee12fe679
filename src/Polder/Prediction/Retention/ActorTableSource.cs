using Polder.Community;
using Polder.Prediction.Engagement;
using Polder.Prediction.Features;

namespace Polder.Prediction.Retention;

/// <summary>
/// The actor tables of one <see cref="EngagementPost"/> list at chosen period ends, for <see cref="ActorTableColumns"/>:
/// builds the community once, computes each post's text signals once (a post's sentiment, topic and places depend on
/// its own text only, and overlapping periods would otherwise analyse it again) and keeps each table it built.
/// Not thread-safe: one per evaluation or feature build.
/// </summary>
internal sealed class ActorTableSource
{
    private readonly OnlineCommunity _community;
    private readonly ActorTableColumns _columns;
    private readonly Dictionary<string, int> _postIndex;
    private readonly Dictionary<long, (FeatureTable Table, Dictionary<string, int> Rows)> _tables = [];
    // Text signals of the community's posts (time order), computed for a growing prefix as later period ends are asked for.
    private readonly double[] _score;
    private readonly Sentiment.SentimentLabel[] _label;
    private readonly int[] _topic;
    private readonly IReadOnlyList<Places.PlaceMention>[] _places;
    private int _signalled;

    public ActorTableSource(IReadOnlyList<EngagementPost> posts, ActorTableColumns columns)
    {
        _columns = columns;
        _community = ToCommunity(posts);
        var all = _community.Posts;
        _postIndex = new Dictionary<string, int>(all.Count, StringComparer.Ordinal);
        for (int i = 0; i < all.Count; i++) _postIndex[all[i].Id] = i;
        _score = new double[all.Count];
        _label = new Sentiment.SentimentLabel[all.Count];
        _topic = new int[all.Count];
        _places = new IReadOnlyList<Places.PlaceMention>[all.Count];
    }

    public ActorTableColumns Columns => _columns;

    /// <summary>The actor id a post author has in the table's community (the reddit reader's "[deleted]" for an empty name).</summary>
    public static string ActorId(string author) => author.Length == 0 ? "[deleted]" : author;

    /// <summary>
    /// The posts as a community: roots and replies with their thread, title and text, author ids as <see cref="ActorId"/>;
    /// no likes or shares (they are not in <see cref="EngagementPost"/>: counts collected later are not known at a period's end).
    /// </summary>
    public static OnlineCommunity ToCommunity(IReadOnlyList<EngagementPost> posts)
    {
        var b = new CommunityBuilder();
        foreach (var p in posts)
            b.Add(new Post
            {
                Id = p.Id,
                AuthorId = ActorId(p.Author),
                Text = p.Text ?? "",
                Title = string.IsNullOrEmpty(p.Title) ? null : p.Title,
                Time = DateTimeOffset.FromUnixTimeSeconds(p.Created),
                Kind = p.IsRoot ? PostKind.Post : PostKind.Reply,
                ParentId = p.IsRoot ? null : p.ParentId,
                ThreadId = string.IsNullOrEmpty(p.ThreadId) ? null : p.ThreadId,
            });
        return b.Build();
    }

    /// <summary>The table of the period [<paramref name="end"/> − <see cref="ActorTableColumns.PeriodDays"/> days, <paramref name="end"/>) (Unix s).</summary>
    public FeatureTable TableAt(long end) => Get(end).Table;

    /// <summary>
    /// Writes <paramref name="author"/>'s row of the table ending at <paramref name="end"/> (Unix s) into
    /// <paramref name="destination"/> (<see cref="ActorTableColumns.Count"/> values); NaN when the author did not post in the period.
    /// </summary>
    public void CopyRow(string author, long end, Span<float> destination)
    {
        var (table, rows) = Get(end);
        if (rows.TryGetValue(ActorId(author), out int r)) table.Row(r).CopyTo(destination);
        else destination[.._columns.Count].Fill(float.NaN);
    }

    private (FeatureTable Table, Dictionary<string, int> Rows) Get(long end)
    {
        if (_tables.TryGetValue(end, out var known)) return known;
        var to = DateTimeOffset.FromUnixTimeSeconds(end);
        var from = to.AddDays(-_columns.PeriodDays);
        var table = ActorFeatureTable.Build(_community, from, to, _columns.Options, SignalsOf);
        var rows = new Dictionary<string, int>(table.RowCount, StringComparer.Ordinal);
        var ids = table.KeyColumn("ActorId");
        for (int r = 0; r < ids.Length; r++) rows[ids[r]] = r;
        return _tables[end] = (table, rows);
    }

    private PostSignals SignalsOf(IReadOnlyList<Post> periodPosts)
    {
        var indices = new int[periodPosts.Count];
        int upTo = _signalled;
        for (int i = 0; i < indices.Length; i++) { indices[i] = _postIndex[periodPosts[i].Id]; upTo = Math.Max(upTo, indices[i] + 1); }
        if (upTo > _signalled)
        {
            // Only the posts not analysed yet, in one parallel pass.
            var fresh = new PostSignals(_community.Posts.Skip(_signalled).Take(upTo - _signalled).ToArray(), _columns.Options);
            for (int k = 0; k < upTo - _signalled; k++)
            {
                _score[_signalled + k] = fresh.Score[k]; _label[_signalled + k] = fresh.Label[k];
                _topic[_signalled + k] = fresh.Topic[k]; _places[_signalled + k] = fresh.Places[k];
            }
            _signalled = upTo;
        }
        return PostSignals.FromArrays(_score, _label, _topic, _places, indices);
    }
}
