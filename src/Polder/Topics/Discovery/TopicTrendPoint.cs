namespace Polder.Topics.Discovery;

/// <summary>A topic's volume in one window.</summary>
/// <param name="Start">First day of the window.</param>
/// <param name="Posts">The topic's posts in the window.</param>
/// <param name="AllPosts">All posts in the window.</param>
public sealed record TopicTrendPoint(DateOnly Start, int Posts, int AllPosts)
{
    /// <summary>The topic's share of the window's posts (NaN for an empty window).</summary>
    public double Share => AllPosts == 0 ? double.NaN : (double)Posts / AllPosts;
}
