namespace Polder.Community;

/// <summary>One accepted input row: the post and what the row tells about its author.</summary>
/// <param name="Post">The post.</param>
/// <param name="Author">The author as described by the row (at least the id).</param>
/// <param name="Line">The 1-based line in the source where the row starts (0 when not from a text file).</param>
public readonly record struct PostRecord(Post Post, Actor Author, long Line);
