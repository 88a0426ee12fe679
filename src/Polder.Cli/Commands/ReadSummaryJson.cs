using System.Text.Json;
using Polder.Analysis;

namespace Polder.Cli.Commands;

/// <summary>The community reader's account of every row as a JSON object, for the commands that read community files.</summary>
internal static class ReadSummaryJson
{
    /// <summary>How many rejections are listed in detail (all are counted).</summary>
    private const int ListedRejections = 10;

    /// <summary>Writes <c>"read"</c>: rows read, accepted and rejected, rejections per field and the first ones with file:line.</summary>
    public static void Write(Utf8JsonWriter w, ReadSummary read)
    {
        w.WriteStartObject("read");
        w.WriteString("source", read.Source);
        w.WriteNumber("rows_read", read.RowsRead);
        w.WriteNumber("accepted", read.Accepted);
        w.WriteNumber("rejected", read.Rejected);
        w.WriteStartObject("rejections_by_field");
        foreach (var (field, n) in read.RejectionsByField.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteNumber(field, n);
        w.WriteEndObject();
        w.WriteStartArray("first_rejections");
        foreach (var issue in read.Issues.Take(ListedRejections)) w.WriteStringValue(issue.ToString());
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
