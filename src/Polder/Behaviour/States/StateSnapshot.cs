using Polder.Community;

namespace Polder.Behaviour.States;

/// <summary>Reads a <see cref="CommunityState"/> out into the behaviour report and the key figures (the definitions of <see cref="BehaviourAnalyzer"/>).</summary>
internal static class StateSnapshot
{
    /// <summary>
    /// The report of <paramref name="s"/>; <paramref name="betweenPhases"/> (when given) is called after each big phase,
    /// and then the state is retiring: it drops its lookups once the replies are judged, and the report shares its
    /// thread ids instead of copying them.
    /// </summary>
    public static BehaviourReport Report(CommunityState s, Action? betweenPhases)
    {
        var options = s.Options;
        var actors = s.Actors;
        int na = actors.Count, nt = s.Threads.Count;
        long n = s.Counts.Posts;
        var clock = new LocalClock(options.TimeZone, n == 0 ? 0 : s.Counts.FirstTicks, n == 0 ? 0 : s.Counts.LastTicks);
        var isOrg = new bool[na];
        var unknown = new bool[na];
        int unknownActors = 0;
        for (int a = 0; a < na; a++)
        {
            isOrg[a] = actors[a].Role == ActorRole.Organisation || options.OrganisationIds.Contains(actors[a].Id);
            if (unknown[a] = actors.IsUnknown(a)) unknownActors++;
        }
        var res = s.Links.Resolve(na, nt, isOrg, unknown);
        if (betweenPhases is not null)
        {
            s.Links.ReleaseLookups();   // retiring: the replies are judged (and the network built before)
            betweenPhases();
        }

        // ---- per actor: posts in time order, active days, burstiness, windows
        int w0 = n == 0 ? 0 : LocalClock.WindowOfDay(clock.LocalDay(s.Counts.FirstTicks), options.Window);
        int w1 = n == 0 ? -1 : LocalClock.WindowOfDay(clock.LocalDay(s.Counts.LastTicks), options.Window);
        int nw = w1 - w0 + 1;
        var wPosts = new int[nw]; var wReplies = new int[nw]; var wActive = new int[nw]; var wNew = new int[nw]; var wRetained = new int[nw]; var wThreads = new int[nw];
        var groupKeys = new List<(string attr, string value)>();
        var groupIndex = new Dictionary<(string, string), int>();
        var gPosts = new Dictionary<(int g, int w), int[]>();
        var orgHours = new Dictionary<int, int[]>();
        var actorRows = new List<ActorBehaviour>();
        var actorRowOf = new ActorBehaviour?[na];
        // every post's time and kind, grouped by author (from the links; ticks and kind in one long, sorted per author)
        var all = s.Links.StampsByAuthor(na, out var starts);
        int active = 0;
        var windowsOfActor = new List<int>();
        for (int a = 0; a < na; a++)
        {
            var posts = actors.Posts[a];
            int np = starts[a + 1] - starts[a];
            var ticks = new ArraySegment<long>(all, starts[a], np);
            if (np > 1) Array.Sort(all, starts[a], np);   // by time (then kind)
            var kinds = new PostKind[np];
            for (int k = 0; k < np; k++) { kinds[k] = PostLinksState.KindOf(ticks[k]); ticks[k] = PostLinksState.TicksOf(ticks[k]); }
            if (isOrg[a]) orgHours[a] = new int[168];
            int[] memberOf = [];
            if (np > 0 && !unknown[a])
            {
                var ids = new List<int>(4);
                void Member(string attr, string value)
                {
                    if (!groupIndex.TryGetValue((attr, value), out int g)) { g = groupKeys.Count; groupIndex[(attr, value)] = g; groupKeys.Add((attr, value)); }
                    ids.Add(g);
                }
                Member("role", BehaviourAnalyzer.RoleName(actors[a].Role));
                if (isOrg[a]) Member("organisation", actors[a].Id);
                foreach (var kv in actors[a].Attributes) Member(kv.Key, kv.Value);
                memberOf = ids.ToArray();
            }
            int days = 0, lastDay = int.MinValue, lastW = int.MinValue;
            long cnt = 0; double mean = 0, m2 = 0;
            windowsOfActor.Clear();
            for (int k = 0; k < np; k++)
            {
                long local = clock.LocalTicks(ticks[k]);
                int day = (int)(local / TimeSpan.TicksPerDay);
                if (day != lastDay) { days++; lastDay = day; }
                if (k > 0)
                {
                    double dt = (ticks[k] - ticks[k - 1]) / (double)TimeSpan.TicksPerSecond;
                    cnt++; double d = dt - mean; mean += d / cnt; m2 += d * (dt - mean);
                }
                if (isOrg[a]) orgHours[a][day % 7 * 24 + (int)(local % TimeSpan.TicksPerDay / TimeSpan.TicksPerHour)]++;
                int w = LocalClock.WindowOfDay(day, options.Window) - w0;
                bool isReply = kinds[k] == PostKind.Reply;
                wPosts[w]++;
                if (isReply) wReplies[w]++;
                foreach (int g in memberOf)
                {
                    if (!gPosts.TryGetValue((g, w), out var c)) gPosts[(g, w)] = c = new int[3];
                    c[0]++; if (isReply) c[1]++;
                }
                if (w != lastW && !unknown[a])
                {
                    wActive[w]++;
                    foreach (int g in memberOf) gPosts[(g, w)][2]++;
                    if (lastW == int.MinValue) wNew[w]++;
                    else if (lastW == w - 1) wRetained[w]++;
                    lastW = w;
                }
            }
            if ((np == 0 && res.Inbound[a] == 0) || unknown[a]) continue;
            if (np > 0) active++;
            var row = new ActorBehaviour
            {
                ActorId = actors[a].Id, Role = actors[a].Role, Posts = np, Replies = res.Replies[a], SelfReplies = res.SelfReplies[a], Shares = posts?.Shares ?? 0,
                ActiveDays = days,
                FirstPost = np > 0 ? Local(ticks[0], options.TimeZone) : null,
                LastPost = np > 0 ? Local(ticks[np - 1], options.TimeZone) : null,
                Inbound = res.Inbound[a], InboundAnswered = res.Answered[a], RepliesReceived = res.RepliesReceived[a],
                LikesReceived = posts?.LikesReceived ?? 0, SharesReceived = posts?.SharesReceived ?? 0,
                Burstiness = Statistics.Burstiness(cnt, mean, m2),
            };
            actorRows.Add(row);
            actorRowOf[a] = row;
        }
        Array.Sort(all);
        long gc = 0; double gmean = 0, gm2 = 0;
        for (long p = 1; p < n; p++)
        {
            double dt = (all[p] - all[p - 1]) / (double)TimeSpan.TicksPerSecond;
            gc++; double d = dt - gmean; gmean += d / gc; gm2 += d * (dt - gmean);
        }

        betweenPhases?.Invoke();

        // ---- threads
        var order = s.Threads.InTimeOrder();
        var threadIds = s.Threads.FreezeIds(retiring: betweenPhases is not null);
        var threads = new ChunkedColumn<ThreadRows.Row>();
        var threadSizes = new CountedValues();
        int maxDepth = 0;
        for (int i = 0; i < nt; i++)
        {
            int t = order[i];
            var e = s.Threads[t];
            var first = s.Threads.FirstOf(t);
            wThreads[LocalClock.WindowOfDay(clock.LocalDay(first.Ticks), options.Window) - w0]++;
            threads.Add(new ThreadRows.Row(t, e.Posts, res.ThreadDepth[t], s.Threads.Participants(t), first.Ticks, first.Offset, (s.Threads.LastOf(t).Time - first.Time).TotalHours, res.ThreadUnknownParents[t]));
            threadSizes.Add(e.Posts);
            maxDepth = Math.Max(maxDepth, res.ThreadDepth[t]);
        }
        betweenPhases?.Invoke();

        // ---- conversations
        var mode = options.Responders != ResponderMode.Auto ? options.Responders : isOrg.Any(b => b) ? ResponderMode.Organisation : ResponderMode.AnyOtherActor;
        var conversations = s.Threads.Conversations(mode, isOrg, actors, threadIds);
        betweenPhases?.Invoke();
        var windows = BehaviourAnalyzer.Windows(conversations, clock, options.Window, w0, wPosts, wReplies, wThreads, wActive, wNew, wRetained);

        var groupWindows = new List<GroupWindowBehaviour>();
        foreach (var g in Enumerable.Range(0, groupKeys.Count).OrderBy(g => groupKeys[g].attr, StringComparer.Ordinal).ThenBy(g => groupKeys[g].value, StringComparer.Ordinal))
            for (int w = 0; w < nw; w++)
                if (gPosts.TryGetValue((g, w), out var c) && c[0] > 0)
                    groupWindows.Add(new GroupWindowBehaviour(groupKeys[g].attr, groupKeys[g].value, LocalClock.WindowStart(w + w0, options.Window), c[0], c[1], c[2]));

        var orgs = BehaviourAnalyzer.Organisations(res.OrganisationCommunity.Select(kv => (actors[kv.Key], kv.Value.Count, actorRowOf[kv.Key], orgHours[kv.Key])), conversations, options);
        long replies = 0, self = 0, inbound = 0, answered = 0;
        for (int a = 0; a < na; a++) { replies += res.Replies[a]; self += res.SelfReplies[a]; inbound += res.Inbound[a]; answered += res.Answered[a]; }
        return new BehaviourReport
        {
            Posts = (int)n, Actors = na - unknownActors, ActiveActors = active, Threads = nt,
            Replies = (int)replies, SelfReplies = (int)self, UnknownParentReplies = res.UnknownParents,
            FirstPost = s.Counts.FirstPost, LastPost = s.Counts.LastPost,
            ResponderMode = mode,
            FirstResponse = ResponseTimeSummary.OfTimes(conversations),
            Conversations = conversations,
            Inbound = inbound, InboundAnswered = answered,
            Burstiness = Statistics.Burstiness(gc, gmean, gm2),
            MeanThreadSize = nt == 0 ? double.NaN : (double)n / nt,
            MedianThreadSize = Statistics.Quantile(threadSizes, 0.5),
            MaxThreadDepth = maxDepth,
            HourOfWeek = s.Counts.HourOfWeek.Select(x => (int)x).ToArray(),
            ActorsBehaviour = actorRows,
            Groups = BehaviourAnalyzer.Groups(actorRows, id => actors[actors.IndexOf(id)]),
            Organisations = orgs,
            CommunitySizes = BehaviourAnalyzer.Sizes(orgs),
            Windows = windows,
            GroupWindows = groupWindows,
            Window = options.Window,
            ThreadsBehaviour = new ThreadRows(threads, threadIds),
        };
    }

