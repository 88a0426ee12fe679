namespace Polder.Prediction.Engagement;

/// <summary>One message of a threaded community (a thread root or a reply), as the engagement predictor needs it.</summary>
/// <param name="Id">Message id.</param>
/// <param name="ThreadId">Id of the thread's root message.</param>
/// <param name="ParentId">Id of the message replied to; empty for a thread root.</param>
/// <param name="Author">Author name (<c>[deleted]</c> and the like are kept as they are).</param>
/// <param name="Created">Posting time, Unix seconds.</param>
/// <param name="Title">Title (roots only; empty otherwise).</param>
/// <param name="Text">Body text.</param>
public sealed record EngagementPost(string Id, string ThreadId, string ParentId, string Author, long Created, string Title, string Text)
{
    /// <summary>True for a thread root.</summary>
    public bool IsRoot => ParentId.Length == 0;

    /// <summary>
    /// The posts of a built community (any layout the community readers take: Polder CSV such as the simulator's,
    /// political tweets, reddit) as the predictors read them, in the community's order. The thread is the community's
    /// thread of each post, a missing parent is empty, times become Unix seconds (sub-second parts dropped).
    /// </summary>
    public static EngagementPost[] From(Polder.Community.OnlineCommunity community)
    {
        ArgumentNullException.ThrowIfNull(community);
        var posts = community.Posts;
        var result = new EngagementPost[posts.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var p = posts[i];
            result[i] = new EngagementPost(p.Id, community.ThreadOfPost(p.Id), p.ParentId ?? "", p.AuthorId, p.Time.ToUnixTimeSeconds(), p.Title ?? "", p.Text);
        }
        return result;
    }

    /// <summary>
    /// Reads a messages CSV with columns message_id, thread_id, parent_id, author, created (Unix seconds), title, text
    /// (RFC 4180: quoted fields may hold line breaks). Other columns (such as upvotes) are ignored: they are not known
    /// at posting time.
    /// </summary>
    /// <exception cref="InvalidDataException">A missing column, a malformed or empty field, or a message id used twice,
    /// naming the file, the line and the field: no row is dropped silently.</exception>
    public static IReadOnlyList<EngagementPost> ReadCsv(string path)
    {
        string[] required = ["message_id", "thread_id", "parent_id", "author", "created", "title", "text"];
        using var csv = Polder.Data.CsvReader.OpenFile(path);
        var index = csv.ReadHeader(required);
        var list = new List<EngagementPost>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        string[]? rec;
        while ((rec = csv.Read()) is not null)
        {
            string Field(string name) => rec[index[name]];
            InvalidDataException Bad(string name, string why) => new($"{path}:{csv.LineNumber}: field {name}: '{Field(name)}' {why}");
            if (!long.TryParse(Field("created").Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var created))
                throw Bad("created", "is not a Unix time in whole seconds");
            string id = Field("message_id").Trim();
            if (id.Length == 0) throw Bad("message_id", "is empty");
            if (Field("thread_id").Trim().Length == 0) throw Bad("thread_id", "is empty");
            if (!seen.TryAdd(id, csv.LineNumber)) throw Bad("message_id", $"was already used on line {seen[id]}");
            list.Add(new EngagementPost(id, Field("thread_id").Trim(), Field("parent_id").Trim(), Field("author"), created, Field("title"), Field("text")));
        }
        return list;
    }
}
