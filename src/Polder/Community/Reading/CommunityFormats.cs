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
    /// The one format sniffer of Polder: the name (for <see cref="ByName"/>) of the layout a header line shows, or null
    /// when it shows none. The reddit layout has message_id; the political-tweets layout AUTEUR and
    /// CONTENT; Polder's own id, author, time and text. The command line's <c>auto</c> formats, <c>analyze</c> and the
    /// predictors all decide with it (<c>polder network</c> reads a file with none of them as an edge list).
    /// </summary>
    public static string? Sniff(string headerLine)
    {
        var h = headerLine.TrimStart('\uFEFF');
        var names = h.Split(h.Contains('\t') ? '\t' : h.Contains(';') && !h.Contains(',') ? ';' : ',', StringSplitOptions.TrimEntries)
            .Select(n => n.Trim('"')).ToHashSet(StringComparer.Ordinal);
        if (names.Contains("AUTEUR") && names.Contains("CONTENT")) return "political-tweets";
        if (names.Contains("message_id")) return "reddit"; // its reader then names any other missing column
        if (names.Contains("id") && names.Contains("author") && names.Contains("time") && names.Contains("text")) return "polder";
        return null;
    }

    /// <summary>
    /// Picks a ready-made mapping from a header line with <see cref="Sniff"/>: the reddit layout, the political-tweets
    /// layout or, by default, <see cref="PolderCsv"/> (whose reader then names any missing column).
    /// </summary>
    public static PostMapping Detect(string headerLine) => ByName(Sniff(headerLine) ?? "polder")!;

    /// <summary>The first line of <paramref name="stream"/> (at most 8 KiB), read from its current position, which is not restored.</summary>
    public static string HeaderLine(Stream stream)
    {
        var buf = new byte[8192];
        int n = 0, r;
        while (n < buf.Length && (r = stream.Read(buf, n, buf.Length - n)) > 0) n += r;
        int nl = Array.IndexOf(buf, (byte)'\n', 0, n);
        return System.Text.Encoding.UTF8.GetString(buf, 0, nl < 0 ? n : nl).TrimEnd('\r');
    }

    /// <summary>The first line of the file at <paramref name="path"/> ("" for an empty file); see <see cref="HeaderLine(Stream)"/>.</summary>
    public static string HeaderLine(string path)
    {
        try
        {
            using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return HeaderLine(s);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new PolderInputException(e is UnauthorizedAccessException ? "cannot be read" : "file not found", path, inner: e);
        }
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
