namespace Polder.Behaviour.States;

/// <summary>
/// The key figures of a <see cref="CommunityState"/> (docs/behaviour-metrics.md, "Key figures"), computed in one
/// snapshot. Same names and definitions as <see cref="BehaviourReport"/> and <c>polder analyze</c>. Immutable.
/// </summary>
public sealed record CommunityFigures
{
    /// <summary>Posts.</summary>
    public long Posts { get; init; }
    /// <summary>Posts written by organisations.</summary>
    public long OrganisationPosts { get; init; }
    /// <summary>Actors (empty and deleted authors are none).</summary>
    public int Actors { get; init; }
    /// <summary>Key figure <c>active_actors</c>.</summary>
    public int ActiveActors { get; init; }
    /// <summary>Key figure <c>threads</c>.</summary>
    public int Threads { get; init; }
    /// <summary>Replies to another actor's post or to an unknown parent.</summary>
    public long Replies { get; init; }
    /// <summary>Replies to one's own post.</summary>
    public long SelfReplies { get; init; }
    /// <summary>Replies whose parent is not in the state (yet): the pending replies.</summary>
    public long UnknownParentReplies { get; init; }
    /// <summary>Organisations (actors with role organisation or listed in the options).</summary>
    public int Organisations { get; init; }
    /// <summary>The responder mode the conversations use.</summary>
    public ResponderMode ResponderMode { get; init; }
    /// <summary>Key figure <c>conversations</c>.</summary>
    public int Conversations { get; init; }
    /// <summary>Answered conversations.</summary>
    public int ConversationsAnswered { get; init; }
    /// <summary>Key figure <c>conversations_answered_share</c>.</summary>
    public double ConversationsAnsweredShare => Conversations == 0 ? double.NaN : (double)ConversationsAnswered / Conversations;
    /// <summary>Key figure <c>median_first_response_hours</c> (exact: the state resolves every conversation).</summary>
    public double MedianFirstResponseHours { get; init; } = double.NaN;
    /// <summary>Key figure <c>p90_first_response_hours</c> (exact).</summary>
    public double P90FirstResponseHours { get; init; } = double.NaN;
    /// <summary>The waits of the answered conversations as a mergeable histogram (quantiles within 1 %; see <see cref="ResponseTimeHistogram"/>).</summary>
    public required ResponseTimeHistogram FirstResponseHistogram { get; init; }
    /// <summary>Inbound messages over all actors.</summary>
    public long Inbound { get; init; }
    /// <summary>Inbound messages answered with a direct reply.</summary>
    public long InboundAnswered { get; init; }
    /// <summary>Key figure <c>inbound_answered_share</c>.</summary>
    public double InboundAnsweredShare => Inbound == 0 ? double.NaN : (double)InboundAnswered / Inbound;
    /// <summary>Inbound messages to organisations.</summary>
    public long OrganisationInbound { get; init; }
    /// <summary>Of those, answered by the organisation with a direct reply.</summary>
    public long OrganisationInboundAnswered { get; init; }
    /// <summary>Key figure <c>organisation_inbound_answered_share</c>.</summary>
    public double OrganisationInboundAnsweredShare => OrganisationInbound == 0 ? double.NaN : (double)OrganisationInboundAnswered / OrganisationInbound;
    /// <summary>Open conversations: a question still waiting for the organisation's (forum: anyone's) first reaction, oldest first.</summary>
    public required IReadOnlyList<ConversationResponse> OpenConversations { get; init; }
    /// <summary>Posts the Dutch text layers read (0 when no text facts were given).</summary>
    public long AnalysedPosts { get; init; }
    /// <summary>Key figure <c>negative_share</c> (of analysed posts).</summary>
    public double NegativeShare { get; init; } = double.NaN;
    /// <summary>Key figure <c>positive_share</c> (of analysed posts).</summary>
    public double PositiveShare { get; init; } = double.NaN;
    /// <summary>Key figure <c>complaint_share</c> (of analysed posts).</summary>
    public double ComplaintShare { get; init; } = double.NaN;
}
