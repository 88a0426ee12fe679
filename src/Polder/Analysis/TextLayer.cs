using Polder.Behaviour;
using Polder.Community;
using Polder.Language;
using Polder.Sentiment;
using Polder.Text;

namespace Polder.Analysis;

/// <summary>The text layer's results over a community.</summary>
internal sealed record TextLayerResult(IReadOnlyList<PostAnalysis> Posts, IReadOnlyList<TopicShare> Topics, IReadOnlyList<TopicShare> Complaints,
    IReadOnlyList<SentimentPoint> Trend, IReadOnlyList<LanguageShare> Languages)
{
    /// <summary>The community's own topics (fitted on the same documents, before they are dropped).</summary>
    public TopicDiscoveryFit? Discovery { get; init; }

    public static TextLayerResult Empty { get; } = new([], [], [], [], []);
}

/// <summary>
/// Builds one <see cref="TextDocument"/> per distinct text (the only tokenisation of a post's text; posts with the
/// same text share it and its results), identifies every post's language from it, runs sentiment, topics, complaint
/// categories and places over the posts the Dutch layers may read, then aggregates them. Shares and trends count analysed posts only: an English post is not a
/// "neutral" Dutch post.
/// </summary>
internal static class TextLayer
{
    /// <summary>The name of the whole-community series in trends and forecasts.</summary>
    public const string All = "(alle)";

    /// <summary>The progress detail while topic discovery fits (a sub-step of "text": the stage timer reports it apart).</summary>
    internal const string TopicDiscoveryStep = "topic discovery";

    /// <summary>The progress detail while sentiment, themes, complaint categories and places read the Dutch posts.</summary>
    internal const string DutchLayersStep = "sentiment, themes, complaints, places";

    public static TextLayerResult Run(OnlineCommunity community, TextAnalyzer analyzer, TimeWindow window, TimeZoneInfo zone,
        IProgress<AnalysisProgress>? progress, CancellationToken ct, int seed = 42)
    {
        var posts = community.Posts;
        int n = posts.Count;
        // Identical texts (retweets, copies, templated and bot messages) are analysed once: every layer below is a
        // function of the text alone, so a post takes the results of the first post with its text.
        var textOf = new int[n];
        var texts = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var text = posts[i].TitleAndText;
            if (!seen.TryGetValue(text, out int u)) { u = texts.Count; seen.Add(text, u); texts.Add(text); }
            textOf[i] = u;
        }
        seen = null;
        int m = texts.Count;
        var language = new LanguageGuess[m];
        var sentiment = new SentimentLabel?[m];
        var score = new double?[m];
        var topic = new string?[m];
        var confidence = new float[m];
        var complaint = new string?[m];
        var complaintEvidence = new IReadOnlyList<string>[m];
        var places = new IReadOnlyList<Polder.Places.PlaceMention>[m];
        // languages first, for the whole community: the community's own mix is the prior of every unsure guess
        // each text is tokenised once, here: the document is kept for the Dutch layers' pass and dropped after it
        var documents = new TextDocument[m];
        var guesses = new LanguageGuess[m];
        Parallel.For(0, m, new ParallelOptions { CancellationToken = ct }, u =>
        {
            var document = documents[u] = TextDocument.Create(texts[u]);
            guesses[u] = analyzer.Languages.Identify(document);
        });
        // the mix counts posts, not distinct texts
        var mix = LanguageMix.Of(textOf.Select(u => guesses[u]), analyzer.Languages.Languages);
        bool anyDutch = false;
        for (int u = 0; u < m; u++)
        {
            language[u] = TextLanguages.Decide(guesses[u], mix);
            anyDutch |= language[u].IsDutch;
        }
        // topic discovery reads every document while all are alive (they are dropped one by one below)
        // (per post: posts that share a text share its document and language)
        progress?.Report(new AnalysisProgress("text", 1, CommunityAnalyzer.Steps, TopicDiscoveryStep));
        var discovery = TopicDiscoveryLayer.Fit(posts, Array.ConvertAll(textOf, u => documents[u]), Array.ConvertAll(textOf, u => language[u]),
            analyzer.Topics, seed, zone, window);
        // the fit's matrices are garbage now: give their memory back before the per-post results are built
        HeapCompaction.AfterStage(n);
        progress?.Report(new AnalysisProgress("text", 1, CommunityAnalyzer.Steps, DutchLayersStep));
        int done = 0;
        Parallel.For(0, m, new ParallelOptions { CancellationToken = ct }, u =>
        {
            var document = documents[u];
            documents[u] = null!;
            var reading = TextLanguages.ReadingOf(language[u], anyDutch);
            places[u] = []; complaintEvidence[u] = [];
            if (reading != DutchReading.None)
            {
                double s = analyzer.Sentiment.Score(document);
                score[u] = s;
                sentiment[u] = analyzer.Sentiment.LabelOf(s);
            }
            if (reading == DutchReading.All)
            {
                var tp = analyzer.Topics.Predict(document, 1);
                topic[u] = tp.Label;
                confidence[u] = tp.Confidence;
                (complaint[u], complaintEvidence[u]) = analyzer.ComplaintWithEvidence(document);
                places[u] = analyzer.Places.Find(document);
            }
            int d = Interlocked.Increment(ref done);
            if (progress is not null && (d % 2000 == 0)) progress.Report(new AnalysisProgress("text", 1, CommunityAnalyzer.Steps, $"{d:N0} / {m:N0} distinct texts"));
        });

