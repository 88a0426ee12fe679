namespace Polder.Prediction;

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
    /// Reads a messages CSV with columns message_id, thread_id, parent_id, author, created (Unix seconds), title, text
    /// (RFC 4180: quoted fields may hold line breaks). Other columns (such as upvotes) are ignored: they are not known
    /// at posting time.
    /// </summary>
    public static IReadOnlyList<EngagementPost> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        var list = new List<EngagementPost>();
        foreach (var r in CsvRecords.ReadWithHeader(reader))
        {
            if (!long.TryParse(r("created"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var created)) continue;
            list.Add(new EngagementPost(r("message_id"), r("thread_id"), r("parent_id"), r("author"), created, r("title"), r("text")));
        }
        return list;
    }
}
