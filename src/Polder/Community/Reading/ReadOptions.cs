namespace Polder.Community.Reading;

/// <summary>Options shared by all post readers. Immutable.</summary>
public sealed record ReadOptions
{
    /// <summary>Skip-and-report (default) or fail-fast.</summary>
    public ReadPolicy Policy { get; init; } = ReadPolicy.SkipAndReport;

    /// <summary>
    /// Longest accepted record (a line, or a multi-line quoted CSV record) in bytes; longer ones are rejected without being
    /// held in memory. Default 4 MiB.
    /// </summary>
    public int MaxRecordBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Longest accepted field in bytes; default 1 MiB.</summary>
    public int MaxFieldBytes { get; init; } = 1024 * 1024;

    /// <summary>How many rejections the report keeps in detail (all are counted). Default 10,000.</summary>
    public int MaxIssuesKept { get; init; } = 10_000;

    /// <summary>The defaults: skip and report, 4 MiB records, 1 MiB fields.</summary>
    public static ReadOptions Default { get; } = new();
}
