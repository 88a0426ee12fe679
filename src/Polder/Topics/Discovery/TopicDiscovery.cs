using Polder.Analysis;
using Polder.Behaviour;
using Polder.Text;

namespace Polder.Topics.Discovery;

/// <summary>
/// Unsupervised topics of any set of posts, named in the posts' own words: what a community talks about without a
/// model trained elsewhere. Features come from the text layer (<see cref="TextDocument"/> stems of content words and
/// two-word phrases, sublinear TF-IDF); the topics by default from spherical k-means on an LSA projection (chosen by
/// measurement against NMF and k-means on TF-IDF, see docs/topic-discovery.md); the labels from class-based TF-IDF. At most
/// <see cref="TopicDiscoveryOptions.MaxFitPosts"/> posts (a seeded sample) fit the model, the rest are assigned to it.
/// </summary>
/// <remarks>Stateless and thread-safe; deterministic per <see cref="TopicDiscoveryOptions.Seed"/>.</remarks>
public static class TopicDiscovery
{
    /// <summary>
    /// The number of topics chosen when none is asked: about √n / 3, at least 5 and at most 20 (fewer for very few
    /// posts) — a readability rule for a report, not a statistical optimum.
    /// </summary>
    public static int AutomaticTopicCount(int posts) =>
        posts < 10 ? Math.Max(1, posts / 2) : Math.Clamp((int)Math.Round(Math.Sqrt(posts) / 3), Math.Min(5, posts / 5), 20);

    /// <summary>Discovers the topics of <paramref name="texts"/>.</summary>
    /// <param name="texts">The posts.</param>
    /// <param name="options">Settings (default: automatic number of topics, seed 1).</param>
    /// <param name="days">Optional: each post's local date, for the topics' trends.</param>
    /// <param name="window">The trend window (default: by the span of <paramref name="days"/>: day, week or month).</param>
    public static TopicDiscoveryResult Discover(
        IReadOnlyList<string> texts, TopicDiscoveryOptions? options = null, IReadOnlyList<DateOnly>? days = null, TimeWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Discover(texts.Count, i => TextDocument.Create(texts[i]), i => texts[i], i => texts[i], StringComparer.Ordinal, options, days, window);
    }

    /// <summary>
    /// Discovers the topics of documents the text layer already built (each text is tokenised once, by the caller).
    /// </summary>
    /// <param name="documents">The posts' documents.</param>
    /// <param name="options">Settings (default: automatic number of topics, seed 1).</param>
    /// <param name="days">Optional: each post's local date, for the topics' trends.</param>
    /// <param name="window">The trend window (default: by the span of <paramref name="days"/>: day, week or month).</param>
    public static TopicDiscoveryResult Discover(
        IReadOnlyList<TextDocument> documents, TopicDiscoveryOptions? options = null, IReadOnlyList<DateOnly>? days = null, TimeWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        // read through token-sharing copies: the caller's documents keep no lowercase or stem layers of ours (at a
        // million distinct texts those layers held ~1 GB until the text layer's last pass)
        return Discover<TextDocument>(documents.Count, i => documents[i].WithTokensOnly(), i => documents[i].Text, i => documents[i], ReferenceEqualityComparer.Instance, options, days, window);
    }

