using Polder.Community;

namespace Polder.Behaviour;

/// <summary>Behaviour of one actor over the whole community. Definitions in docs/behaviour-metrics.md.</summary>
public sealed record ActorBehaviour
{
    /// <summary>The actor.</summary>
    public required string ActorId { get; init; }
    /// <summary>The actor's role.</summary>
    public ActorRole Role { get; init; }
    /// <summary>Posts written (all kinds).</summary>
    public int Posts { get; init; }
    /// <summary>Replies to another actor's post or to an unknown parent (self-replies excluded).</summary>
    public int Replies { get; init; }
    /// <summary>Replies to one's own post.</summary>
    public int SelfReplies { get; init; }
    /// <summary>Retweets/shares and quotes written.</summary>
    public int Shares { get; init; }
    /// <summary><see cref="Replies"/> / <see cref="Posts"/> (NaN without posts).</summary>
    public double ReplyShare => Posts == 0 ? double.NaN : (double)Replies / Posts;
    /// <summary>Distinct local calendar days with at least one post.</summary>
    public int ActiveDays { get; init; }
    /// <summary>First post, or null.</summary>
    public DateTimeOffset? FirstPost { get; init; }
    /// <summary>Last post, or null.</summary>
    public DateTimeOffset? LastPost { get; init; }
    /// <summary>Messages of others addressed to this actor (a reply to its post, or a mention), each message once.</summary>
    public int Inbound { get; init; }
    /// <summary>Inbound messages this actor replied to directly.</summary>
    public int InboundAnswered { get; init; }
    /// <summary><see cref="InboundAnswered"/> / <see cref="Inbound"/> (NaN without inbound messages).</summary>
    public double ResponseRate => Inbound == 0 ? double.NaN : (double)InboundAnswered / Inbound;
    /// <summary>Replies by others to this actor's posts.</summary>
    public int RepliesReceived { get; init; }
    /// <summary>Likes received over all posts.</summary>
    public long LikesReceived { get; init; }
    /// <summary>Shares received over all posts.</summary>
    public long SharesReceived { get; init; }
    /// <summary>(likes + shares + replies by others) received per post (NaN without posts).</summary>
    public double EngagementPerPost => Posts == 0 ? double.NaN : (double)(LikesReceived + SharesReceived + RepliesReceived) / Posts;
    /// <summary>Burstiness of the actor's inter-post times (NaN with fewer than 3 posts).</summary>
    public double Burstiness { get; init; } = double.NaN;
}
