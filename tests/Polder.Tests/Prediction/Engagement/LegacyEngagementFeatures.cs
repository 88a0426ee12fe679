using Polder.Prediction.Engagement;

namespace Polder.Tests.Prediction.Engagement;

/// <summary>
/// The engagement features as first written (string-keyed dictionaries, a list per thread and author), kept only as
/// the reference that <see cref="EngagementFeatures"/>' dense-index rewrite must reproduce bit for bit.
/// </summary>
internal static class LegacyEngagementFeatures
{
    public static bool[] Labels(IReadOnlyList<EngagementPost> posts, long window = 86400)
    {
        var index = Index(posts);
        var y = new bool[posts.Count];
        for (int i = 0; i < posts.Count; i++)
        {
            var p = posts[i];
            if (p.IsRoot || !index.TryGetValue(p.ParentId, out var parent)) continue;
            long dt = p.Created - posts[parent].Created;
            if (dt >= 0 && dt <= window) y[parent] = true;
        }
        return y;
    }

    public static float[] BuildOwn(IReadOnlyList<EngagementPost> posts, long window, int[]? slot = null, int rowCount = -1)
    {
        int n = posts.Count, d = EngagementFeatures.Count;
        var x = new float[(slot is null ? n : rowCount) * d];
        var index = Index(posts);
        var labels = Labels(posts, window);
        var order = Enumerable.Range(0, n).OrderBy(i => posts[i].Created).ThenBy(i => posts[i].Id, StringComparer.Ordinal).ToArray();
        var depth = new int[n];
        var threadPosts = new Dictionary<string, List<int>>();
        var authorPosts = new Dictionary<string, List<int>>();
        var repliesReceived = new Dictionary<string, int>();
        var pairs = new Dictionary<(string, string), int>();
        var childrenBefore = new int[n];
        var timeline = new List<long>(); // creation times in order
        var orderQueue = new List<int>(); // posts in time order, to resolve outcomes once their window closes
        int resolvedPtr = 0;
        var authorResolved = new Dictionary<string, (int Posts, int Replied)>();
        var threadResolved = new Dictionary<string, (int Posts, int Replied)>();
        var recentResolved = new Queue<(long Time, bool Replied)>();
        int recentReplied = 0;
        var lastPost = new Dictionary<string, long>();
        // Per post: did the author of its parent reply to it within the window (the parent author answered back)?
        var answeredBack = new bool[n];
        for (int c = 0; c < n; c++)
        {
            var pc = posts[c];
            if (pc.IsRoot || !index.TryGetValue(pc.ParentId, out var k)) continue;
            if (posts[k].IsRoot || !index.TryGetValue(posts[k].ParentId, out var kp)) continue;
            if (pc.Author == posts[kp].Author && pc.Created - posts[k].Created <= window && pc.Created >= posts[k].Created) answeredBack[k] = true;
        }
        var answerStats = new Dictionary<string, (int Posts, int Answered)>();
        // Per post: the accounts it mentions, and which of them replied to it directly within the window (webcare:
        // "did the municipality answer when addressed"). Handles compare case-insensitively, as on Twitter.
        var mentioned = new string[n][];
        var mentionAnswered = new bool[n][];
        for (int c = 0; c < n; c++)
        {
            var body = posts[c].Text ?? "";
            // most posts address no one: skip the scan (a mention needs an '@')
            var m = body.Contains('@') ? Polder.Community.SocialText.Mentions(body) : [];
            mentioned[c] = m.Count == 0 ? [] : m.Select(h => h.ToLowerInvariant()).Distinct().ToArray();
            mentionAnswered[c] = new bool[mentioned[c].Length];
        }
        for (int c = 0; c < n; c++)
        {
            var pc = posts[c];
            if (pc.IsRoot || !index.TryGetValue(pc.ParentId, out var k) || mentioned[k].Length == 0) continue;
            if (pc.Created < posts[k].Created || pc.Created - posts[k].Created > window) continue;
            int at = Array.IndexOf(mentioned[k], pc.Author.ToLowerInvariant());
            if (at >= 0) mentionAnswered[k][at] = true;
        }
        var mentionStats = new Dictionary<string, (int Posts, int Answered)>(StringComparer.Ordinal);
        foreach (var i in order)
        {
            var p = posts[i];
            long now = p.Created;
            // Outcomes known by now: posts whose window closed.
            while (resolvedPtr < orderQueue.Count && posts[orderQueue[resolvedPtr]].Created + window <= now)
            {
                int k = orderQueue[resolvedPtr++];
                var a = posts[k].Author;
                var s = authorResolved.GetValueOrDefault(a); authorResolved[a] = (s.Posts + 1, s.Replied + (labels[k] ? 1 : 0));
                var t = threadResolved.GetValueOrDefault(posts[k].ThreadId); threadResolved[posts[k].ThreadId] = (t.Posts + 1, t.Replied + (labels[k] ? 1 : 0));
                recentResolved.Enqueue((posts[k].Created, labels[k])); if (labels[k]) recentReplied++;
                if (!posts[k].IsRoot && index.TryGetValue(posts[k].ParentId, out var kp) && posts[kp].Author != a)
                {
                    var st = answerStats.GetValueOrDefault(posts[kp].Author);
                    answerStats[posts[kp].Author] = (st.Posts + 1, st.Answered + (answeredBack[k] ? 1 : 0));
                }
                for (int m = 0; m < mentioned[k].Length; m++)
                {
                    var ms = mentionStats.GetValueOrDefault(mentioned[k][m]);
                    mentionStats[mentioned[k][m]] = (ms.Posts + 1, ms.Answered + (mentionAnswered[k][m] ? 1 : 0));
                }
            }
            while (recentResolved.Count > 0 && recentResolved.Peek().Time < now - 30 * 86400) { if (recentResolved.Dequeue().Replied) recentReplied--; }

            int parent = !p.IsRoot && index.TryGetValue(p.ParentId, out var pi) ? pi : -1;
            int root = index.TryGetValue(p.ThreadId, out var ri) ? ri : -1;
            depth[i] = parent >= 0 ? depth[parent] + 1 : (p.IsRoot ? 0 : 1);
            var tp = threadPosts.TryGetValue(p.ThreadId, out var tl) ? tl : threadPosts[p.ThreadId] = [];
            var ap = authorPosts.TryGetValue(p.Author, out var al) ? al : authorPosts[p.Author] = [];
            // a row nobody asked for only updates the history
            if (slot is not null && slot[i] < 0) { Remember(i, parent, tp, ap); continue; }
            string op = root >= 0 ? posts[root].Author : "";
            string parentAuthor = parent >= 0 ? posts[parent].Author : "";
            int lo = LowerBound(timeline, now - 86400), lo7 = LowerBound(timeline, now - 7 * 86400);
            var ar = authorResolved.GetValueOrDefault(p.Author);
            var par = parent >= 0 ? authorResolved.GetValueOrDefault(parentAuthor) : default;
            var thr = threadResolved.GetValueOrDefault(p.ThreadId);
            var text = p.Text ?? "";
            bool deleted = text is "[deleted]" or "[removed]";
            var dto = DateTimeOffset.FromUnixTimeSeconds(now);
            var f = x.AsSpan((slot is null ? i : slot[i]) * d, d);
            int c = 0;
            f[c++] = p.IsRoot ? 1 : 0;
            f[c++] = depth[i];
            f[c++] = tp.Count;
            f[c++] = root >= 0 && !p.IsRoot ? (now - posts[root].Created) / 3600f : 0;
            f[c++] = parent >= 0 ? (now - posts[parent].Created) / 3600f : -1;
            f[c++] = parent >= 0 && parentAuthor == p.Author ? 1 : 0;
            f[c++] = parent >= 0 && posts[parent].IsRoot ? 1 : 0;
            f[c++] = !p.IsRoot && op == p.Author ? 1 : 0;
            f[c++] = parent >= 0 && parentAuthor == op ? 1 : 0;
            f[c++] = parent >= 0 ? childrenBefore[parent] : -1;
            f[c++] = tp.Count(k => posts[k].Created >= now - 86400);
            f[c++] = timeline.Count - lo;
            f[c++] = timeline.Count - lo7;
            f[c++] = ap.Count;
            f[c++] = ar.Posts == 0 ? -1 : (ar.Replied + 1f) / (ar.Posts + 2f);
            f[c++] = repliesReceived.GetValueOrDefault(p.Author);
            f[c++] = lastPost.TryGetValue(p.Author, out var lp) ? (now - lp) / 86400f : -1;
            f[c++] = parent >= 0 ? authorPosts.GetValueOrDefault(parentAuthor)?.Count ?? 0 : -1;
            f[c++] = parent >= 0 ? (par.Posts == 0 ? -1 : (par.Replied + 1f) / (par.Posts + 2f)) : -1;
            f[c++] = parent >= 0 ? pairs.GetValueOrDefault((p.Author, parentAuthor)) + pairs.GetValueOrDefault((parentAuthor, p.Author)) : -1;
            f[c++] = dto.Hour;
            f[c++] = (int)dto.DayOfWeek;
            f[c++] = text.Length;
            f[c++] = CountWords(text);
            f[c++] = (p.Title ?? "").Length;
            f[c++] = text.Count(ch => ch == '?') + (p.Title ?? "").Count(ch => ch == '?');
            f[c++] = text.Contains("http", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            f[c++] = deleted ? 1 : 0;
            f[c++] = thr.Posts == 0 ? -1 : (thr.Replied + 1f) / (thr.Posts + 2f);
            f[c++] = recentResolved.Count == 0 ? -1 : (float)recentReplied / recentResolved.Count;
            int grand = parent >= 0 && !posts[parent].IsRoot && index.TryGetValue(posts[parent].ParentId, out var gi) ? gi : -1;
            f[c++] = grand >= 0 && posts[grand].Author == p.Author ? 1 : 0;
            var ans = parent >= 0 ? answerStats.GetValueOrDefault(parentAuthor) : default;
            f[c++] = parent >= 0 ? (ans.Answered + 0.5f) / (ans.Posts + 2f) : -1;
            f[c++] = parent >= 0 ? RecentCount(authorPosts.GetValueOrDefault(parentAuthor), posts, now - 86400) : -1;
            f[c++] = RecentCount(ap, posts, now - 86400);
            f[c++] = tp.Select(k => posts[k].Author).Distinct().Count();
            f[c++] = parent >= 0 && tp.Any(k => k != parent && posts[k].Author == parentAuthor && posts[k].Created >= now - 6 * 3600) ? 1 : 0;
            var words = Words(p.Title + " " + text);
            f[c++] = words.Any(w => w is "thanks" or "thank" or "thx" or "ty" or "bedankt" or "dank") ? 1 : 0;
            f[c++] = words.Count(w => w is "you" or "your" or "you're" or "u" or "jij" or "je" or "jullie" or "jouw");
            f[c++] = words.Count(w => w is "who" or "what" or "when" or "where" or "why" or "how" or "anyone" or "anybody" or "does" or "should" or "wie" or "wat" or "wanneer" or "waar" or "waarom" or "hoe" or "iemand");
            f[c++] = (p.Title + " " + text).TrimEnd().EndsWith('?') ? 1 : 0;
            f[c++] = text.Count(ch => ch == '!');
            f[c++] = words.Count(w => w is "i" or "i'm" or "my" or "me" or "ik" or "mijn");
            // Addressing an account (@gemeente …) is how a citizen asks webcare for an answer.
            f[c++] = Polder.Community.SocialText.CountMentions(text);
            // The most responsive addressee: smoothed share of earlier posts mentioning it (windows closed) it answered.
            float best = -1;
            foreach (var m in mentioned[i])
            {
                var ms = mentionStats.GetValueOrDefault(m);
                best = Math.Max(best, (ms.Answered + 0.5f) / (ms.Posts + 1f));
            }
            f[c++] = best;
            Remember(i, parent, tp, ap);
        }
        return x;

        // Update the history with post i (every post, whether or not its row is wanted).
        void Remember(int i, int parent, List<int> tp, List<int> ap)
        {
            var p = posts[i];
            long now = p.Created;
            tp.Add(i); ap.Add(i); timeline.Add(now); orderQueue.Add(i); lastPost[p.Author] = now;
            if (parent >= 0)
            {
                var parentAuthor = posts[parent].Author;
                childrenBefore[parent]++;
                if (parentAuthor != p.Author) repliesReceived[parentAuthor] = repliesReceived.GetValueOrDefault(parentAuthor) + 1;
                pairs[(p.Author, parentAuthor)] = pairs.GetValueOrDefault((p.Author, parentAuthor)) + 1;
            }
        }
    }

    private static Dictionary<string, int> Index(IReadOnlyList<EngagementPost> posts)
    {
        var d = new Dictionary<string, int>(posts.Count, StringComparer.Ordinal);
        for (int i = 0; i < posts.Count; i++) d.TryAdd(posts[i].Id, i);
        return d;
    }

    private static int LowerBound(List<long> sorted, long value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi) { int mid = (lo + hi) >> 1; if (sorted[mid] < value) lo = mid + 1; else hi = mid; }
        return lo;
    }

    private static string[] Words(string s) =>
        s.ToLowerInvariant().Split([' ', '\n', '\r', '\t', ',', '.', '!', '?', ';', ':', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries);

    private static int RecentCount(List<int>? list, IReadOnlyList<EngagementPost> posts, long since)
    {
        if (list is null) return 0;
        int c = 0;
        for (int k = list.Count - 1; k >= 0 && posts[list[k]].Created >= since; k--) c++;
        return c;
    }

    private static int CountWords(string s)
    {
        int n = 0; bool inWord = false;
        foreach (var ch in s) { bool w = char.IsLetterOrDigit(ch); if (w && !inWord) n++; inWord = w; }
        return n;
    }
}
