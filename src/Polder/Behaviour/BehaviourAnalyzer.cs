using Polder.Community;
using Polder.Networks;

namespace Polder.Behaviour;

/// <summary>
/// Computes every behaviour metric of a community in a few linear passes over its compact columns. Working memory is
/// proportional to actors, threads and windows (not posts, apart from the result lists per thread). Stateless and
/// thread-safe.
/// </summary>
public static class BehaviourAnalyzer
{
    /// <summary>Analyses <paramref name="community"/>.</summary>
    public static BehaviourReport Analyze(OnlineCommunity community, BehaviourOptions? options = null)
    {
        options ??= BehaviourOptions.Default;
        var c = community;
        int n = c.Posts.Count, na = c.Actors.Count, nt = c.ThreadCount;
        var clock = new LocalClock(options.TimeZone, n == 0 ? 0 : c.UtcTicks[0], n == 0 ? 0 : c.UtcTicks[n - 1]);
        var isOrg = FirstResponseTime.OrganisationMask(c, options);
        // an empty, "[deleted]" or "[removed]" author is not an actor (the rule of docs/networks.md): its posts count as
        // posts, replies and thread members, but it is nobody to address, answer, count or follow over time
        var unknown = new bool[na];
        int unknownActors = 0;
        for (int a = 0; a < na; a++) if (unknown[a] = PostInteractions.IsUnknownAuthor(c.ActorAt(a).Id)) unknownActors++;

        // ---- per thread: replies, self-replies, inbound/answered, engagement received, thread shape, org communities
        var replies = new int[na]; var selfReplies = new int[na]; var shares = new int[na];
        var inbound = new int[na]; var answered = new int[na]; var repliesReceived = new int[na];
        var likesReceived = new long[na]; var sharesReceived = new long[na];
        var orgCommunity = new Dictionary<int, HashSet<int>>();
        for (int a = 0; a < na; a++) if (isOrg[a]) orgCommunity[a] = [];
        var threads = new ThreadBehaviour[nt];
        var addressed = new SmallSet();   // (post, addressee) pairs of the current thread
        var answeredPairs = new SmallSet();
        var participants = new SmallSet();
        int totalReplies = 0, totalSelf = 0, unknownParents = 0, maxDepth = 0;
        for (int t = 0; t < nt; t++)
        {
            int s = c.ThreadStart[t], e = c.ThreadStart[t + 1];
            addressed.Clear(); answeredPairs.Clear(); participants.Clear();
            int depth = 0, unknownInThread = 0;
            for (int k = s; k < e; k++)
            {
                int p = c.ThreadPosts[k];
                int a = c.AuthorOf[p];
                participants.Add(a);
                if (c.DepthOf[p] > depth) depth = c.DepthOf[p];
                likesReceived[a] += c.LikesOf[p]; sharesReceived[a] += c.SharesOf[p];
                var kind = c.KindOf[p];
                if (kind is PostKind.Retweet or PostKind.Quote) shares[a]++;
                int par = c.ParentOf[p];
                if (par == OnlineCommunity.UnknownParent) { unknownInThread++; if (kind == PostKind.Reply) replies[a]++; }
                else if (par >= 0)
                {
                    int pa = c.AuthorOf[par];
                    if (pa == a) { if (kind == PostKind.Reply) selfReplies[a]++; }
                    else
                    {
                        if (kind == PostKind.Reply) replies[a]++;
                        repliesReceived[pa]++;
                        if (!unknown[pa] && addressed.Add(Pair(p, pa))) inbound[pa]++;
                        if (isOrg[pa] && !isOrg[a] && !unknown[a]) orgCommunity[pa].Add(a);
                        if (isOrg[a] && !isOrg[pa] && !unknown[pa]) orgCommunity[a].Add(pa);
                        // does this post answer its parent, which addressed the author?
                        if (addressed.Contains(Pair(par, a)) && answeredPairs.Add(Pair(par, a))) answered[a]++;
                    }
                }
                for (int m = c.MentionStart[p]; m < c.MentionStart[p + 1]; m++)
                {
                    int ma = c.MentionActor[m];
                    if (ma == a || unknown[ma]) continue;
                    if (addressed.Add(Pair(p, ma))) inbound[ma]++;
                    if (isOrg[ma] && !isOrg[a] && !unknown[a]) orgCommunity[ma].Add(a);
                }
            }
            unknownParents += unknownInThread;
            if (depth > maxDepth) maxDepth = depth;
            var first = c.PostAt(c.ThreadPosts[s]);
            var last = c.PostAt(c.ThreadPosts[e - 1]);
            threads[t] = new ThreadBehaviour(c.ThreadIdOf[t], e - s, depth, participants.Count, first.Time, (last.Time - first.Time).TotalHours, unknownInThread);
        }
        for (int a = 0; a < na; a++) { totalReplies += replies[a]; totalSelf += selfReplies[a]; }

        // ---- per author: active days, burstiness, first/last
        var actorRows = new List<ActorBehaviour>();
        var actorRowOf = new ActorBehaviour?[na];
        int active = 0;
        for (int a = 0; a < na; a++)
        {
            int s = c.AuthorStart[a], e = c.AuthorStart[a + 1];
            if ((e == s && inbound[a] == 0) || unknown[a]) continue;
            int days = 0, lastDay = int.MinValue;
            long cnt = 0; double mean = 0, m2 = 0;
            for (int k = s; k < e; k++)
            {
                int p = c.AuthorPosts[k];
                int day = clock.LocalDay(c.UtcTicks[p]);
                if (day != lastDay) { days++; lastDay = day; }
                if (k > s)
                {
                    double dt = (c.UtcTicks[p] - c.UtcTicks[c.AuthorPosts[k - 1]]) / (double)TimeSpan.TicksPerSecond;
                    cnt++; double d = dt - mean; mean += d / cnt; m2 += d * (dt - mean);
                }
            }
            if (e > s) active++;
            var actor = c.ActorAt(a);
            var row = new ActorBehaviour
            {
                ActorId = actor.Id, Role = actor.Role, Posts = e - s, Replies = replies[a], SelfReplies = selfReplies[a], Shares = shares[a],
                ActiveDays = days,
                FirstPost = e > s ? c.PostAt(c.AuthorPosts[s]).Time : null,
                LastPost = e > s ? c.PostAt(c.AuthorPosts[e - 1]).Time : null,
                Inbound = inbound[a], InboundAnswered = answered[a], RepliesReceived = repliesReceived[a],
                LikesReceived = likesReceived[a], SharesReceived = sharesReceived[a],
                Burstiness = Statistics.Burstiness(cnt, mean, m2),
            };
            actorRows.Add(row);
            actorRowOf[a] = row;
        }

        // ---- group membership for the per-group time series
        var groupKeys = new List<(string attr, string value)>();
        var groupIndex = new Dictionary<(string, string), int>();
        var groupsOf = new int[na][];
        for (int a = 0; a < na; a++)
        {
            if (c.AuthorStart[a + 1] == c.AuthorStart[a] || unknown[a]) { groupsOf[a] = []; continue; }
            var actor = c.ActorAt(a);
            var ids = new List<int>(4);
            void Member(string attr, string value)
            {
                if (!groupIndex.TryGetValue((attr, value), out int g)) { g = groupKeys.Count; groupIndex[(attr, value)] = g; groupKeys.Add((attr, value)); }
                ids.Add(g);
            }
            Member("role", RoleName(actor.Role));
            if (isOrg[a]) Member("organisation", actor.Id);
            foreach (var kv in actor.Attributes) Member(kv.Key, kv.Value);
            groupsOf[a] = ids.ToArray();
        }

        // ---- time pass: hour of week, windows, retention, community burstiness
        var hourOfWeek = new int[168];
        var orgHours = new Dictionary<int, int[]>();
        foreach (var org in orgCommunity.Keys) orgHours[org] = new int[168];
        int w0 = n == 0 ? 0 : LocalClock.WindowOfDay(clock.LocalDay(c.UtcTicks[0]), options.Window);
        int w1 = n == 0 ? -1 : LocalClock.WindowOfDay(clock.LocalDay(c.UtcTicks[n - 1]), options.Window);
        int nw = w1 - w0 + 1;
        var wPosts = new int[nw]; var wReplies = new int[nw]; var wActive = new int[nw]; var wNew = new int[nw];
        var wRetained = new int[nw]; var wThreads = new int[nw];
        int ng = groupKeys.Count;
        var gPosts = new int[ng * Math.Max(nw, 0)]; var gReplies = new int[gPosts.Length]; var gActive = new int[gPosts.Length];
        var lastWindow = new int[na];
        Array.Fill(lastWindow, int.MinValue);
        long gc = 0; double gmean = 0, gm2 = 0;
        int lastDayCache = int.MinValue, lastW = 0;
        for (int p = 0; p < n; p++)
        {
            long ticks = c.UtcTicks[p];
            long local = clock.LocalTicks(ticks);
            int day = (int)(local / TimeSpan.TicksPerDay);
            int how = day % 7 * 24 + (int)(local % TimeSpan.TicksPerDay / TimeSpan.TicksPerHour);
            hourOfWeek[how]++;
            int a = c.AuthorOf[p];
            if (isOrg[a]) orgHours[a][how]++;
            if (day != lastDayCache) { lastDayCache = day; lastW = LocalClock.WindowOfDay(day, options.Window) - w0; }
            int w = lastW;
            wPosts[w]++;
            bool isReply = c.KindOf[p] == PostKind.Reply;
            if (isReply) wReplies[w]++;
            var memberOf = groupsOf[a];
            foreach (int g in memberOf) { gPosts[g * nw + w]++; if (isReply) gReplies[g * nw + w]++; }
            int lw = lastWindow[a];
            if (lw != w && !unknown[a])
            {
                wActive[w]++;
                foreach (int g in memberOf) gActive[g * nw + w]++;
                if (lw == int.MinValue) wNew[w]++;
                else if (lw == w - 1) wRetained[w]++;
                lastWindow[a] = w;
            }
            int t = c.ThreadOf[p];
            if (c.ThreadPosts[c.ThreadStart[t]] == p) wThreads[w]++;
            if (p > 0)
            {
                double dt = (ticks - c.UtcTicks[p - 1]) / (double)TimeSpan.TicksPerSecond;
                gc++; double d = dt - gmean; gmean += d / gc; gm2 += d * (dt - gmean);
            }
        }

        // ---- first response
        var conversations = FirstResponseTime.Compute(c, options);
        var mode = FirstResponseTime.ResolveMode(c, options);
        var windows = Windows(conversations, clock, options.Window, w0, wPosts, wReplies, wThreads, wActive, wNew, wRetained);

        var groupWindows = new List<GroupWindowBehaviour>();
        foreach (var g in Enumerable.Range(0, ng).OrderBy(g => groupKeys[g].attr, StringComparer.Ordinal).ThenBy(g => groupKeys[g].value, StringComparer.Ordinal))
            for (int w = 0; w < nw; w++)
                if (gPosts[g * nw + w] > 0)
                    groupWindows.Add(new GroupWindowBehaviour(groupKeys[g].attr, groupKeys[g].value, LocalClock.WindowStart(w + w0, options.Window),
                        gPosts[g * nw + w], gReplies[g * nw + w], gActive[g * nw + w]));

        // ---- organisations and community sizes
        var orgs = Organisations(orgCommunity.Select(kv => (c.ActorAt(kv.Key), kv.Value.Count, actorRowOf[kv.Key], orgHours[kv.Key])), conversations, options);
        var sizes = Sizes(orgs);

        // ---- groups: by role and by every attribute
        var groups = Groups(actorRows, id => c.FindActor(id)!);

        var threadSizes = new double[nt];
        for (int t = 0; t < nt; t++) threadSizes[t] = threads[t].Size;
        Array.Sort(threadSizes);
        return new BehaviourReport
        {
            Posts = n, Actors = na - unknownActors, ActiveActors = active, Threads = nt,
            Replies = totalReplies, SelfReplies = totalSelf, UnknownParentReplies = unknownParents,
            FirstPost = n == 0 ? null : c.PostAt(0).Time, LastPost = n == 0 ? null : c.PostAt(n - 1).Time,
            ResponderMode = mode,
            FirstResponse = ResponseTimeSummary.OfTimes(conversations),
            Conversations = conversations,
            Inbound = inbound.Sum(x => (long)x), InboundAnswered = answered.Sum(x => (long)x),
            Burstiness = Statistics.Burstiness(gc, gmean, gm2),
            MeanThreadSize = nt == 0 ? double.NaN : (double)n / nt,
            MedianThreadSize = Statistics.Quantile(threadSizes, 0.5),
            MaxThreadDepth = maxDepth,
            HourOfWeek = hourOfWeek,
            ActorsBehaviour = actorRows,
            Groups = groups,
            Organisations = orgs,
            CommunitySizes = sizes,
            Windows = windows,
            GroupWindows = groupWindows,
            Window = options.Window,
            ThreadsBehaviour = threads,
        };
    }

