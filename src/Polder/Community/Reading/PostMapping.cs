namespace Polder.Community.Reading;

/// <summary>
/// Where the parts of a post are in a source: column names (CSV/TSV header names, JSON property names, Parquet column
/// names) and how to interpret them. Immutable; ready-made mappings are in <see cref="CommunityFormats"/>.
/// Every mapped column must be present in the source; a null column name means "not in this source".
/// </summary>
public sealed record PostMapping
{
    /// <summary>Field separator of delimited text (',' for CSV, '\t' for TSV).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>RFC 4180 quote character, or null when fields are never quoted (typical for TSV exports).</summary>
    public char? Quote { get; init; } = '"';

    /// <summary>Post id column; when null the id is "source:line".</summary>
    public string? Id { get; init; }

    /// <summary>Author id column; may be null only with <see cref="ContentStyle.TwitterExport"/>.</summary>
    public string? Author { get; init; }

    /// <summary>
    /// Author id for rows whose author is empty (e.g. "[deleted]" on forums); null rejects such rows. All such posts
    /// share this one actor.
    /// </summary>
    public string? EmptyAuthorId { get; init; }

    /// <summary>Author display-name column.</summary>
    public string? AuthorName { get; init; }

    /// <summary>Author role column (values: citizen/burger, organisation/organisatie, business/bedrijf, politician/politicus, media, unknown).</summary>
    public string? Role { get; init; }

    /// <summary>Role of authors whose row has no role value (e.g. <see cref="ActorRole.Politician"/> for a politicians' corpus).</summary>
    public ActorRole DefaultRole { get; init; }

    /// <summary>Group attribute columns: attribute name (e.g. <see cref="Actor.Party"/>) → column name.</summary>
    public IReadOnlyDictionary<string, string> AttributeColumns { get; init; } = new Dictionary<string, string>();

    /// <summary>Text column (required).</summary>
    public required string Text { get; init; }

    /// <summary>Title column.</summary>
    public string? Title { get; init; }

    /// <summary>Time column (required).</summary>
    public required string Time { get; init; }

    /// <summary>How <see cref="Time"/> is written.</summary>
    public TimeFormat TimeFormat { get; init; } = TimeFormat.Iso8601;

    /// <summary>The exact pattern for <see cref="TimeFormat.LocalPattern"/> (invariant culture), e.g. "dd-MM-yyyy HH:mm:ss".</summary>
    public string? TimePattern { get; init; }

    /// <summary>Zone of local times (default Europe/Amsterdam).</summary>
    public TimeZoneInfo TimeZone { get; init; } = DutchTime.Zone;

    /// <summary>Parent post id column (empty = conversation start).</summary>
    public string? Parent { get; init; }

    /// <summary>Thread id column (empty = derive from the parent chain).</summary>
    public string? Thread { get; init; }

    /// <summary>Kind column (post/reply/retweet/quote); when null the kind follows from the parent and the content.</summary>
    public string? Kind { get; init; }

    /// <summary>Likes/upvotes column (integer, empty = 0).</summary>
    public string? Likes { get; init; }

    /// <summary>Shares/retweets column (integer, empty = 0).</summary>
    public string? Shares { get; init; }

    /// <summary>Channel column; when null every post gets <see cref="ChannelName"/>.</summary>
    public string? Channel { get; init; }

    /// <summary>The channel of every post when no channel column is mapped.</summary>
    public string? ChannelName { get; init; }

    /// <summary>Layout of the text column.</summary>
    public ContentStyle Content { get; init; } = ContentStyle.Plain;

    /// <summary>
    /// Keep the post text (default true). False drops it after mentions, hashtags and retweets have been extracted, which
    /// saves most of the memory of a large community when only behaviour is analysed.
    /// </summary>
    public bool KeepText { get; init; } = true;

    /// <summary>Extract @mentions and #hashtags from the text (default true).</summary>
    public bool ExtractMarkers { get; init; } = true;

    /// <summary>Lower-case author ids and mentions (Twitter handles are case-insensitive).</summary>
    public bool CaseInsensitiveActorIds { get; init; }

    /// <summary>The column names this mapping reads, in a fixed order (slot order of the converter).</summary>
    internal IEnumerable<string> MappedColumns()
    {
        foreach (var c in new[] { Id, Author, AuthorName, Role, Text, Title, Time, Parent, Thread, Kind, Likes, Shares, Channel })
            if (c is not null) yield return c;
        foreach (var c in AttributeColumns.Values) yield return c;
    }
}
