using System.Text;
using BenchmarkDotNet.Attributes;
using nietras.SeparatedValues;
using Polder.Community.Reading;

namespace Polder.Benchmarks;

/// <summary>
/// The library's CSV reading (<see cref="CsvReader"/> over text, and the community reader's byte splitter with strict
/// UTF-8 decoding) against Sep 0.18 and CsvHelper 34 on the reddit messages CSV (4.5 MB, quoted multi-line fields):
/// every record, every field materialised as a string. <see cref="Strictness"/> puts the same readers before malformed
/// input. Run: <c>dotnet run -c Release --project benchmarks/Polder.Benchmarks -- --filter '*CsvReader*'</c> and
/// <c>-- csv-strictness</c>.
/// </summary>
[MemoryDiagnoser]
public class CsvReaderBenchmarks
{
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);
    private string _path = "";

    /// <summary>Finds the file.</summary>
    [GlobalSetup]
    public void Setup() => _path = BenchmarkData.PathOf("community/reddit-emory-messages.csv");

    /// <summary>Polder.Data.CsvReader (chars, from a StreamReader).</summary>
    [Benchmark(Baseline = true)]
    public long Polder_CsvReader()
    {
        long chars = 0;
        using var csv = CsvReader.OpenFile(_path);
        string[]? r;
        while ((r = csv.Read()) is not null) foreach (var f in r) chars += f.Length;
        return chars;
    }

    /// <summary>The community reader's byte-level splitter, each field decoded strictly as UTF-8.</summary>
    [Benchmark]
    public long Polder_RecordSplitter()
    {
        long chars = 0;
        using var s = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var sp = new CsvRecordSplitter(s, (byte)',', '"', 1 << 24, 1 << 24);
        while (sp.Next())
            for (int i = 0; i < sp.FieldCount; i++) chars += Strict.GetString(sp.Field(i)).Length;
        return chars;
    }

    /// <summary>Sep with unescaping (quotes removed, "" made ").</summary>
    [Benchmark]
    public long Sep_Reader()
    {
        long chars = 0;
        using var reader = Sep.Reader(o => o with { Unescape = true, HasHeader = false }).FromFile(_path);
        foreach (var row in reader)
            for (int i = 0; i < row.ColCount; i++) chars += row[i].ToString().Length;
        return chars;
    }

    private static readonly CsvHelper.CsvReaderOptions StrictCsvHelper = new()
    {
        HasHeader = false, MalformedData = CsvHelper.CsvMalformedDataHandling.Throw, FieldCountMismatch = CsvHelper.CsvFieldCountHandling.Throw,
    };

    /// <summary>CsvHelper's reader (no type mapping), told to throw on malformed data and field-count mismatches.</summary>
    [Benchmark]
    public long CsvHelper_Parser()
    {
        long chars = 0;
        using var reader = CsvHelper.CsvReader.FromFile(_path, StrictCsvHelper);
        while (reader.Read())
            for (int i = 0; i < reader.FieldCount; i++) chars += reader.GetString(i).Length;
        return chars;
    }

    /// <summary>The malformed inputs of the strictness table: name and bytes.</summary>
    public static IReadOnlyList<(string Case, byte[] Bytes)> MalformedCases { get; } =
    [
        ("quote inside an unquoted field", "a,b\n1,x\"y\n"u8.ToArray()),
        ("text after a closing quote", "a,b\n1,\"x\"y\n"u8.ToArray()),
        ("quoted field never closed", "a,b\n1,\"xy\n2,z\n"u8.ToArray()),
        ("ragged row (3 fields, header 2)", "a,b\n1,2,3\n"u8.ToArray()),
        ("invalid UTF-8 (C3 28)", [.. "a,b\n1,"u8.ToArray(), 0xC3, 0x28, (byte)'\n']),
    ];

    /// <summary>Runs each reader over each malformed case and prints whether it refused the input and what it said.</summary>
    public static void Strictness(TextWriter output)
    {
        var readers = new (string Name, Func<byte[], string> Read)[]
        {
            ("Polder CsvReader", b =>
            {
                using var csv = new CsvReader(new StreamReader(new MemoryStream(b), Strict), source: "t.csv");
                int n = 0; while (csv.Read() is not null) n++;
                return $"accepted {n} records";
            }),
            ("Polder splitter", b =>
            {
                var sp = new CsvRecordSplitter(new MemoryStream(b), (byte)',', '"', 1 << 20, 1 << 20);
                int n = 0, width = -1;
                while (sp.Next())
                {
                    n++;
                    if (sp.Error is { } e) return $"error: line {sp.StartLine} field {sp.ErrorField + 1}: {e}";
                    if (width < 0) width = sp.FieldCount; else if (sp.FieldCount != width) return $"error: line {sp.StartLine}: {sp.FieldCount} fields (DelimitedPostReader)";
                    for (int i = 0; i < sp.FieldCount; i++) Strict.GetString(sp.Field(i));
                }
                return $"accepted {n} records";
            }),
            ("Sep 0.18", b =>
            {
                using var r = Sep.Reader(o => o with { Unescape = true }).From(new MemoryStream(b));
                int n = 0; foreach (var row in r) { n++; for (int i = 0; i < row.ColCount; i++) _ = row[i].ToString(); }
                return $"accepted {n} records";
            }),
            ("CsvHelper 34", b =>
            {
                using var r = CsvHelper.CsvReader.Create(new MemoryStream(b), StrictCsvHelper, false);
                int n = 0;
                while (r.Read()) { n++; for (int i = 0; i < r.FieldCount; i++) _ = r.GetString(i); }
                return $"accepted {n} records";
            }),
        };
        output.WriteLine("| case | " + string.Join(" | ", readers.Select(r => r.Name)) + " |");
        output.WriteLine("|---|" + string.Concat(readers.Select(_ => "---|")));
        foreach (var (name, bytes) in MalformedCases)
        {
            var cells = readers.Select(r =>
            {
                try { return r.Read(bytes); }
                catch (Exception e) { return "error: " + e.Message.Split('\n')[0]; }
            });
            output.WriteLine($"| {name} | " + string.Join(" | ", cells.Select(c => c.Replace("|", "/"))) + " |");
        }
    }
}
