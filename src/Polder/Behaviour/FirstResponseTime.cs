using Polder.Community;

namespace Polder.Behaviour;

/// <summary>
/// First-response time as the webcare studies define it: the customer's whole waiting time from the citizen's first
/// message in a conversation to the organisation's first reaction in that conversation (calendar time, not office
/// hours). Conversations are threads. See <see cref="ResponderMode"/> for who the responder is; unanswered
/// conversations are listed with <see cref="ConversationResponse.RespondedAt"/> null. Thread-safe (no state).
/// </summary>
public static class FirstResponseTime
{
    /// <summary>The mode <see cref="ResponderMode.Auto"/> resolves to for this community.</summary>
    public static ResponderMode ResolveMode(OnlineCommunity community, BehaviourOptions options)
    {
        if (options.Responders != ResponderMode.Auto) return options.Responders;
        return OrganisationMask(community, options).Any(b => b) ? ResponderMode.Organisation : ResponderMode.AnyOtherActor;
    }

    internal static bool[] OrganisationMask(OnlineCommunity community, BehaviourOptions options)
    {
        var mask = new bool[community.Actors.Count];
        for (int a = 0; a < mask.Length; a++)
        {
            var actor = community.ActorAt(a);
            mask[a] = actor.Role == ActorRole.Organisation || options.OrganisationIds.Contains(actor.Id);
        }
        return mask;
    }

    /// <summary>Every conversation of the community with its wait, in thread order.</summary>
    public static IReadOnlyList<ConversationResponse> Compute(OnlineCommunity community, BehaviourOptions? options = null)
    {
        options ??= BehaviourOptions.Default;
        var result = new List<ConversationResponse>();
        var mode = ResolveMode(community, options);
        var isOrg = OrganisationMask(community, options);
        var involved = new List<int>(4);
        var c = community;
        for (int t = 0; t < c.ThreadCount; t++)
        {
            int s = c.ThreadStart[t], e = c.ThreadStart[t + 1];
            if (mode == ResponderMode.AnyOtherActor)
            {
                int first = c.ThreadPosts[s];
                int asker = c.AuthorOf[first];
                int resp = -1;
                for (int k = s + 1; k < e; k++) { int p = c.ThreadPosts[k]; if (c.AuthorOf[p] != asker) { resp = p; break; } }
                result.Add(Make(c, t, first, null, resp));
                continue;
            }
            int f = -1;
            involved.Clear();
            for (int k = s; k < e; k++)
            {
                int p = c.ThreadPosts[k];
                int a = c.AuthorOf[p];
                if (isOrg[a]) { if (!involved.Contains(a)) involved.Add(a); continue; }
                if (f < 0) f = k;
                for (int m = c.MentionStart[p]; m < c.MentionStart[p + 1]; m++)
                {
                    int ma = c.MentionActor[m];
                    if (isOrg[ma] && !involved.Contains(ma)) involved.Add(ma);
                }
                int par = c.ParentOf[p];
                if (par >= 0 && isOrg[c.AuthorOf[par]] && !involved.Contains(c.AuthorOf[par])) involved.Add(c.AuthorOf[par]);
            }
            if (f < 0) continue; // only organisations posted: no citizen waiting
            foreach (int org in involved)
            {
                int resp = -1;
                for (int k = f + 1; k < e; k++) { int p = c.ThreadPosts[k]; if (c.AuthorOf[p] == org) { resp = p; break; } }
                result.Add(Make(c, t, c.ThreadPosts[f], c.ActorAt(org).Id, resp));
            }
        }
        return result;
    }

    private static ConversationResponse Make(OnlineCommunity c, int thread, int asked, string? responder, int resp) =>
        new(c.ThreadIdOf[thread], c.ActorAt(c.AuthorOf[asked]).Id, responder, c.PostAt(asked).Time,
            resp < 0 ? null : c.PostAt(resp).Time, resp < 0 ? null : c.ActorAt(c.AuthorOf[resp]).Id);
}
