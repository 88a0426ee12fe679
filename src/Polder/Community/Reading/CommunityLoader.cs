namespace Polder.Community.Reading;

/// <summary>Reads a file with the reader its extension calls for and builds the community, accounting for every row.</summary>
public static class CommunityLoader
{
    /// <summary>
    /// Streams the posts of <paramref name="path"/>: ".parquet" with <see cref="ParquetPostReader"/>, ".jsonl"/".ndjson"
    /// with <see cref="JsonLinesPostReader"/>, anything else as delimited text. <paramref name="report"/> is filled as
    /// the sequence is enumerated.
    /// </summary>
    public static IEnumerable<PostRecord> Read(string path, PostMapping mapping, ReadOptions? options, out ReadReport report)
    {
        var name = Path.GetFileName(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, name, ext, mapping, options, out report);
    }

    /// <summary>Like <see cref="Read(string, PostMapping, ReadOptions?, out ReadReport)"/> for a stream (disposed at the end); <paramref name="extension"/> picks the reader.</summary>
    public static IEnumerable<PostRecord> Read(Stream stream, string sourceName, string extension, PostMapping mapping, ReadOptions? options, out ReadReport report)
    {
        switch (extension)
        {
            case ".parquet":
                var p = new ParquetPostReader(stream, sourceName, mapping, options);
                report = p.Report;
                return Disposing(p.Read(), stream);
            case ".jsonl":
            case ".ndjson":
                var j = new JsonLinesPostReader(stream, sourceName, mapping, options);
                report = j.Report;
                return Disposing(j.Read(), stream);
            default:
                var d = new DelimitedPostReader(stream, sourceName, mapping, options);
                report = d.Report;
                return Disposing(d.Read(), stream);
        }
    }

    private static IEnumerable<PostRecord> Disposing(IEnumerable<PostRecord> records, Stream stream)
    {
        using (stream)
            foreach (var r in records) yield return r;
    }

    /// <summary>
    /// Builds a community from accepted records; a repeated post id is moved from accepted to rejected in
    /// <paramref name="report"/> (field "id", reason "duplicate id").
    /// </summary>
    public static OnlineCommunity Build(IEnumerable<PostRecord> records, ReadReport report, ReadPolicy policy = ReadPolicy.SkipAndReport)
    {
        var builder = new CommunityBuilder();
        foreach (var r in records)
        {
            if (!builder.AddRead(r))
            {
                var issue = new ReadIssue(report.File, r.Line, "id", $"duplicate id '{RowConverter.Clip(r.Post.Id)}'");
                report.Demote(issue);
                if (policy == ReadPolicy.FailFast) throw new CommunityReadException(issue);
            }
        }
        return builder.Build();
    }

    /// <summary>Reads and builds in one call.</summary>
    public static OnlineCommunity Load(string path, PostMapping mapping, ReadOptions? options, out ReadReport report)
    {
        var records = Read(path, mapping, options, out report);
        return Build(records, report, (options ?? ReadOptions.Default).Policy);
    }
}
