using System.Globalization;
using System.Text;
using Polder.Community.Reading;

namespace Polder.Community;

/// <summary>
/// Writes posts in Polder's own CSV layout (<see cref="CommunityFormats.PolderCsv"/>; RFC 4180 quoting, UTF-8 without
/// BOM, '\n' line ends, times in ISO 8601 with offset). Not thread-safe.
/// </summary>
public sealed class PolderCsvWriter : IDisposable
{
    private readonly TextWriter _w;

    /// <summary>Writes to <paramref name="stream"/> (left open) and writes the header.</summary>
    public PolderCsvWriter(Stream stream)
    {
        _w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        _w.WriteLine(string.Join(',', CommunityFormats.PolderCsvColumns));
    }

    /// <summary>Rows written.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one post with what is known of its author.</summary>
    public void Write(Post post, Actor author)
    {
        Field(post.Id); Sep(); Field(post.ThreadId); Sep(); Field(post.ParentId); Sep(); Field(post.AuthorId); Sep();
        Field(author.DisplayName); Sep(); Field(author.Role == ActorRole.Unknown ? "" : RowConverter.RoleName(author.Role)); Sep();
        Field(author.Attribute(Actor.OrganisationType)); Sep(); Field(author.Attribute(Actor.Municipality)); Sep();
        Field(author.Attribute(Actor.Neighbourhood)); Sep();
        Field(post.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)); Sep();
        Field(RowConverter.KindName(post.Kind)); Sep();
        Field(post.Likes.ToString(CultureInfo.InvariantCulture)); Sep(); Field(post.Shares.ToString(CultureInfo.InvariantCulture)); Sep();
        Field(post.Channel); Sep(); Field(post.Text);
        _w.Write('\n');
        Count++;
    }

    /// <summary>Writes a reader or simulator record.</summary>
    public void Write(PostRecord record) => Write(record.Post, record.Author);

    private void Sep() => _w.Write(',');

    private void Field(string? s)
    {
        if (string.IsNullOrEmpty(s)) return;
        if (s.AsSpan().IndexOfAny(",\"\r\n") < 0) { _w.Write(s); return; }
        _w.Write('"');
        _w.Write(s.Replace("\"", "\"\""));
        _w.Write('"');
    }

    /// <summary>Flushes.</summary>
    public void Dispose() => _w.Dispose();
}
