namespace Polder.Community;

/// <summary>
/// One message in an online community. Immutable; safe to share between threads.
/// </summary>
/// <remarks>
/// <see cref="Time"/> keeps the offset the source gave (UTC for Unix times, the Dutch offset for Dutch local times);
/// all metrics compare instants, and convert to the analysis time zone only for calendar features (days, hours, windows).
/// </remarks>
public sealed record Post
{
    /// <summary>Identifier, unique within a community.</summary>
    public required string Id { get; init; }

    /// <summary>Identifier of the author (see <see cref="Actor.Id"/>).</summary>
    public required string AuthorId { get; init; }

    /// <summary>The message text (for a retweet: the re-shared text after "RT @x: ").</summary>
    public string Text { get; init; } = "";

    /// <summary>Optional title (forum threads).</summary>
    public string? Title { get; init; }

    /// <summary>The text the text layers read: a forum title belongs to its post ("title. text"); without a title, <see cref="Text"/>.</summary>
    public string TitleAndText => Title is { Length: > 0 } t ? t + ". " + Text : Text;

    /// <summary>When the post was written, with the offset of the source.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The channel or platform ("twitter", "reddit", "facebook" …), or null when unknown.</summary>
    public string? Channel { get; init; }

    /// <summary>What the post is: a conversation start, a reply, a retweet or a quote.</summary>
    public PostKind Kind { get; init; }

    /// <summary>Identifier of the post this one reacts to, or null for a conversation start.</summary>
    public string? ParentId { get; init; }

    /// <summary>Identifier of the conversation (thread); null lets the community derive it from the parent chain.</summary>
    public string? ThreadId { get; init; }

    /// <summary>For a retweet or quote: the actor whose post is re-shared.</summary>
    public string? SharedFromId { get; init; }

    /// <summary>Actors mentioned with @handle in the text (in order, without the @, duplicates kept once).</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    /// <summary>Hashtags in the text (without the #, in order, duplicates kept once).</summary>
    public IReadOnlyList<string> Hashtags { get; init; } = [];

    /// <summary>Likes, upvotes or favourites received (may be negative for net votes).</summary>
    public int Likes { get; init; }

    /// <summary>Shares or retweets received.</summary>
    public int Shares { get; init; }
}
