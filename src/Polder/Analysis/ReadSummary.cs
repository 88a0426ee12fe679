using Polder.Community.Reading;

namespace Polder.Analysis;

/// <summary>What reading the input did: every row read is accepted or rejected with a reason. Immutable snapshot of a <see cref="ReadReport"/>.</summary>
/// <param name="Source">The file or source name.</param>
/// <param name="RowsRead">Data rows seen.</param>
/// <param name="Accepted">Rows that became posts.</param>
/// <param name="Rejected">Rows rejected.</param>
/// <param name="Issues">The rejections kept in detail (the first 10,000 by default), in input order.</param>
/// <param name="RejectionsByField">All rejections counted per field ("(row)" for whole-row problems).</param>
public sealed record ReadSummary(string Source, long RowsRead, long Accepted, long Rejected, IReadOnlyList<ReadIssue> Issues, IReadOnlyDictionary<string, long> RejectionsByField)
{
    /// <summary>Snapshots <paramref name="report"/>.</summary>
    public static ReadSummary From(ReadReport report) => new(report.File, report.RowsRead, report.Accepted, report.Rejected,
        report.Issues.ToArray(), new Dictionary<string, long>(report.RejectionsByField, StringComparer.Ordinal));

    /// <summary>For posts given in memory: every post accepted.</summary>
    public static ReadSummary InMemory(string source, long posts, long duplicates, IReadOnlyList<ReadIssue> issues) =>
        new(source, posts, posts - duplicates, duplicates, issues,
            duplicates == 0 ? new Dictionary<string, long>() : new Dictionary<string, long> { ["id"] = duplicates });
}
