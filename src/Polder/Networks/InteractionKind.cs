namespace Polder.Networks;

/// <summary>The kind of an interaction between two actors; a flags value so a selection of kinds is one value.</summary>
[Flags]
public enum InteractionKind
{
    /// <summary>No kind (an empty selection).</summary>
    None = 0,
    /// <summary>A reply to someone's post.</summary>
    Reply = 1,
    /// <summary>An @mention in a post.</summary>
    Mention = 2,
    /// <summary>A retweet / repost of someone's post.</summary>
    Retweet = 4,
    /// <summary>A quote of someone's post.</summary>
    Quote = 8,
    /// <summary>A plain edge-list edge with no interaction kind.</summary>
    Link = 16,
    /// <summary>Every kind.</summary>
    All = Reply | Mention | Retweet | Quote | Link,
}

/// <summary>Parses kind lists such as <c>reply,mention,retweet</c>.</summary>
public static class InteractionKinds
{
    /// <summary>Parses a comma-separated list of kind names (case-insensitive, singular or plural; "all").</summary>
    public static InteractionKind Parse(string text)
    {
        var result = InteractionKind.None;
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var t = raw.ToLowerInvariant().TrimEnd('s');
            result |= t switch
            {
                "reply" or "replie" => InteractionKind.Reply,
                "mention" => InteractionKind.Mention,
                "retweet" or "rt" or "repost" => InteractionKind.Retweet,
                "quote" => InteractionKind.Quote,
                "link" or "edge" => InteractionKind.Link,
                "all" => InteractionKind.All,
                _ => throw new FormatException($"unknown interaction kind '{raw}' (reply, mention, retweet, quote, link, all)"),
            };
        }
        return result;
    }
}
