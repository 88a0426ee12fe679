namespace Polder.Community.Reading;

/// <summary>How the text column is laid out.</summary>
public enum ContentStyle
{
    /// <summary>The text as written.</summary>
    Plain = 0,
    /// <summary>
    /// Twitter export: <c>Name (@handle): body</c>, where a body <c>RT @x: text</c> is a retweet of x. The handle is the
    /// author id (when no author column is mapped) and the body is the post text.
    /// </summary>
    TwitterExport = 1,
}
