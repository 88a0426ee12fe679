namespace Polder.Prediction;

/// <summary>Header-keyed access to CSV records for the prediction readers (parsing is <see cref="Polder.Data.CsvReader"/>).</summary>
internal static class CsvRecords
{
    /// <summary>Reads every record (the header included) of <paramref name="reader"/> with the shared RFC 4180 reader.</summary>
    public static IEnumerable<string[]> Read(TextReader reader, char delimiter = ',') => Polder.Data.CsvReader.ReadRecords(reader, delimiter);

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