    /// <summary>The time series: per window the post counts given, and the conversations asked in it.</summary>
    internal static WindowBehaviour[] Windows(IReadOnlyList<ConversationResponse> conversations, LocalClock clock, TimeWindow window, int w0,
        int[] wPosts, int[] wReplies, int[] wThreads, int[] wActive, int[] wNew, int[] wRetained)
    {
        int nw = wPosts.Length;
        var wConv = new int[nw]; var wAnswered = new int[nw];
        var wWaits = new List<double>?[nw];
        foreach (var conv in ConversationTimes.Of(conversations))
        {
            int w = LocalClock.WindowOfDay(clock.LocalDay(conv.AskedUtcTicks), window) - w0;
            if ((uint)w < (uint)nw)
            {
                wConv[w]++;
                if (conv.Wait is { } wait) { wAnswered[w]++; (wWaits[w] ??= []).Add(wait.TotalHours); }
            }
        }
        var windows = new WindowBehaviour[nw];
        for (int w = 0; w < nw; w++)
        {
            var waits = wWaits[w];
            waits?.Sort();
            windows[w] = new WindowBehaviour
            {
                Start = LocalClock.WindowStart(w + w0, window),
                Posts = wPosts[w], Replies = wReplies[w], ThreadsStarted = wThreads[w], ActiveActors = wActive[w], NewActors = wNew[w],
                Retained = wRetained[w],
                Retention = w == 0 || wActive[w - 1] == 0 ? double.NaN : (double)wRetained[w] / wActive[w - 1],
                PostsChange = w == 0 ? double.NaN : Statistics.Change(wPosts[w], wPosts[w - 1]),
                ActiveActorsChange = w == 0 ? double.NaN : Statistics.Change(wActive[w], wActive[w - 1]),
                Conversations = wConv[w], Answered = wAnswered[w],
                MedianFirstResponseHours = waits is null ? double.NaN : Statistics.Quantile(waits, 0.5),
            };
        }
        return windows;
    }

