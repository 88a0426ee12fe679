using Polder.Prediction.Features;
using Polder.Prediction.Learners;
using Polder.Prediction.Retention;

namespace Polder.Prediction.Engagement;

/// <summary>
/// Builds the features of the reply-within-a-window predictor for every post of a community, each from information
/// available when the post was made (earlier posts, and outcomes of earlier posts only once their window has closed).
/// Feature meanings: <c>docs/prediction-features.md</c>.
/// </summary>
public static class EngagementFeatures
{
    /// <summary>Feature names, in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "is_root", "depth", "thread_position", "thread_age_hours", "parent_age_hours", "reply_to_self",
        "parent_is_root", "author_is_op", "parent_author_is_op", "parent_replies_before",
        "thread_posts_last_24h", "community_posts_last_24h", "community_posts_last_7d",
        "author_posts_before", "author_reply_rate", "author_replies_received", "author_days_since_last",
        "parent_author_posts_before", "parent_author_reply_rate",
        "pair_exchanges_before",
        "hour_utc", "weekday",
        "text_chars", "text_words", "title_chars", "question_marks", "has_url", "deleted_text",
        "thread_reply_rate_so_far", "community_reply_rate_30d",
        "grandparent_author_is_self", "parent_author_answer_rate", "parent_author_posts_last_24h", "author_posts_last_24h",
        "thread_distinct_authors", "parent_author_in_thread_last_6h",
        "has_thanks", "second_person", "question_words", "ends_with_question", "exclamations", "first_person",
        "mentions", "mentioned_answer_rate",
    ];

    /// <summary>Number of features.</summary>
    public static int Count => Names.Count;

    /// <summary>The feature names of a row with <paramref name="table"/>'s columns appended (just <see cref="Names"/> when null).</summary>
    public static IReadOnlyList<string> NamesWith(ActorTableColumns? table) => NamedFeatureTrees.NamesOf(Names, table);

    /// <summary>
    /// The outcome per post: true when another message replies to it within <paramref name="window"/> seconds.
    /// Posts are identified by their index in <paramref name="posts"/>.
    /// </summary>
    public static bool[] Labels(IReadOnlyList<EngagementPost> posts, long window = 86400) => EngagementIndex.Of(posts).Labels(window);

    /// <summary>The feature rows of the posts at <paramref name="rows"/> (indices into <paramref name="features"/>), row-major as <see cref="Build(IReadOnlyList{EngagementPost}, long, ActorTableColumns?)"/> writes them.</summary>
    public static float[] Rows(float[] features, IReadOnlyList<int> rows) => Rows(features, rows, Count);

    /// <summary>The rows at <paramref name="rows"/> of a row-major matrix of <paramref name="width"/> features per row
    /// (e.g. <see cref="NamesWith"/>(table).Count when the actor table is appended).</summary>
    public static float[] Rows(float[] features, IReadOnlyList<int> rows, int width)
    {
        int d = width;
        var r = new float[rows.Count * d];
        for (int k = 0; k < rows.Count; k++) Array.Copy(features, rows[k] * d, r, k * d, d);
        return r;
    }

    /// <summary>Features of every post (row-major, <see cref="Count"/> per post), as of each post's creation time.</summary>
    public static float[] Build(IReadOnlyList<EngagementPost> posts, long window = 86400) => Build(posts, window, null);

    /// <summary>
    /// Features of every post as <see cref="Build(IReadOnlyList{EngagementPost}, long)"/>, each row followed by the author's
    /// <see cref="ActorFeatureTable"/> row (<paramref name="table"/>) for the <see cref="ActorTableColumns.PeriodDays"/> days
    /// before the start of the post's calendar month (UTC): a leak-free snapshot that one table per month serves, where a
    /// table per post would cost a table build per post. NaN when the author did not post in that period.
    /// </summary>
    /// <param name="posts">The community's messages.</param>
    /// <param name="window">Reply window in seconds (for the outcome-based features).</param>
    /// <param name="table">The table columns to append; null: none (<see cref="Count"/> per row).</param>
    public static float[] Build(IReadOnlyList<EngagementPost> posts, long window, ActorTableColumns? table)
    {
        var own = BuildOwn(EngagementIndex.Of(posts), window);
        if (table is null) return own;
        int d = Count, width = d + table.Count, n = posts.Count;
        var x = new float[n * width];
        var source = new ActorTableSource(posts, table);
        for (int i = 0; i < n; i++)
        {
            own.AsSpan(i * d, d).CopyTo(x.AsSpan(i * width, d));
            source.CopyRow(posts[i].Author, MonthStart(posts[i].Created), x.AsSpan(i * width + d, table.Count));
        }
        return x;
    }

    /// <summary>The start (Unix s) of the UTC calendar month that holds <paramref name="created"/>: the end of the period of the
    /// actor-table snapshot a post gets.</summary>
    public static long MonthStart(long created)
    {
        var t = DateTimeOffset.FromUnixTimeSeconds(created);
        return new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    }

    /// <summary>
    /// The features of only the posts at <paramref name="rows"/> (indices into <paramref name="posts"/>), row-major in the
    /// order of <paramref name="rows"/>; equal to those rows of <see cref="Build(IReadOnlyList{EngagementPost}, long)"/>.
    /// Every post still updates the history the features read (one cheap pass), but only the asked rows pay for their
    /// text and thread features, so a model trained on a sample of a large community costs little more than the sample.
    /// </summary>
    /// <param name="posts">The community's messages.</param>
    /// <param name="rows">The posts whose features are wanted (each at most once).</param>
    /// <param name="window">Reply window in seconds (for the outcome-based features).</param>
    /// <exception cref="ArgumentException">A row outside the posts or repeated.</exception>
    public static float[] Build(IReadOnlyList<EngagementPost> posts, IReadOnlyList<int> rows, long window = 86400)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(rows);
        return Build(EngagementIndex.Of(posts), rows, window);
    }

    /// <summary>As <see cref="Build(IReadOnlyList{EngagementPost}, IReadOnlyList{int}, long)"/> on an index built once
    /// (whose <paramref name="labels"/> for <paramref name="window"/> the caller may already hold).</summary>
    internal static float[] Build(EngagementIndex index, IReadOnlyList<int> rows, long window, bool[]? labels = null) =>
        BuildOwn(index, window, labels, Slots(index.Count, rows), rows.Count);

    private static int[] Slots(int count, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var slot = new int[count];
        Array.Fill(slot, -1);
        for (int k = 0; k < rows.Count; k++)
        {
            if ((uint)rows[k] >= (uint)count || slot[rows[k]] >= 0) throw new ArgumentException($"Row {rows[k]} is outside the posts or repeated.", nameof(rows));
            slot[rows[k]] = k;
        }
        return slot;
    }

    // One pass over the posts in time order. The history is kept in dense arrays over post, author and thread indexes;
    // the posts of a thread and of an author so far are prefixes of their slices in a CSR layout filled in time order.
    private static float[] BuildOwn(EngagementIndex ix, long window, bool[]? labels = null, int[]? slot = null, int rowCount = -1)
    {
        int n = ix.Count, d = Count;
        var x = new float[(slot is null ? n : rowCount) * d];
        long[] created = ix.Created;
        int[] parentOf = ix.Parent, rootOf = ix.Root, authorOf = ix.Author, threadOf = ix.Thread, order = ix.Order;
        bool[] isRoot = ix.IsRoot;
        labels ??= ix.Labels(window);
        var depth = new int[n];
        var (threadStart, threadItems) = Slices(threadOf, ix.Threads);
        var (authorStart, authorItems) = Slices(authorOf, ix.Authors);
        var threadSeen = new int[ix.Threads];
        var authorSeen = new int[ix.Authors];
        var repliesReceived = new int[ix.Authors];
        // exchanges between two authors in either direction, keyed by the unordered pair (a self-pair counts both ways)
        var pairs = new Dictionary<long, int>();
        var childrenBefore = new int[n];
        int seen = 0; // posts remembered so far: order[0..seen)
        int resolved = 0; // posts whose outcome is known: order[0..resolved)
        int recentFrom = 0, recentReplied = 0; // resolved posts of the last 30 days: order[recentFrom..resolved)
        int from24h = 0, from7d = 0;
        var authorResolved = new (int Posts, int Replied)[ix.Authors];
        var threadResolved = new (int Posts, int Replied)[ix.Threads];
        // Per post: did the author of its parent's parent reply to it within the window (the asker answering back)?
        var answeredBack = new bool[n];
        for (int c = 0; c < n; c++)
        {
            int k = parentOf[c];
            if (k < 0) continue;
            int kp = parentOf[k];
            if (kp < 0) continue;
            if (authorOf[c] == authorOf[kp] && created[c] - created[k] <= window && created[c] >= created[k]) answeredBack[k] = true;
        }
        var answerStats = new (int Posts, int Answered)[ix.Authors];
        var (mentionStart, mentionOf, mentionAnswered, mentionStats) = Mentions(ix, window);
        var stamp = new int[ix.Authors]; // distinct authors of a thread: the row that last counted each author
        var lower = new char[256]; // a row's "title text" in lower case
        int row = 0;
        foreach (var i in order)
        {
            long now = created[i];
            int parent = parentOf[i], root = rootOf[i], a = authorOf[i], t = threadOf[i];
            depth[i] = parent >= 0 ? depth[parent] + 1 : (isRoot[i] ? 0 : 1);
            // a row nobody asked for only updates the history
            if (slot is not null && slot[i] < 0) { Remember(i, parent, a, t); continue; }
            // Outcomes known by now: posts whose window closed.
            while (resolved < seen && created[order[resolved]] + window <= now)
            {
                int k = order[resolved++];
                int ka = authorOf[k], kt = threadOf[k], replied = labels[k] ? 1 : 0;
                authorResolved[ka] = (authorResolved[ka].Posts + 1, authorResolved[ka].Replied + replied);
                threadResolved[kt] = (threadResolved[kt].Posts + 1, threadResolved[kt].Replied + replied);
                recentReplied += replied;
                int kp = parentOf[k];
                if (kp >= 0 && authorOf[kp] != ka)
                {
                    ref var st = ref answerStats[authorOf[kp]];
                    st = (st.Posts + 1, st.Answered + (answeredBack[k] ? 1 : 0));
                }
                for (int m = mentionStart[k]; m < mentionStart[k + 1]; m++)
                {
                    ref var ms = ref mentionStats[mentionOf[m]];
                    ms = (ms.Posts + 1, ms.Answered + (mentionAnswered[m] ? 1 : 0));
                }
            }
            while (recentFrom < resolved && created[order[recentFrom]] < now - 30 * 86400) { if (labels[order[recentFrom++]]) recentReplied--; }
            while (from24h < seen && created[order[from24h]] < now - 86400) from24h++;
            while (from7d < seen && created[order[from7d]] < now - 7 * 86400) from7d++;

            var p = ix.PostAt(i);
            int op = root >= 0 ? authorOf[root] : ix.EmptyAuthor;
            int parentAuthor = parent >= 0 ? authorOf[parent] : ix.EmptyAuthor;
            var ar = authorResolved[a];
            var par = parent >= 0 ? authorResolved[parentAuthor] : default;
            var thr = threadResolved[t];
            var text = p.Text ?? "";
            var title = p.Title ?? "";
            bool deleted = text is "[deleted]" or "[removed]";
            var dto = DateTimeOffset.FromUnixTimeSeconds(now);
            var tp = threadItems.AsSpan(threadStart[t], threadSeen[t]);
            var ap = authorItems.AsSpan(authorStart[a], authorSeen[a]);
            var f = x.AsSpan((slot is null ? i : slot[i]) * d, d);
            int c = 0;
            f[c++] = isRoot[i] ? 1 : 0;
            f[c++] = depth[i];
            f[c++] = tp.Length;
            f[c++] = root >= 0 && !isRoot[i] ? (now - created[root]) / 3600f : 0;
            f[c++] = parent >= 0 ? (now - created[parent]) / 3600f : -1;
            f[c++] = parent >= 0 && parentAuthor == a ? 1 : 0;
            f[c++] = parent >= 0 && isRoot[parent] ? 1 : 0;
            f[c++] = !isRoot[i] && op == a ? 1 : 0;
            f[c++] = parent >= 0 && parentAuthor == op ? 1 : 0;
            f[c++] = parent >= 0 ? childrenBefore[parent] : -1;
            f[c++] = RecentCount(tp, created, now - 86400);
            f[c++] = seen - from24h;
            f[c++] = seen - from7d;
            f[c++] = ap.Length;
            f[c++] = ar.Posts == 0 ? -1 : (ar.Replied + 1f) / (ar.Posts + 2f);
            f[c++] = repliesReceived[a];
            f[c++] = ap.Length > 0 ? (now - created[ap[^1]]) / 86400f : -1;
            f[c++] = parent >= 0 ? authorSeen[parentAuthor] : -1;
            f[c++] = parent >= 0 ? (par.Posts == 0 ? -1 : (par.Replied + 1f) / (par.Posts + 2f)) : -1;
            f[c++] = parent >= 0 ? pairs.GetValueOrDefault(PairKey(a, parentAuthor)) * (a == parentAuthor ? 2 : 1) : -1;
            f[c++] = dto.Hour;
            f[c++] = (int)dto.DayOfWeek;
            f[c++] = text.Length;
            f[c++] = CountWords(text);
            f[c++] = title.Length;
            f[c++] = text.AsSpan().Count('?') + title.AsSpan().Count('?');
            f[c++] = text.Contains("http", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            f[c++] = deleted ? 1 : 0;
            f[c++] = thr.Posts == 0 ? -1 : (thr.Replied + 1f) / (thr.Posts + 2f);
            f[c++] = resolved == recentFrom ? -1 : (float)recentReplied / (resolved - recentFrom);
            int grand = parent >= 0 ? parentOf[parent] : -1;
            f[c++] = grand >= 0 && authorOf[grand] == a ? 1 : 0;
            var ans = parent >= 0 ? answerStats[parentAuthor] : default;
            f[c++] = parent >= 0 ? (ans.Answered + 0.5f) / (ans.Posts + 2f) : -1;
            f[c++] = parent >= 0 ? RecentCount(authorItems.AsSpan(authorStart[parentAuthor], authorSeen[parentAuthor]), created, now - 86400) : -1;
            f[c++] = RecentCount(ap, created, now - 86400);
            row++;
            int distinct = 0;
            foreach (var k in tp) if (stamp[authorOf[k]] != row) { stamp[authorOf[k]] = row; distinct++; }
            f[c++] = distinct;
            f[c++] = parent >= 0 && ParentAuthorRecent(tp, parent, parentAuthor, now - 6 * 3600) ? 1 : 0;
            var words = CountWords(title, text, ref lower);
            f[c++] = words.Thanks > 0 ? 1 : 0;
            f[c++] = words.SecondPerson;
            f[c++] = words.QuestionWords;
            // "title text" ends with '?' (trailing white space ignored)
            var end = text.AsSpan().TrimEnd();
            if (end.IsEmpty) end = title.AsSpan().TrimEnd();
            f[c++] = !end.IsEmpty && end[^1] == '?' ? 1 : 0;
            f[c++] = text.AsSpan().Count('!');
            f[c++] = words.FirstPerson;
            // Addressing an account (@gemeente …) is how a citizen asks webcare for an answer.
            f[c++] = Polder.Community.SocialText.CountMentions(text);
            // The most responsive addressee: smoothed share of earlier posts mentioning it (windows closed) it answered.
            float best = -1;
            for (int m = mentionStart[i]; m < mentionStart[i + 1]; m++)
            {
                var ms = mentionStats[mentionOf[m]];
                best = Math.Max(best, (ms.Answered + 0.5f) / (ms.Posts + 1f));
            }
            f[c++] = best;
            Remember(i, parent, a, t);
        }
        return x;

        // Update the history with post i (every post, whether or not its row is wanted).
        void Remember(int i, int parent, int a, int t)
        {
            threadItems[threadStart[t] + threadSeen[t]++] = i;
            authorItems[authorStart[a] + authorSeen[a]++] = i;
            seen++;
            if (parent >= 0)
            {
                int parentAuthor = authorOf[parent];
                childrenBefore[parent]++;
                if (parentAuthor != a) repliesReceived[parentAuthor]++;
                ref int pair = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(pairs, PairKey(a, parentAuthor), out _);
                pair++;
            }
        }

        bool ParentAuthorRecent(ReadOnlySpan<int> tp, int parent, int parentAuthor, long since)
        {
            // the thread's posts so far are in time order: only the tail can be recent enough
            for (int k = tp.Length - 1; k >= 0 && created[tp[k]] >= since; k--)
                if (tp[k] != parent && authorOf[tp[k]] == parentAuthor) return true;
            return false;
        }
    }

    // SocialText's mention rule: '@' not after a letter, digit, '_' or '@', then one or more tag characters.
    private static int MentionLength(ReadOnlySpan<char> text, int at)
    {
        if (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '_' or '@')) return 0;
        int j = at + 1;
        while (j < text.Length && Polder.Community.SocialText.IsTagChar(text[j])) j++;
        return j - at - 1;
    }

    private static int NextAt(ReadOnlySpan<char> text, int from)
    {
        if (from >= text.Length) return -1;
        int k = text[from..].IndexOf('@');
        return k < 0 ? -1 : from + k;
    }

    private static long PairKey(int a, int b) => a <= b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    // The slices of a CSR layout: key k owns items[start[k]..start[k + 1]), filled by the caller.
    private static (int[] Start, int[] Items) Slices(int[] keyOf, int keys)
    {
        var start = new int[keys + 1];
        foreach (var k in keyOf) start[k + 1]++;
        for (int k = 0; k < keys; k++) start[k + 1] += start[k];
        return (start, new int[keyOf.Length]);
    }

    // Per post: the accounts it mentions (dense handle indexes, CSR by post), and whether each replied to it directly within
    // the window (webcare: "did the municipality answer when addressed"). Handles compare case-insensitively, as on Twitter.
    private static (int[] Start, int[] Of, bool[] Answered, (int Posts, int Answered)[] Stats) Mentions(EngagementIndex ix, long window)
    {
        int n = ix.Count;
        var start = new int[n + 1];
        var of = new List<int>();
        var handles = new Dictionary<string, int>(StringComparer.Ordinal);
        var byLowerHandle = handles.GetAlternateLookup<ReadOnlySpan<char>>();
        var lower = new char[64];
        for (int c = 0; c < n; c++)
        {
            var body = (ix.PostAt(c).Text ?? "").AsSpan();
            // the mentions of SocialText.Mentions, lower-cased, each once; most posts have none (no '@')
            for (int i = body.IndexOf('@'); i >= 0 && i < body.Length;)
            {
                int len = MentionLength(body, i);
                if (len == 0) { i = NextAt(body, i + 1); continue; }
                if (lower.Length < len) lower = new char[len * 2];
                var h = lower.AsSpan(0, body.Slice(i + 1, len).ToLowerInvariant(lower));
                if (!byLowerHandle.TryGetValue(h, out int id)) handles[h.ToString()] = id = handles.Count;
                if (of.IndexOf(id, start[c]) < 0) of.Add(id);
                i = NextAt(body, i + 1 + len);
            }
            start[c + 1] = of.Count;
        }
        var items = of.ToArray();
        var answered = new bool[items.Length];
        if (items.Length > 0)
        {
            var handleOfAuthor = new int[ix.Authors];
            Array.Fill(handleOfAuthor, -2); // -2: not looked up yet
            for (int c = 0; c < n; c++)
            {
                int k = ix.Parent[c];
                if (k < 0 || start[k] == start[k + 1]) continue;
                if (ix.Created[c] < ix.Created[k] || ix.Created[c] - ix.Created[k] > window) continue;
                ref int handle = ref handleOfAuthor[ix.Author[c]];
                if (handle == -2) handle = handles.TryGetValue(ix.PostAt(c).AuthorId.ToLowerInvariant(), out int h) ? h : -1;
                if (handle < 0) continue;
                int at = Array.IndexOf(items, handle, start[k], start[k + 1] - start[k]);
                if (at >= 0) answered[at] = true;
            }
        }
        return (start, items, answered, new (int, int)[handles.Count]);
    }

    private static readonly System.Buffers.SearchValues<char> WordSeparators = System.Buffers.SearchValues.Create(" \n\r\t,.!?;:()\"");

    private readonly record struct WordCounts(int Thanks, int SecondPerson, int QuestionWords, int FirstPerson);

    // The word features of "title text", lower-cased (invariant) and cut at the separators, without a string per word.
    private static WordCounts CountWords(string title, string text, ref char[] lower)
    {
        int length = title.Length + 1 + text.Length;
        if (lower.Length < length) lower = new char[Math.Max(length, lower.Length * 2)];
        title.AsSpan().ToLowerInvariant(lower);
        lower[title.Length] = ' ';
        text.AsSpan().ToLowerInvariant(lower.AsSpan(title.Length + 1));
        ReadOnlySpan<char> rest = lower.AsSpan(0, length);
        int thanks = 0, you = 0, question = 0, me = 0;
        while (!rest.IsEmpty)
        {
            int cut = rest.IndexOfAny(WordSeparators);
            var w = cut < 0 ? rest : rest[..cut];
            rest = cut < 0 ? [] : rest[(cut + 1)..];
            if (w.IsEmpty) continue;
            if (w is "thanks" or "thank" or "thx" or "ty" or "bedankt" or "dank") thanks++;
            if (w is "you" or "your" or "you're" or "u" or "jij" or "je" or "jullie" or "jouw") you++;
            if (w is "who" or "what" or "when" or "where" or "why" or "how" or "anyone" or "anybody" or "does" or "should" or "wie" or "wat" or "wanneer" or "waar" or "waarom" or "hoe" or "iemand") question++;
            if (w is "i" or "i'm" or "my" or "me" or "ik" or "mijn") me++;
        }
        return new WordCounts(thanks, you, question, me);
    }

    // The posts (in time order) made at or after since.
    private static int RecentCount(ReadOnlySpan<int> posts, long[] created, long since)
    {
        int c = 0;
        for (int k = posts.Length - 1; k >= 0 && created[posts[k]] >= since; k--) c++;
        return c;
    }

    private static int CountWords(string s)
    {
        int n = 0; bool inWord = false;
        foreach (var ch in s) { bool w = char.IsLetterOrDigit(ch); if (w && !inWord) n++; inWord = w; }
        return n;
    }
}
