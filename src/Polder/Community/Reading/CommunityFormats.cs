namespace Polder.Community.Reading;

/// <summary>Ready-made mappings for known sources.</summary>
public static class CommunityFormats
{
    /// <summary>
    /// Tweets of Dutch politicians (the <c>political-tweets-2020-04.tsv</c> layout): tab-separated, unquoted, columns
    /// AUTEUR (display name), DATUM (<c>dd-MM-yyyy HH:mm:ss</c>, Dutch local time), PARTIJ (party), CONTENT
    /// (<c>Name (@handle): text</c>, retweets as <c>RT @x: …</c>). Author ids are lower-cased handles; the party becomes the
    /// actor attribute <see cref="Actor.Party"/>; every author gets the role <see cref="ActorRole.Politician"/>.
    /// </summary>
    public static PostMapping PoliticalTweets { get; } = new()
    {
        Delimiter = '\t',
        Quote = null,
        AuthorName = "AUTEUR",
        Time = "DATUM",
        TimeFormat = TimeFormat.LocalPattern,
        TimePattern = "dd-MM-yyyy HH:mm:ss",
        AttributeColumns = new Dictionary<string, string> { [Actor.Party] = "PARTIJ" },
        Text = "CONTENT",
        Content = ContentStyle.TwitterExport,
        CaseInsensitiveActorIds = true,
        DefaultRole = ActorRole.Politician,
        ChannelName = "twitter",
    };

    /// <summary>
    /// A forum community with full reply trees (the <c>reddit-emory-messages.csv</c> layout): RFC 4180 CSV with
    /// message_id, thread_id, parent_id ('' for roots), author, created (Unix seconds), upvotes, title, text.
    /// Markers are not extracted (reddit uses u/name, not @name). Empty authors (deleted accounts) become the one actor
    /// "[deleted]".
    /// </summary>
    public static PostMapping RedditMessages { get; } = new()
    {
        Id = "message_id",
        Thread = "thread_id",
        Parent = "parent_id",
        Author = "author",
        EmptyAuthorId = "[deleted]",
        Time = "created",
        TimeFormat = TimeFormat.UnixSeconds,
        Likes = "upvotes",
        Title = "title",
        Text = "text",
        ChannelName = "reddit",
        ExtractMarkers = false,
    };

    /// <summary>
    /// Polder's own CSV layout (written by the simulator and <c>polder simulate</c>): id, thread_id, parent_id, author,
    /// author_name, role, organisation_type, municipality, neighbourhood, time (ISO 8601 with offset), kind, likes,
    /// shares, channel, text.
    /// </summary>
    public static PostMapping PolderCsv { get; } = new()
    {
        Id = "id",
        Thread = "thread_id",
        Parent = "parent_id",
        Author = "author",
        AuthorName = "author_name",
        Role = "role",
        AttributeColumns = new Dictionary<string, string>
        {
            [Actor.OrganisationType] = "organisation_type",
            [Actor.Municipality] = "municipality",
            [Actor.Neighbourhood] = "neighbourhood",
        },
        Time = "time",
        TimeFormat = TimeFormat.Iso8601,
        Kind = "kind",
        Likes = "likes",
        Shares = "shares",
        Channel = "channel",
        Text = "text",
    };

    /// <summary>The header of <see cref="PolderCsv"/>, in column order.</summary>
    public static IReadOnlyList<string> PolderCsvColumns { get; } =
        ["id", "thread_id", "parent_id", "author", "author_name", "role", "organisation_type", "municipality", "neighbourhood", "time", "kind", "likes", "shares", "channel", "text"];

    /// <summary>
    /// Picks a ready-made mapping from a header line: the reddit layout (message_id, thread_id …), the political-tweets
    /// layout (AUTEUR, DATUM, PARTIJ, CONTENT) or, by default, <see cref="PolderCsv"/>.
    /// </summary>
    public static PostMapping Detect(string headerLine)
    {
        var h = headerLine.TrimStart('\uFEFF');
        if (h.Contains("message_id", StringComparison.Ordinal) && h.Contains("thread_id", StringComparison.Ordinal)) return RedditMessages;
        if (h.Contains("AUTEUR", StringComparison.Ordinal) && h.Contains("CONTENT", StringComparison.Ordinal)) return PoliticalTweets;
        return PolderCsv;
    }

    /// <summary>A mapping by name: "polder", "reddit" or "political-tweets" (null when unknown).</summary>
    public static PostMapping? ByName(string name) => name.ToLowerInvariant() switch
    {
        "polder" or "polder-csv" => PolderCsv,
        "reddit" => RedditMessages,
        "political-tweets" or "tweets" => PoliticalTweets,
        _ => null,
    };
}
