using System.Text.Json;
using Polder.Community;
using Polder.Community.Reading;

namespace Polder.Service.Api;

/// <summary>
/// Writes posts as the JSON lines <c>POST /communities/{id}/posts</c> reads (the <see cref="CommunityFormats.PolderCsv"/>
/// columns as properties, every property present). Used to turn a file of any format the library reads into
/// requests. Not thread-safe.
/// </summary>
public static class PostJsonLines
{
    /// <summary>Writes one line per record to <paramref name="stream"/> (left open).</summary>
    public static void Write(Stream stream, IEnumerable<PostRecord> records)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var r in records)
        {
            var (p, a) = (r.Post, r.Author);
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("thread_id", p.ThreadId ?? "");
            w.WriteString("parent_id", p.ParentId ?? "");
            w.WriteString("author", p.AuthorId);
            w.WriteString("author_name", a.DisplayName ?? "");
            // the reader's role and kind names are the enum names in lower case
            w.WriteString("role", a.Role == ActorRole.Unknown ? "" : a.Role.ToString().ToLowerInvariant());
            w.WriteString("organisation_type", a.Attribute(Actor.OrganisationType) ?? "");
            w.WriteString("municipality", a.Attribute(Actor.Municipality) ?? "");
            w.WriteString("neighbourhood", a.Attribute(Actor.Neighbourhood) ?? "");
            w.WriteString("time", p.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("kind", p.Kind.ToString().ToLowerInvariant());
            w.WriteNumber("likes", p.Likes);
            w.WriteNumber("shares", p.Shares);
            w.WriteString("channel", p.Channel ?? "");
            w.WriteString("text", p.Text);
            w.WriteEndObject();
            w.Flush();
            w.Reset();   // each line is a document of its own: no separator before the next
            stream.WriteByte((byte)'\n');
        }
    }

    /// <summary>The records as one JSON lines byte array.</summary>
    public static byte[] ToBytes(IEnumerable<PostRecord> records)
    {
        using var ms = new MemoryStream();
        Write(ms, records);
        return ms.ToArray();
    }
}
