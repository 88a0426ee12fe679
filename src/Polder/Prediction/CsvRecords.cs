using System.Text;

namespace Polder.Prediction;

/// <summary>
/// An RFC 4180 CSV reader: fields separated by a delimiter, optionally quoted with <c>"</c>; a quoted field may hold
/// delimiters, line breaks and doubled quotes (<c>""</c>). Used by the prediction readers; allocation per field.
/// </summary>
internal static class CsvRecords
{
    /// <summary>Reads every record (the header included) of <paramref name="reader"/>.</summary>
    public static IEnumerable<string[]> Read(TextReader reader, char delimiter = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false, any = false, quotedField = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            char ch = (char)c;
            any = true;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else field.Append(ch);
                continue;
            }
            if (ch == '"' && field.Length == 0 && !quotedField) { inQuotes = true; quotedField = true; }
            else if (ch == delimiter) { fields.Add(field.ToString()); field.Clear(); quotedField = false; }
            else if (ch == '\r' || ch == '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n') reader.Read();
                fields.Add(field.ToString()); field.Clear(); quotedField = false;
                yield return fields.ToArray();
                fields.Clear(); any = false;
            }
            else field.Append(ch);
        }
        if (inQuotes) throw new InvalidDataException("CSV ends inside a quoted field");
        if (any) { fields.Add(field.ToString()); yield return fields.ToArray(); }
    }

    /// <summary>Reads records as dictionaries keyed by the header row's names.</summary>
    public static IEnumerable<Func<string, string>> ReadWithHeader(TextReader reader, char delimiter = ',')
    {
        string[]? header = null;
        Dictionary<string, int>? index = null;
        foreach (var rec in Read(reader, delimiter))
        {
            if (header is null)
            {
                header = rec;
                index = header.Select((h, i) => (h, i)).ToDictionary(p => p.h.Trim('\uFEFF'), p => p.i, StringComparer.Ordinal);
                continue;
            }
            if (rec.Length == 1 && rec[0].Length == 0) continue;
            var r = rec;
            yield return name => index!.TryGetValue(name, out var i) ? (i < r.Length ? r[i] : "") : throw new InvalidDataException($"column {name} missing");
        }
    }
}
