namespace Polder.Prediction;

/// <summary>Header-keyed access to CSV records for the prediction readers (parsing is <see cref="Polder.Data.CsvReader"/>).</summary>
internal static class CsvRecords
{
    /// <summary>Reads every record (the header included) of <paramref name="reader"/> with the shared RFC 4180 reader.</summary>
    public static IEnumerable<string[]> Read(TextReader reader, char delimiter = ',') => Polder.Data.CsvReader.ReadRecords(reader, delimiter);

    /// <summary>Reads records as lookups keyed by the header row's names; every record has the header's field count.</summary>
    public static IEnumerable<Func<string, string>> ReadWithHeader(TextReader reader, char delimiter = ',')
    {
        string[]? header = null;
        Dictionary<string, int>? index = null;
        foreach (var rec in Read(reader, delimiter))
        {
            if (header is null)
            {
                header = rec;
                index = header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i, StringComparer.Ordinal);
                continue;
            }
            var r = rec;
            yield return name => index!.TryGetValue(name, out var i) ? r[i] : throw new InvalidDataException($"column {name} missing");
        }
    }
}