    private static DateTimeOffset Local(long utcTicks, TimeZoneInfo zone)
    {
        var utc = new DateTime(utcTicks, DateTimeKind.Utc);
        return new DateTimeOffset(utc).ToOffset(zone.GetUtcOffset(utc));
    }

    public static CommunityFigures Figures(CommunityState s, BehaviourReport r)
    {
        var histogram = new ResponseTimeHistogram();
        foreach (var c in r.Conversations) if (c.Wait is { } w) histogram.Add(w.TotalHours);
        var text = s.Text.Total();
        double an = text.Analysed;
        return new CommunityFigures
        {
            Posts = r.Posts, OrganisationPosts = s.Counts.OrganisationPosts, Actors = r.Actors, ActiveActors = r.ActiveActors, Threads = r.Threads,
            Replies = r.Replies, SelfReplies = r.SelfReplies, UnknownParentReplies = r.UnknownParentReplies, Organisations = r.Organisations.Count,
            ResponderMode = r.ResponderMode,
            Conversations = r.FirstResponse.Conversations, ConversationsAnswered = r.FirstResponse.Answered,
            MedianFirstResponseHours = r.FirstResponse.MedianHours, P90FirstResponseHours = r.FirstResponse.P90Hours,
            FirstResponseHistogram = histogram,
            Inbound = r.Inbound, InboundAnswered = r.InboundAnswered,
            OrganisationInbound = r.OrganisationInbound, OrganisationInboundAnswered = r.OrganisationInboundAnswered,
            OpenConversations = r.Conversations.Where(c => !c.Answered).OrderBy(c => c.AskedAt).ThenBy(c => c.ThreadId, StringComparer.Ordinal).ToList(),
            AnalysedPosts = text.Analysed,
            NegativeShare = an == 0 ? double.NaN : text.Sentiment[0] / an,
            PositiveShare = an == 0 ? double.NaN : text.Sentiment[2] / an,
            ComplaintShare = an == 0 ? double.NaN : text.WithComplaint / an,
        };
    }
}