    /// <remarks>
    /// Posts with the same <paramref name="key"/> (the same text, or the same document instance, as the text layer shares
    /// one between the posts with one text) get the same assignment from the fitted model, so each key is assigned once.
    /// </remarks>
    private static TopicDiscoveryResult Discover<TKey>(int n, Func<int, TextDocument> document, Func<int, string> text,
        Func<int, TKey> key, IEqualityComparer<TKey> comparer, TopicDiscoveryOptions? options, IReadOnlyList<DateOnly>? days, TimeWindow? window)
        where TKey : notnull
    {
        var o = options ?? new TopicDiscoveryOptions();
        if (o.Topics < 0) throw new ArgumentOutOfRangeException(nameof(options), "Topics must be 0 (automatic) or more");
        if (o.MaxFitPosts < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxFitPosts must be at least 1");
        if (days is not null && days.Count != n) throw new ArgumentException($"{days.Count} days for {n} posts", nameof(days));
        var fit = FitSample(n, o.MaxFitPosts, o.Seed);
        var documents = new TextDocument[fit.Length];
        Parallel.For(0, fit.Length, i => documents[i] = document(fit[i]));
        var (vocabulary, counts) = DiscoveryVocabulary.Build(documents, o.Phrases, o.MinDocumentFrequency, o.MaxDocumentShare, o.MaxTerms);
        var x = vocabulary.Weigh(counts);
        int usable = Enumerable.Range(0, x.RowCount).Count(r => x.Starts[r + 1] > x.Starts[r]);
        int k = Math.Max(1, Math.Min(o.Topics > 0 ? o.Topics : AutomaticTopicCount(usable), Math.Max(1, usable)));

        var (assigner, fitted) = usable == 0 ? (new TopicAssigner.Centroids(new float[Math.Max(1, vocabulary.Count) * k], k), new TopicAssignment[fit.Length])
            : Fit(x, k, usable, o);
        if (usable == 0) Array.Fill(fitted, TopicAssignment.None);

        // every post: the fitted ones keep their fit, the others are assigned to the fitted topics
        var assignments = new TopicAssignment[n];
        // a post that is the first of its key among the posts not fitted, or a fitted one: the others repeat one of them
        var isOwn = new bool[n];
        for (int i = 0; i < fit.Length; i++) { assignments[fit[i]] = fitted[i]; isOwn[fit[i]] = true; }
        if (fit.Length < n)
        {
            var temporary = new DiscoveredTopicModel(vocabulary, assigner, Enumerable.Range(0, k).ToArray());
            var firstOf = new Dictionary<TKey, int>(comparer);
            var sameAs = new int[n];
            var firsts = new List<int>();
            for (int i = 0; i < n; i++)
            {
                if (isOwn[i]) continue;
                if (!firstOf.TryGetValue(key(i), out int first)) { firstOf.Add(key(i), first = i); firsts.Add(i); }
                sameAs[i] = first;
            }
            firstOf = null;
            Parallel.For(0, firsts.Count, j => assignments[firsts[j]] = temporary.Assign(document(firsts[j])));
            foreach (int i in firsts) isOwn[i] = true;
            for (int i = 0; i < n; i++) if (!isOwn[i]) assignments[i] = assignments[sameAs[i]];
        }

        // topics renumbered by size, largest first
        var size = new int[k];
        foreach (var a in assignments) if (a.HasTopic) size[a.Topic]++;
        var order = Enumerable.Range(0, k).OrderByDescending(t => size[t]).ThenBy(t => t).ToArray();
        var publicId = new int[k];
        for (int i = 0; i < k; i++) publicId[order[i]] = i;
        var model = new DiscoveredTopicModel(vocabulary, assigner, publicId);
        for (int i = 0; i < n; i++) assignments[i] = model.ToPublic(assignments[i]);

        var fittedTopic = fit.Select(i => assignments[i].Topic).ToArray();
        var top = TopicLabeler.TopTerms(counts, fittedTopic, k, 10);
        int withTopic = size.Sum();
        var trendWindow = window ?? (days is null || n == 0 ? TimeWindow.Week
            : TrendWindows.Auto(days.Min().ToDateTime(TimeOnly.MinValue), days.Max().ToDateTime(TimeOnly.MinValue)));
        // example candidates: a post that repeats another's assignment and text comes after it, so never before it
        var members = new List<int>[k];
        for (int t = 0; t < k; t++) members[t] = [];
        for (int i = 0; i < n; i++) if (isOwn[i] && assignments[i].HasTopic) members[assignments[i].Topic].Add(i);
        var trends = days is null ? null : Trends(assignments, days, k, trendWindow);
        var topics = new DiscoveredTopic[k];
        for (int t = 0; t < k; t++)
        {
            var examples = members[t]
                .OrderByDescending(i => assignments[i].Affinity).ThenBy(i => i)
                .DistinctBy(i => text(i)).Take(o.Examples).ToArray();
            topics[t] = new DiscoveredTopic(t, TopicLabeler.Label(top[t], vocabulary, o.LabelTerms),
                top[t].Select(c => vocabulary.Surfaces[c]).ToArray(), size[order[t]],
                withTopic == 0 ? 0 : (double)size[order[t]] / withTopic, examples,
                trends is null ? [] : trends[t])
            { TermKeys = top[t].Select(c => vocabulary.Keys[c]).ToArray() };
        }
        return new TopicDiscoveryResult(topics, assignments, model, fit.Length, o.Method);
    }

    /// <summary>
    /// The LSA dimensions chosen when none are asked: one per 12 fitted posts, at least 20 and at most 100. Measured on
    /// the Belgian Chamber's questions (docs/topic-discovery.md): a month of ~500 posts scores best near 40, all five
    /// months (2,352) at 100; more dimensions than the data support bring the noise LSA is meant to remove.
    /// </summary>
    public static int AutomaticLsaDimensions(int posts) => Math.Clamp((int)Math.Round(posts / 12.0), 20, 100);

    private static (TopicAssigner Assigner, TopicAssignment[] Fitted) Fit(SparseRows x, int k, int usable, TopicDiscoveryOptions o)
    {
        var fitted = new TopicAssignment[x.RowCount];
        switch (o.Method)
        {
            case DiscoveryMethod.Nmf:
            {
                var r = NmfHals.Fit(x, k, o.Seed);
                for (int i = 0; i < x.RowCount; i++)
                    fitted[i] = x.Starts[i + 1] == x.Starts[i] ? TopicAssignment.None : TopicAssigner.FromScores(r.W.AsSpan(i * r.K, r.K));
                return (new TopicAssigner.Nmf(r.H, r.K), fitted);
            }
            case DiscoveryMethod.LsaKMeans:
            {
                var svd = RandomizedSvd.Compute(x, o.LsaDimensions > 0 ? o.LsaDimensions : AutomaticLsaDimensions(usable), o.Seed);
                int d = svd.Rank;
                // the posts' LSA vectors, scaled by the singular values and normalised; rows without terms stay empty
                int nonEmpty = 0;
                for (int i = 0; i < x.RowCount; i++) if (x.Starts[i + 1] > x.Starts[i]) nonEmpty++;
                var starts = new int[x.RowCount + 1];
                var columns = new int[nonEmpty * d];
                var values = new float[nonEmpty * d];
                for (int i = 0, at = 0; i < x.RowCount; i++)
                {
                    if (x.Starts[i + 1] == x.Starts[i]) { starts[i + 1] = at; continue; }
                    double norm = 0;
                    for (int j = 0; j < d; j++) { columns[at + j] = j; values[at + j] = (float)(svd.U[i * d + j] * svd.S[j]); norm += values[at + j] * values[at + j]; }
                    for (int j = 0; j < d; j++) values[at + j] /= (float)Math.Sqrt(norm);
                    starts[i + 1] = at += d;
                }
                var z = new SparseRows(starts, columns, values, d);
                if (o.ConsensusRuns > 1)
                {
                    // the consensus clusters' centres in LSA space assign new posts; the fitted posts keep their cluster
                    var consensus = SphericalKMeans.Refine(z, k, ConsensusClustering.Fit(z, k, o.Seed, o.ConsensusRuns, o.Restarts), maxIterations: 0);
                    var lsa = new TopicAssigner.Lsa(svd.V, d, consensus.Centroids, k);
                    for (int i = 0; i < x.RowCount; i++) fitted[i] = KeepCluster(lsa.Assign(x.ColumnsOf(i), x.ValuesOf(i)), consensus.Cluster[i]);
                    return (lsa, fitted);
                }
                var km = SphericalKMeans.Fit(z, k, o.Seed, o.Restarts);
                var assigner = new TopicAssigner.Lsa(svd.V, d, km.Centroids, k);
                for (int i = 0; i < x.RowCount; i++) fitted[i] = assigner.Assign(x.ColumnsOf(i), x.ValuesOf(i));
                return (assigner, fitted);
            }
            default:
            {
                var km = SphericalKMeans.Fit(x, k, o.Seed, o.Restarts);
                var assigner = new TopicAssigner.Centroids(km.Centroids, k);
                for (int i = 0; i < x.RowCount; i++) fitted[i] = KeepCluster(assigner.Assign(x.ColumnsOf(i), x.ValuesOf(i)), km.Cluster[i]);
                return (assigner, fitted);
            }
        }
    }

    // the cluster the fit settled on, with its share of the row's affinities as weight
    private static TopicAssignment KeepCluster(TopicAssignment assigned, int cluster) =>
        cluster >= 0 && assigned.Topic != cluster ? assigned with { Topic = cluster } : assigned;

    private static int[] FitSample(int n, int max, int seed)
    {
        if (n <= max) return Enumerable.Range(0, n).ToArray();
        var random = new Random(seed);
        var index = Enumerable.Range(0, n).ToArray();
        for (int i = 0; i < max; i++) { int j = random.Next(i, n); (index[i], index[j]) = (index[j], index[i]); }
        var sample = index[..max];
        Array.Sort(sample);
        return sample;
    }

    /// <summary>Each topic's posts per window, next to all posts per window (every window with a post, in time order).</summary>
    private static TopicTrendPoint[][] Trends(IReadOnlyList<TopicAssignment> assignments, IReadOnlyList<DateOnly> days, int k, TimeWindow window)
    {
        var windowOf = new Dictionary<DateOnly, int>();
        var post = new int[days.Count];
        var starts = new List<DateOnly>();
        for (int i = 0; i < days.Count; i++)
        {
            var start = TrendWindows.Start(days[i], window);
            if (!windowOf.TryGetValue(start, out int w)) { windowOf.Add(start, w = starts.Count); starts.Add(start); }
            post[i] = w;
        }
        int windows = starts.Count;
        var all = new int[windows];
        var topic = new int[k * windows];
        for (int i = 0; i < days.Count; i++)
        {
            all[post[i]]++;
            if (assignments[i].Topic is >= 0 and var t && t < k) topic[t * windows + post[i]]++;
        }
        var order = Enumerable.Range(0, windows).OrderBy(w => starts[w]).ToArray();
        var trends = new TopicTrendPoint[k][];
        for (int t = 0; t < k; t++)
            trends[t] = Array.ConvertAll(order, w => new TopicTrendPoint(starts[w], topic[t * windows + w], all[w]));
        return trends;
    }
}
