using Polder.Community.Reading;
using Polder.Service.Grains;

namespace Polder.Service.Api;

/// <summary>
/// Turns a request body of JSON lines into posts with the library's one reader (<see cref="JsonLinesPostReader"/>,
/// Polder's own layout: the <see cref="CommunityFormats.PolderCsv"/> column names as JSON properties), failing on the
/// first bad line so that nothing of a malformed request is stored.
/// </summary>
public static class PostBatch
{
    /// <summary>The read options for a request: fail fast, records at most 1 MiB.</summary>
    public static ReadOptions Options { get; } = new() { Policy = ReadPolicy.FailFast, MaxRecordBytes = 1024 * 1024, MaxFieldBytes = 1024 * 1024 };

    /// <summary>
    /// Reads every post of <paramref name="body"/>; throws <see cref="CommunityReadException"/> (line and field) on the
    /// first bad line, or when there are more than <paramref name="maxPosts"/> posts.
    /// </summary>
    public static PostMessage[] Read(Stream body, string sourceName, int maxPosts)
    {
        var reader = new JsonLinesPostReader(body, sourceName, CommunityFormats.PolderCsv, Options);
        var posts = new List<PostMessage>();
        foreach (var r in reader.Read())
        {
            if (posts.Count == maxPosts)
                throw new CommunityReadException(new ReadIssue(sourceName, r.Line, null, $"more than {maxPosts} posts in one request"));
            posts.Add(PostMessage.From(r));
        }
        if (posts.Count == 0) throw new CommunityReadException(new ReadIssue(sourceName, reader.Report.RowsRead + 1, null, "no posts"));
        return [.. posts];
    }
}
