using System.Text;
using System.Text.Unicode;

namespace Polder.Community.Reading;

/// <summary>
/// Streams posts from CSV/TSV (UTF-8, header line, RFC 4180 quoting unless <see cref="PostMapping.Quote"/> is null).
/// Holds one record at a time, so files of any size can be read. Every data row ends up in <see cref="Report"/> as
/// accepted or rejected (with file, line, field and reason). Not thread-safe; enumerate <see cref="Read"/> once.
/// </summary>
public sealed class DelimitedPostReader
{
    private readonly Stream _stream;
    private readonly PostMapping _mapping;
    private readonly ReadOptions _options;
    private readonly string _source;

    /// <summary>Creates a reader over <paramref name="stream"/>; <paramref name="sourceName"/> names it in the report.</summary>
    public DelimitedPostReader(Stream stream, string sourceName, PostMapping mapping, ReadOptions? options = null)
    {
        _stream = stream; _mapping = mapping; _options = options ?? ReadOptions.Default; _source = sourceName;
        Report = new ReadReport(sourceName, _options.MaxIssuesKept);
    }

    /// <summary>The account of the rows read so far.</summary>
    public ReadReport Report { get; }

    /// <summary>Reads the rows, yielding accepted posts; rejected rows go to <see cref="Report"/> (or throw under fail-fast).</summary>
    /// <exception cref="CommunityReadException">A mapped column is missing from the header, the file is empty, or fail-fast met a bad row.</exception>
    public IEnumerable<PostRecord> Read()
    {
        var conv = new RowConverter(_mapping, _source, _options.KnownActors);
        var splitter = new CsvRecordSplitter(_stream, (byte)_mapping.Delimiter, _mapping.Quote is { } q ? (byte)q : -1,
            _options.MaxRecordBytes, _options.MaxFieldBytes);
        if (!splitter.Next()) throw new CommunityReadException(new ReadIssue(_source, 1, null, "empty input: no header line"));
        if (splitter.Error is not null)
            throw new CommunityReadException(new ReadIssue(_source, splitter.StartLine, null, "unreadable header: " + splitter.Error));
        var header = new string[splitter.FieldCount];
        for (int i = 0; i < header.Length; i++)
        {
            var f = splitter.Field(i);
            if (i == 0 && f.StartsWith("\uFEFF"u8)) f = f[3..];
            if (!Utf8.IsValid(f)) throw new CommunityReadException(new ReadIssue(_source, splitter.StartLine, null, $"invalid UTF-8 in header field {i + 1}"));
            header[i] = Encoding.UTF8.GetString(f).Trim();
        }
        var slotColumn = new int[conv.Columns.Length];
        for (int s = 0; s < conv.Columns.Length; s++)
        {
            slotColumn[s] = Array.IndexOf(header, conv.Columns[s]);
            if (slotColumn[s] < 0)
                throw new CommunityReadException(new ReadIssue(_source, splitter.StartLine, conv.Columns[s],
                    $"missing column '{conv.Columns[s]}' (header has: {string.Join(", ", header)})"));
        }
        var values = new string?[conv.Columns.Length];
        // columns whose values repeat (authors, names, roles, attributes, kinds, channels, small numbers) are decoded
        // through a pool: a repeated value costs a lookup instead of a new string. Texts and titles repeat too (retweets,
        // copies, templated and bot messages) but are mostly unique in conversation data: their own, smaller pool keeps
        // the repeats that come close together and forgets the rest
        var unique = new HashSet<string?>(StringComparer.Ordinal) { _mapping.Id, _mapping.Text, _mapping.Title, _mapping.Time, _mapping.Parent, _mapping.Thread };
        var textual = new HashSet<string?>(StringComparer.Ordinal) { _mapping.Text, _mapping.Title };
        var repetitivePool = new Utf8StringPool(1_000_000, 128);
        var textPool = new Utf8StringPool(65_536, 4096);
        var pools = conv.Columns.Select(c => textual.Contains(c) ? textPool : unique.Contains(c) ? null : repetitivePool).ToArray();
        while (splitter.Next())
        {
            long line = splitter.StartLine;
            if (splitter.Error is { } err)
            {
                Reject(splitter.ErrorLine, splitter.ErrorField >= 0 && splitter.ErrorField < header.Length ? header[splitter.ErrorField] : null, err);
                continue;
            }
            if (splitter.FieldCount != header.Length)
            {
                Reject(line, null, $"expected {header.Length} fields, found {splitter.FieldCount}");
                continue;
            }
            string? bad = null;
            for (int s = 0; s < values.Length; s++)
            {
                var f = splitter.Field(slotColumn[s]);
                if (!Utf8.IsValid(f)) { bad = conv.Columns[s]; break; }
                if (f.IsEmpty) values[s] = "";
                else if (pools[s] is { } pool) values[s] = pool.Get(f);
                else values[s] = Encoding.UTF8.GetString(f);
            }
            if (bad is not null) { Reject(line, bad, "invalid UTF-8"); continue; }
            if (conv.TryConvert(values, line, out var rec, out var field, out var reason))
            {
                Report.Accept();
                yield return rec;
            }
            else Reject(line, field, reason);
        }
    }

    private void Reject(long line, string? field, string reason)
    {
        var issue = new ReadIssue(_source, line, field, reason);
        Report.Reject(issue);
        if (_options.Policy == ReadPolicy.FailFast) throw new CommunityReadException(issue);
    }
}
