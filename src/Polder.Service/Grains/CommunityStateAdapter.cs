using Polder.Behaviour.States;
using Polder.Community;

namespace Polder.Service.Grains;

/// <summary>
/// The thin adapter between a grain and the library's mergeable <see cref="CommunityState"/>: add, merge, the compact
/// form, and the state's figures and open conversations in the service's serialisable shapes. The figures are the
/// state's own (same keys and definitions as <c>polder analyze</c>'s key figures). Not thread-safe (a grain's own).
/// </summary>
internal sealed class CommunityStateAdapter
{
    private const string C = "Community", W = "Webcare";
    private readonly CommunityState _state;

    public CommunityStateAdapter() : this(new CommunityState()) { }

    private CommunityStateAdapter(CommunityState state) => _state = state;

    /// <summary>Posts held.</summary>
    public long Posts => _state.Posts;

    /// <summary>Adds a post; false when its id is held already (the state is idempotent by post id).</summary>
    public bool Add(Post post, Actor author) => _state.Add(post, author);

    /// <summary>Merges a disjoint part into this one.</summary>
    public void Merge(CommunityStateAdapter other) => _state.Merge(other._state);

    /// <summary>The state's compact form.</summary>
    public byte[] ToBytes() => _state.ToBytes();

    /// <summary>A state from its compact form (empty bytes: an empty state).</summary>
    public static CommunityStateAdapter FromBytes(byte[] bytes) => bytes.Length == 0 ? new() : new(CommunityState.FromBytes(bytes));

    /// <summary>The figures now.</summary>
    public Grains.CommunityFigures Figures(string community)
    {
        var f = _state.Figures();
        var list = new List<FigureValue>
        {
            new("posts", "berichten", f.Posts, "", C),
            new("active_actors", "actieve deelnemers", f.ActiveActors, "", C),
            new("threads", "draden (threads)", f.Threads, "", C),
            new("organisations", "organisaties", f.Organisations, "", W),
            new("conversations", "gesprekken", f.Conversations, "", W),
            new("conversations_answered_share", "gesprekken beantwoord", f.ConversationsAnsweredShare, "%", W),
            new("organisation_inbound_answered_share", "berichten aan organisaties direct beantwoord", f.OrganisationInboundAnsweredShare, "%", W),
            new("inbound_answered_share", "gerichte berichten direct beantwoord (alle deelnemers)", f.InboundAnsweredShare, "%", W),
            new("median_first_response_hours", "mediane eerste reactietijd", f.MedianFirstResponseHours, "h", W),
            new("p90_first_response_hours", "90 % van de beantwoorde gesprekken binnen", f.P90FirstResponseHours, "h", W),
            new("open_conversations", "open gesprekken", f.OpenConversations.Count, "", W),
            new("pending_replies", "reacties waarvan het bericht nog ontbreekt", f.UnknownParentReplies, "", C),
        };
        return new Grains.CommunityFigures(community, f.Posts, _state.Counts.FirstPost, _state.Counts.LastPost, list);
    }

    /// <summary>The conversations still waiting for a first answer, oldest first.</summary>
    public OpenConversationInfo[] OpenConversations(int max) =>
        [.. _state.Figures().OpenConversations.Take(max).Select(c => new OpenConversationInfo(c.ThreadId, c.AskerId, c.AskedAt, c.ResponderId))];
}
