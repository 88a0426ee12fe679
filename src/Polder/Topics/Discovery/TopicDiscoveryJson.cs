using System.Text.Json;

namespace Polder.Topics.Discovery;

/// <summary>Writes discovered topics as JSON, one shape for <c>polder discover --out</c> (topics.json) and summary.json.</summary>
public static class TopicDiscoveryJson
{
    /// <summary>
    /// Writes an array of topics: <c>{"topic","label","terms","size","share","examples":[{"index","text"}],"trend":[…]}</c>.
    /// </summary>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="topics">The topics.</param>
    /// <param name="text">The text of an input post by index (for the examples).</param>
    /// <param name="exampleIndex">How an example's index is written (e.g. its input line); default the index itself.</param>
    /// <param name="maxExampleChars">Examples longer than this are cut with an ellipsis.</param>
    /// <param name="more">Writes further properties of a topic (e.g. its sentiment) before its examples.</param>
    public static void WriteTopics(Utf8JsonWriter writer, IReadOnlyList<DiscoveredTopic> topics, Func<int, string> text,
        Func<int, long>? exampleIndex = null, int maxExampleChars = 280, Action<Utf8JsonWriter, DiscoveredTopic>? more = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(text);
        writer.WriteStartArray();
        foreach (var t in topics)
        {
            writer.WriteStartObject();
            writer.WriteNumber("topic", t.Id);
            writer.WriteString("label", t.Label);
            writer.WriteStartArray("terms");
            foreach (var term in t.Terms) writer.WriteStringValue(term);
            writer.WriteEndArray();
            writer.WriteNumber("size", t.Size);
            writer.WriteNumber("share", Math.Round(t.Share, 4));
            more?.Invoke(writer, t);
            writer.WriteStartArray("examples");
            foreach (var e in t.Examples)
            {
                writer.WriteStartObject();
                writer.WriteNumber(exampleIndex is null ? "index" : "line", exampleIndex is null ? e : exampleIndex(e));
                writer.WriteString("text", Cut(text(e), maxExampleChars));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            if (t.Trend.Count > 0)
            {
                writer.WriteStartArray("trend");
                foreach (var p in t.Trend)
                {
                    writer.WriteStartObject();
                    writer.WriteString("start", p.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    writer.WriteNumber("posts", p.Posts);
                    writer.WriteNumber("all_posts", p.AllPosts);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary><paramref name="text"/> on one line, cut to <paramref name="max"/> characters with "…".</summary>
    public static string Cut(string text, int max)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)].TrimEnd() + "…";
    }
}
