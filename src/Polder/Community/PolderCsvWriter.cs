using System.Globalization;
using Polder.Community.Reading;

namespace Polder.Community;

/// <summary>
/// Writes posts in Polder's own CSV layout (<see cref="CommunityFormats.PolderCsv"/>; RFC 4180 quoting, UTF-8 without
/// BOM, '\n' line ends, times in ISO 8601 with offset). Not thread-safe.
/// </summary>
public sealed class PolderCsvWriter : IDisposable
{
    private readonly CsvWriter _w;

    /// <summary>Writes to <paramref name="stream"/> (left open) and writes the header.</summary>
    public PolderCsvWriter(Stream stream)
    {
        _w = new CsvWriter(stream);
        _w.WriteRecord(CommunityFormats.PolderCsvColumns);
    }

    /// <summary>Rows written.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one post with what is known of its author.</summary>
    public void Write(Post post, Actor author)
    {
        _w.WriteField(post.Id); _w.WriteField(post.ThreadId); _w.WriteField(post.ParentId); _w.WriteField(post.AuthorId);
        _w.WriteField(author.DisplayName); _w.WriteField(author.Role == ActorRole.Unknown ? "" : RowConverter.RoleName(author.Role));
        _w.WriteField(author.Attribute(Actor.OrganisationType)); _w.WriteField(author.Attribute(Actor.Municipality));
        _w.WriteField(author.Attribute(Actor.Neighbourhood));
        _w.WriteField(post.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        _w.WriteField(RowConverter.KindName(post.Kind));
        _w.WriteField(post.Likes.ToString(CultureInfo.InvariantCulture)); _w.WriteField(post.Shares.ToString(CultureInfo.InvariantCulture));
        _w.WriteField(post.Channel); _w.WriteField(post.Text);
        _w.EndRecord();
        Count++;
    }

    /// <summary>Writes a reader or simulator record.</summary>
    public void Write(PostRecord record) => Write(record.Post, record.Author);

    /// <summary>Flushes.</summary>
    public void Dispose() => _w.Dispose();
}