    /// <summary>Per organisation: its figures, community size, rhythm and first-response summary; largest community first.</summary>
    internal static List<OrganisationBehaviour> Organisations(IEnumerable<(Actor Actor, int CommunitySize, ActorBehaviour? Row, int[] HourOfWeek)> organisations,
        IReadOnlyList<ConversationResponse> conversations, BehaviourOptions options)
    {
        // one pass, a summary builder per organisation (not a list of its conversations: millions in a big community)
        var convByOrg = new Dictionary<string, ResponseTimeSummary.Builder>(StringComparer.Ordinal);
        foreach (var conv in ConversationTimes.Of(conversations))
            if (conv.ResponderId is { } r)
            {
                if (!convByOrg.TryGetValue(r, out var b)) convByOrg[r] = b = new ResponseTimeSummary.Builder();
                b.Add(conv.Wait);
            }
        var orgs = new List<OrganisationBehaviour>();
        foreach (var (actor, size, row, hours) in organisations)
        {
            var municipality = actor.Attribute(Actor.Municipality);
            orgs.Add(new OrganisationBehaviour
            {
                ActorId = actor.Id,
                OrganisationType = actor.Attribute(Actor.OrganisationType),
                Municipality = municipality,
                SizeClass = municipality is null ? null : options.Municipalities?.ClassOfMunicipality(municipality),
                CommunitySize = size,
                Actor = row ?? new ActorBehaviour { ActorId = actor.Id, Role = actor.Role },
                FirstResponse = convByOrg.TryGetValue(actor.Id, out var b) ? b.Build() : ResponseTimeSummary.From([]),
                HourOfWeek = hours,
            });
        }
        orgs.Sort((x, y) => y.CommunitySize != x.CommunitySize ? y.CommunitySize.CompareTo(x.CommunitySize) : string.CompareOrdinal(x.ActorId, y.ActorId));
        return orgs;
    }

