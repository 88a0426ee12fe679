using System.Text;

namespace Polder.Networks;

/// <summary>A small RFC 4180 reader: quoted fields may hold separators, doubled quotes and line breaks.</summary>
internal static class DelimitedReader
{
    /// <summary>Reads every record of <paramref name="reader"/> split on <paramref name="separator"/>.</summary>
    public static IEnumerable<string[]> Records(TextReader reader, char separator)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool inQuotes = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            char ch = (char)c;
            any = true;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); sb.Append('"'); }
                    else inQuotes = false;
                }
                else sb.Append(ch);
            }
            else if (ch == '"' && sb.Length == 0) inQuotes = true;
            else if (ch == separator) { fields.Add(sb.ToString()); sb.Clear(); }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n') reader.Read();
                fields.Add(sb.ToString()); sb.Clear();
                yield return fields.ToArray();
                fields.Clear(); any = false;
            }
            else sb.Append(ch);
        }
        if (any) { fields.Add(sb.ToString()); yield return fields.ToArray(); }
    }
}
