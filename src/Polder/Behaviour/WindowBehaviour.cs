namespace Polder.Behaviour;

/// <summary>One calendar window of the community time series, with retention and change against the previous window.</summary>
public sealed record WindowBehaviour
{
    /// <summary>First local day of the window.</summary>
    public required DateOnly Start { get; init; }
    /// <summary>Posts written.</summary>
    public int Posts { get; init; }
    /// <summary>Replies written (kind reply, including self-replies).</summary>
    public int Replies { get; init; }
    /// <summary>Threads whose first post falls in the window.</summary>
    public int ThreadsStarted { get; init; }
    /// <summary>Actors with at least one post.</summary>
    public int ActiveActors { get; init; }
    /// <summary>Active actors never active before.</summary>
    public int NewActors { get; init; }
    /// <summary>Actors active both in the previous window and in this one.</summary>
    public int Retained { get; init; }
    /// <summary>Retained / active actors of the previous window (NaN for the first window or an empty previous one).</summary>
    public double Retention { get; init; } = double.NaN;
    /// <summary>1 − <see cref="Retention"/>: share of the previous window's actors not seen again in this one.</summary>
    public double Churn => double.IsNaN(Retention) ? double.NaN : 1 - Retention;
    /// <summary>Relative change in posts against the previous window.</summary>
    public double PostsChange { get; init; } = double.NaN;
    /// <summary>Relative change in active actors against the previous window.</summary>
    public double ActiveActorsChange { get; init; } = double.NaN;
    /// <summary>Conversations whose wait started in the window.</summary>
    public int Conversations { get; init; }
    /// <summary>Of those, answered.</summary>
    public int Answered { get; init; }
    /// <summary>Median first-response time of the window's answered conversations, hours.</summary>
    public double MedianFirstResponseHours { get; init; } = double.NaN;
}
