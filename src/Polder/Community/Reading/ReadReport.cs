namespace Polder.Community.Reading;

/// <summary>
/// Accounts for every input row of one read: <see cref="RowsRead"/> = <see cref="Accepted"/> + <see cref="Rejected"/>
/// at all times. A header line and blank lines are not rows. Not thread-safe (one reader writes it).
/// </summary>
public sealed class ReadReport
{
    private readonly List<ReadIssue> _issues = [];
    private readonly int _maxKept;

    /// <summary>Creates an empty report for <paramref name="file"/>.</summary>
    public ReadReport(string file, int maxIssuesKept = 10_000) { File = file; _maxKept = maxIssuesKept; }

    /// <summary>The source read.</summary>
    public string File { get; }

    /// <summary>Data rows seen.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Rows that became posts.</summary>
    public long Accepted { get; private set; }

    /// <summary>Rows rejected (each has an issue; the first <c>MaxIssuesKept</c> are kept in <see cref="Issues"/>).</summary>
    public long Rejected { get; private set; }

    /// <summary>Rejections in input order (at most the configured number are kept).</summary>
    public IReadOnlyList<ReadIssue> Issues => _issues;

    /// <summary>Rejections per field ("(row)" for whole-row problems), all counted, not only the kept ones.</summary>
    public IReadOnlyDictionary<string, long> RejectionsByField => _byField;
    private readonly Dictionary<string, long> _byField = new(StringComparer.Ordinal);

    internal void Accept() { RowsRead++; Accepted++; }

    internal void Reject(ReadIssue issue)
    {
        RowsRead++;
        Rejected++;
        Keep(issue);
    }

    /// <summary>Turns an accepted row into a rejected one (e.g. a duplicate id found when building the community).</summary>
    internal void Demote(ReadIssue issue)
    {
        Accepted--;
        Rejected++;
        Keep(issue);
    }

    private void Keep(ReadIssue issue)
    {
        var key = issue.Field ?? "(row)";
        _byField[key] = _byField.TryGetValue(key, out var n) ? n + 1 : 1;
        if (_issues.Count < _maxKept) _issues.Add(issue);
    }

    /// <summary>One line: "file: N rows read, A accepted, R rejected".</summary>
    public override string ToString() => $"{File}: {RowsRead:N0} rows read, {Accepted:N0} accepted, {Rejected:N0} rejected";
}