        // a thread is about what its first analysed post is about (threads by the community's thread index)
        var threadTopic = new string?[community.ThreadCount];
        for (int i = 0; i < n; i++)
            if (topic[textOf[i]] is { } t) threadTopic[community.ThreadOf[i]] ??= t;
        // one result object per distinct text, shared by its posts: a post adds only what is its own
        var shared = new PostTextResult[m];
        for (int u = 0; u < m; u++)
            shared[u] = new PostTextResult(sentiment[u], score[u], topic[u], confidence[u], complaint[u], places[u], language[u].Language,
                language[u].Confidence, complaintEvidence[u]);
        var result = new PostAnalysis[n];
        for (int i = 0; i < n; i++)
        {
            var p = posts[i];
            int u = textOf[i], thread = community.ThreadOf[i];
            bool isAnalysed = sentiment[u] is not null;
            result[i] = new PostAnalysis(p.Id, p.AuthorId, community.ThreadIdOf[thread], p.Time, p.Kind, isAnalysed ? threadTopic[thread] : null,
                isAnalysed, shared[u]);
        }
        // the aggregates count in one pass each over the posts (no per-post grouping copies at a million posts)
        int analysedCount = result.Count(r => r.IsAnalysed);
        var topics = Shares(result, analysedCount, r => r.ThreadTopic);
        var complaints = Shares(result, analysedCount, r => r.Complaint);
        var trend = Trend(result, window, zone);
        return new TextLayerResult(result, topics, complaints, trend, Languages(result)) { Discovery = discovery };
    }

    private static IReadOnlyList<LanguageShare> Languages(IReadOnlyList<PostAnalysis> posts)
    {
        var count = new Dictionary<string, (int Posts, bool Analysed)>(StringComparer.Ordinal);
        foreach (var p in posts)
        {
            var (c, a) = count.GetValueOrDefault(p.Language);
            count[p.Language] = (c + 1, a || p.IsAnalysed);
        }
        return count.Select(l => new LanguageShare(l.Key, l.Value.Posts, (double)l.Value.Posts / posts.Count, l.Value.Analysed))
            .OrderByDescending(l => l.Posts).ThenBy(l => l.Language, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Shares of <paramref name="key"/> over the analysed posts (<paramref name="analysed"/> of them: the denominator).</summary>
    private static IReadOnlyList<TopicShare> Shares(IReadOnlyList<PostAnalysis> posts, int analysed, Func<PostAnalysis, string?> key)
    {
        var tallies = new Dictionary<string, SentimentTally>(StringComparer.Ordinal);
        foreach (var p in posts)
        {
            if (!p.IsAnalysed || key(p) is not { } k) continue;
            if (!tallies.TryGetValue(k, out var tally)) tallies.Add(k, tally = new SentimentTally());
            tally.Add(p);
        }
        return tallies.Select(kv => kv.Value.ToShare(kv.Key, analysed))
            .OrderByDescending(s => s.Posts).ThenBy(s => s.Topic, StringComparer.Ordinal)
            .ToArray();
    }

    private static IReadOnlyList<SentimentPoint> Trend(IReadOnlyList<PostAnalysis> posts, TimeWindow window, TimeZoneInfo zone)
    {
        var all = new Dictionary<DateOnly, SentimentTally>();
        var byTopic = new Dictionary<string, Dictionary<DateOnly, SentimentTally>>(StringComparer.Ordinal);
        var topicPosts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in posts)
        {
            if (!p.IsAnalysed) continue;
            var start = TrendWindows.Start(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.Time, zone).DateTime), window);
            SentimentTally.For(all, start).Add(p);
            if (p.ThreadTopic is not { } t) continue;
            if (!byTopic.TryGetValue(t, out var windows)) byTopic.Add(t, windows = []);
            SentimentTally.For(windows, start).Add(p);
            topicPosts[t] = topicPosts.GetValueOrDefault(t) + 1;
        }
        var list = new List<SentimentPoint>();
        foreach (var (start, tally) in all.OrderBy(w => w.Key)) list.Add(tally.ToPoint(All, start));
        foreach (var t in byTopic.Keys.OrderByDescending(t => topicPosts[t]).ThenBy(t => t, StringComparer.Ordinal))
            foreach (var (start, tally) in byTopic[t].OrderBy(w => w.Key))
                list.Add(tally.ToPoint(t, start));
        return list;
    }

    /// <summary>Counts by sentiment and the mean score of a group of analysed posts, added in post order.</summary>
    private sealed class SentimentTally
    {
        private int _posts, _negative, _neutral, _positive;
        private double _sum;

        public static SentimentTally For<TKey>(Dictionary<TKey, SentimentTally> tallies, TKey key) where TKey : notnull
        {
            if (!tallies.TryGetValue(key, out var tally)) tallies.Add(key, tally = new SentimentTally());
            return tally;
        }

        public void Add(PostAnalysis p)
        {
            double score = p.SentimentScore ?? 0;
            // summed as Enumerable.Average sums: from the first value, in order (so the means match it to the last bit)
            _sum = _posts == 0 ? score : _sum + score;
            _posts++;
            if (p.Sentiment == SentimentLabel.Negative) _negative++;
            else if (p.Sentiment == SentimentLabel.Neutral) _neutral++;
            else if (p.Sentiment == SentimentLabel.Positive) _positive++;
        }

        private double Mean => _posts == 0 ? double.NaN : _sum / _posts;

        public TopicShare ToShare(string topic, int total) =>
            new(topic, _posts, total == 0 ? 0 : (double)_posts / total, _negative, _neutral, _positive, Mean);

        public SentimentPoint ToPoint(string topic, DateOnly start) => new(topic, start, _posts, _negative, _neutral, _positive, Mean);
    }
}