    /// <summary>Community size by organisation type and municipality size class.</summary>
    internal static List<CommunitySizeClass> Sizes(IReadOnlyList<OrganisationBehaviour> orgs) => orgs
        .GroupBy(o => (type: o.OrganisationType ?? "(unknown)", cls: o.SizeClass ?? "(none)"))
        .OrderBy(g => g.Key.type, StringComparer.Ordinal).ThenBy(g => g.Key.cls, StringComparer.Ordinal)
        .Select(g =>
        {
            var v = g.Select(o => (double)o.CommunitySize).OrderBy(x => x).ToList();
            return new CommunitySizeClass(g.Key.type, g.Key.cls, v.Count, (long)v.Sum(), v.Average(), Statistics.Quantile(v, 0.5));
        }).ToList();

    /// <summary>Per role and per value of every attribute, over the actor rows.</summary>
    internal static List<GroupBehaviour> Groups(IReadOnlyList<ActorBehaviour> actorRows, Func<string, Actor> actorOf)
    {
        var groups = new List<GroupBehaviour>();
        var keyed = new Dictionary<(string, string), List<ActorBehaviour>>();
        foreach (var row in actorRows)
        {
            var actor = actorOf(row.ActorId);
            Add(("role", RoleName(actor.Role)), row);
            foreach (var kv in actor.Attributes) Add((kv.Key, kv.Value), row);
        }
        void Add((string, string) key, ActorBehaviour row)
        {
            if (!keyed.TryGetValue(key, out var list)) keyed[key] = list = [];
            list.Add(row);
        }
        foreach (var ((attr, value), rows) in keyed.OrderBy(k => k.Key.Item1, StringComparer.Ordinal).ThenBy(k => k.Key.Item2, StringComparer.Ordinal))
        {
            long posts = rows.Sum(r => (long)r.Posts);
            groups.Add(new GroupBehaviour
            {
                Attribute = attr, Value = value,
                ActiveActors = rows.Count(r => r.Posts > 0),
                Posts = posts, Replies = rows.Sum(r => (long)r.Replies),
                Inbound = rows.Sum(r => (long)r.Inbound), InboundAnswered = rows.Sum(r => (long)r.InboundAnswered),
                EngagementPerPost = posts == 0 ? double.NaN : rows.Sum(r => (double)(r.LikesReceived + r.SharesReceived + r.RepliesReceived)) / posts,
            });
        }
        return groups;
    }

    private static long Pair(int post, int actor) => ((long)post << 32) | (uint)actor;

    internal static string RoleName(ActorRole r) => r switch
    {
        ActorRole.Citizen => "citizen", ActorRole.Organisation => "organisation", ActorRole.Business => "business",
        ActorRole.Politician => "politician", ActorRole.Media => "media", _ => "unknown",
    };
}
