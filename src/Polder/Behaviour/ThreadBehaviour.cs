namespace Polder.Behaviour;

/// <summary>Size and shape of one thread.</summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="Size">Posts in the thread.</param>
/// <param name="MaxDepth">Deepest reply level (0 = only a root).</param>
/// <param name="Participants">Distinct authors.</param>
/// <param name="Start">First post.</param>
/// <param name="DurationHours">Hours from first to last post.</param>
/// <param name="UnknownParentReplies">Replies in the thread whose parent is not in the community.</param>
public sealed record ThreadBehaviour(string ThreadId, int Size, int MaxDepth, int Participants, DateTimeOffset Start, double DurationHours, int UnknownParentReplies);
