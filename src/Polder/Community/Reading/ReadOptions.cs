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

    /// <summary>
    /// Actors the caller already holds (for instance from an earlier read of the same file), by id; null: none. A row
    /// whose author says what the known actor says gets that actor object, and actor ids (authors, mentions, re-shared
    /// accounts) share the known actor's id string, so a second read holds no second copy of the actors (10M posts,
    /// 200,000 actors: ~75 MB). Called from the reading thread only.
    /// </summary>
    public Func<string, Actor?>? KnownActors { get; init; }

    /// <summary>The defaults: skip and report, 4 MiB records, 1 MiB fields.</summary>
    public static ReadOptions Default { get; } = new();
}
