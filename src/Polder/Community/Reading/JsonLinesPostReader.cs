using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Polder.Community.Reading;

/// <summary>
/// Streams posts from JSON Lines (one UTF-8 JSON object per line; property names as in the <see cref="PostMapping"/>).
/// Strings are taken as is; numbers and booleans by their JSON text. A line without a mapped property is rejected with
/// that field. Not thread-safe; enumerate <see cref="Read"/> once.
/// </summary>
public sealed class JsonLinesPostReader
{
    private readonly Stream _stream;
    private readonly PostMapping _mapping;
    private readonly ReadOptions _options;
    private readonly string _source;

    /// <summary>Creates a reader over <paramref name="stream"/>.</summary>
    public JsonLinesPostReader(Stream stream, string sourceName, PostMapping mapping, ReadOptions? options = null)
    {
        _stream = stream; _mapping = mapping; _options = options ?? ReadOptions.Default; _source = sourceName;
        Report = new ReadReport(sourceName, _options.MaxIssuesKept);
    }

    /// <summary>The account of the rows read so far.</summary>
    public ReadReport Report { get; }

    /// <summary>Reads the lines, yielding accepted posts.</summary>
    /// <exception cref="CommunityReadException">Fail-fast met a bad line.</exception>
    public IEnumerable<PostRecord> Read()
    {
        var conv = new RowConverter(_mapping, _source, _options.KnownActors);
        // 0xFF never occurs in UTF-8, so every line is one field
        var splitter = new CsvRecordSplitter(_stream, 0xFF, -1, _options.MaxRecordBytes, _options.MaxRecordBytes);
        var values = new string?[conv.Columns.Length];
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < conv.Columns.Length; i++) slots[conv.Columns[i]] = i;
        bool first = true;
        while (splitter.Next())
        {
            long line = splitter.StartLine;
            if (splitter.Error is { } err) { Reject(line, null, err); first = false; continue; }
            var bytes = splitter.Field(0);
            if (first && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
            first = false;
            if (!Utf8.IsValid(bytes)) { Reject(line, null, "invalid UTF-8"); continue; }
            Array.Clear(values);
            string? error = ParseObject(bytes, slots, values);
            if (error is not null) { Reject(line, null, error); continue; }
            string? missing = null;
            for (int s = 0; s < values.Length; s++) if (values[s] is null) { missing = conv.Columns[s]; break; }
            if (missing is not null) { Reject(line, missing, "missing property"); continue; }
            if (conv.TryConvert(values, line, out var rec, out var field, out var reason))
            {
                Report.Accept();
                yield return rec;
            }
            else Reject(line, field, reason);
        }
    }

    private static string? ParseObject(ReadOnlySpan<byte> json, Dictionary<string, int> slots, string?[] values)
    {
        try
        {
            var r = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return "invalid JSON: a line must hold one object";
            while (r.Read())
            {
                if (r.TokenType == JsonTokenType.EndObject) break;
                var name = r.GetString()!;
                r.Read();
                if (!slots.TryGetValue(name, out int slot)) { r.Skip(); continue; }
                values[slot] = r.TokenType switch
                {
                    JsonTokenType.String => r.GetString(),
                    JsonTokenType.Number => Encoding.UTF8.GetString(r.ValueSpan),
                    JsonTokenType.True => "true",
                    JsonTokenType.False => "false",
                    JsonTokenType.Null => "",
                    _ => throw new JsonException($"property '{name}' must be a string, number or boolean"),
                };
            }
            return null;
        }
        catch (JsonException e) { return "invalid JSON: " + e.Message; }
    }

    private void Reject(long line, string? field, string reason)
    {
        var issue = new ReadIssue(_source, line, field, reason);
        Report.Reject(issue);
        if (_options.Policy == ReadPolicy.FailFast) throw new CommunityReadException(issue);
    }
}
