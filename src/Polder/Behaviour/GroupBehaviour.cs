namespace Polder.Behaviour;

/// <summary>Behaviour summed over the actors sharing a group attribute value (e.g. party = "SP"), or a role.</summary>
public sealed record GroupBehaviour
{
    /// <summary>The attribute ("role" for roles).</summary>
    public required string Attribute { get; init; }
    /// <summary>The value.</summary>
    public required string Value { get; init; }
    /// <summary>Actors in the group that wrote at least one post.</summary>
    public int ActiveActors { get; init; }
    /// <summary>Posts by the group.</summary>
    public long Posts { get; init; }
    /// <summary>Replies (self-replies excluded).</summary>
    public long Replies { get; init; }
    /// <summary>Reply share of the group's output.</summary>
    public double ReplyShare => Posts == 0 ? double.NaN : (double)Replies / Posts;
    /// <summary>Inbound messages addressed to group members.</summary>
    public long Inbound { get; init; }
    /// <summary>Inbound messages answered.</summary>
    public long InboundAnswered { get; init; }
    /// <summary>Response rate of the group.</summary>
    public double ResponseRate => Inbound == 0 ? double.NaN : (double)InboundAnswered / Inbound;
    /// <summary>Engagement received per post.</summary>
    public double EngagementPerPost { get; init; }
}
