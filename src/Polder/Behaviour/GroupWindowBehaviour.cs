namespace Polder.Behaviour;

/// <summary>
/// Activity of one group in one calendar window: groups are roles ("role"), actor attribute values (party,
/// neighbourhood …) and each organisation on its own ("organisation" = its actor id).
/// </summary>
/// <param name="Attribute">The attribute ("role", "organisation", "party" …).</param>
/// <param name="Value">The value.</param>
/// <param name="Start">First local day of the window.</param>
/// <param name="Posts">Posts by the group in the window.</param>
/// <param name="Replies">Replies (kind reply) by the group in the window.</param>
/// <param name="ActiveActors">Group members with at least one post in the window.</param>
public sealed record GroupWindowBehaviour(string Attribute, string Value, DateOnly Start, int Posts, int Replies, int ActiveActors);
