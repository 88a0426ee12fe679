namespace Polder.Community;

/// <summary>What a post is in its conversation.</summary>
public enum PostKind
{
    /// <summary>A message that starts a conversation (a thread root).</summary>
    Post = 0,
    /// <summary>A reaction to another post (has a parent).</summary>
    Reply = 1,
    /// <summary>A verbatim re-share of another actor's post (Twitter "RT @x:").</summary>
    Retweet = 2,
    /// <summary>A re-share with the sharer's own comment.</summary>
    Quote = 3,
}
