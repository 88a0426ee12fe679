namespace Polder.Behaviour;

/// <summary>All behaviour metrics of a community, as typed results. Immutable.</summary>
public sealed record BehaviourReport
{
    /// <summary>Posts analysed.</summary>
    public int Posts { get; init; }
    /// <summary>Actors (authors and mentioned actors); an empty, "[deleted]" or "[removed]" author is no actor (docs/behaviour-metrics.md).</summary>
    public int Actors { get; init; }
    /// <summary>Actors with at least one post (key figure <c>active_actors</c>; empty and deleted authors not counted).</summary>
    public int ActiveActors { get; init; }
    /// <summary>Threads.</summary>
    public int Threads { get; init; }
    /// <summary>Replies to another actor's post or to an unknown parent.</summary>
    public int Replies { get; init; }
    /// <summary>Replies to one's own post.</summary>
    public int SelfReplies { get; init; }
    /// <summary>Replies whose parent is not in the community.</summary>
    public int UnknownParentReplies { get; init; }
    /// <summary>First post, or null for an empty community.</summary>
    public DateTimeOffset? FirstPost { get; init; }
    /// <summary>Last post, or null.</summary>
    public DateTimeOffset? LastPost { get; init; }
    /// <summary>The responder mode used for first-response times.</summary>
    public ResponderMode ResponderMode { get; init; }
    /// <summary>First-response times over all conversations.</summary>
    public required ResponseTimeSummary FirstResponse { get; init; }
    /// <summary>Every conversation.</summary>
    public required IReadOnlyList<ConversationResponse> Conversations { get; init; }
    /// <summary>Inbound messages over all actors (replies to an actor's post and mentions of it, once per addressee; see docs/behaviour-metrics.md).</summary>
    public long Inbound { get; init; }
    /// <summary>Inbound messages the addressee answered with a direct reply.</summary>
    public long InboundAnswered { get; init; }
    /// <summary>
    /// Key figure <c>inbound_answered_share</c>: <see cref="InboundAnswered"/> / <see cref="Inbound"/> over all actors
    /// (NaN without inbound messages). Not the webcare answer rate: see <see cref="OrganisationInboundAnsweredShare"/>
    /// and <see cref="ResponseTimeSummary.AnsweredShare"/>.
    /// </summary>
    public double InboundAnsweredShare => Inbound == 0 ? double.NaN : (double)InboundAnswered / Inbound;
    /// <summary>Inbound messages addressed to organisations (summed over <see cref="Organisations"/>).</summary>
    public long OrganisationInbound => Organisations.Sum(o => (long)o.Actor.Inbound);
    /// <summary>Of <see cref="OrganisationInbound"/>, those the organisation answered with a direct reply.</summary>
    public long OrganisationInboundAnswered => Organisations.Sum(o => (long)o.Actor.InboundAnswered);
    /// <summary>
    /// Key figure <c>organisation_inbound_answered_share</c>: <see cref="OrganisationInboundAnswered"/> /
    /// <see cref="OrganisationInbound"/> — per message addressed to an organisation (NaN without any).
    /// </summary>
    public double OrganisationInboundAnsweredShare => OrganisationInbound == 0 ? double.NaN : (double)OrganisationInboundAnswered / OrganisationInbound;
    /// <summary>Burstiness of all posts of the community together.</summary>
    public double Burstiness { get; init; } = double.NaN;
    /// <summary>Mean thread size.</summary>
    public double MeanThreadSize { get; init; }
    /// <summary>Median thread size.</summary>
    public double MedianThreadSize { get; init; }
    /// <summary>Deepest reply level of any thread.</summary>
    public int MaxThreadDepth { get; init; }
    /// <summary>Posts per hour of the week (168 counts, Monday 00h first).</summary>
    public required IReadOnlyList<int> HourOfWeek { get; init; }
    /// <summary>Per actor with at least one post or inbound message.</summary>
    public required IReadOnlyList<ActorBehaviour> ActorsBehaviour { get; init; }
    /// <summary>Per role and per group attribute value.</summary>
    public required IReadOnlyList<GroupBehaviour> Groups { get; init; }
    /// <summary>Per organisation.</summary>
    public required IReadOnlyList<OrganisationBehaviour> Organisations { get; init; }
    /// <summary>Community size by organisation type and municipality size class.</summary>
    public required IReadOnlyList<CommunitySizeClass> CommunitySizes { get; init; }
    /// <summary>The time series.</summary>
    public required IReadOnlyList<WindowBehaviour> Windows { get; init; }
    /// <summary>The time series per group (role, organisation, attribute value); windows without posts of the group are left out.</summary>
    public required IReadOnlyList<GroupWindowBehaviour> GroupWindows { get; init; }
    /// <summary>The window of <see cref="Windows"/>.</summary>
    public TimeWindow Window { get; init; }
    /// <summary>Per thread.</summary>
    public required IReadOnlyList<ThreadBehaviour> ThreadsBehaviour { get; init; }
}
