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
        var discovery = TopicDiscoveryLayer.Fit(posts, Array.ConvertAll(textOf, u => documents[u]), Array.ConvertAll(textOf, u => language[u]),
            analyzer.Topics, seed, zone, window);
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

        // a thread is about what its first analysed post is about
        var threadTopic = new Dictionary<string, string>(StringComparer.Ordinal);
        var threadOf = new string[n];
        for (int i = 0; i < n; i++)
        {
            var tid = community.ThreadIdOf[community.ThreadOf[i]];
            threadOf[i] = tid;
            if (topic[textOf[i]] is { } t) threadTopic.TryAdd(tid, t);
        }
        // one result object per distinct text, shared by its posts: a post adds only what is its own
        var shared = new PostTextResult[m];
        for (int u = 0; u < m; u++)
            shared[u] = new PostTextResult(sentiment[u], score[u], topic[u], confidence[u], complaint[u], places[u], language[u].Language,
                language[u].Confidence, complaintEvidence[u]);
        var result = new PostAnalysis[n];
        for (int i = 0; i < n; i++)
        {
            var p = posts[i];
            int u = textOf[i];
            bool isAnalysed = sentiment[u] is not null;
            result[i] = new PostAnalysis(p.Id, p.AuthorId, threadOf[i], p.Time, p.Kind, isAnalysed ? threadTopic.GetValueOrDefault(threadOf[i]) : null,
                isAnalysed, shared[u]);
        }
        var analysed = result.Where(r => r.IsAnalysed).ToArray();
        var topics = Shares(analysed, r => r.ThreadTopic);
        var complaints = Shares(analysed, r => r.Complaint);
        var trend = Trend(analysed, window, zone);
        return new TextLayerResult(result, topics, complaints, trend, Languages(result)) { Discovery = discovery };
    }

    private static IReadOnlyList<LanguageShare> Languages(IReadOnlyList<PostAnalysis> posts) =>
        posts.GroupBy(p => p.Language, StringComparer.Ordinal)
            .Select(g => new LanguageShare(g.Key, g.Count(), (double)g.Count() / posts.Count, g.Any(p => p.IsAnalysed)))
            .OrderByDescending(l => l.Posts).ThenBy(l => l.Language, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Shares of <paramref name="key"/> over the analysed posts (the denominator).</summary>
    private static IReadOnlyList<TopicShare> Shares(IReadOnlyList<PostAnalysis> analysed, Func<PostAnalysis, string?> key) =>
        analysed.Where(p => key(p) is not null)
            .GroupBy(p => key(p)!, StringComparer.Ordinal)
            .Select(g => Share(g.Key, g.ToList(), analysed.Count))
            .OrderByDescending(s => s.Posts).ThenBy(s => s.Topic, StringComparer.Ordinal)
            .ToArray();

    private static TopicShare Share(string topic, List<PostAnalysis> g, int total) => new(topic, g.Count, total == 0 ? 0 : (double)g.Count / total,
        g.Count(p => p.Sentiment == SentimentLabel.Negative), g.Count(p => p.Sentiment == SentimentLabel.Neutral),
        g.Count(p => p.Sentiment == SentimentLabel.Positive), g.Count == 0 ? double.NaN : g.Average(p => p.SentimentScore ?? 0));

    private static IReadOnlyList<SentimentPoint> Trend(IReadOnlyList<PostAnalysis> analysed, TimeWindow window, TimeZoneInfo zone)
    {
        var list = new List<SentimentPoint>();
        var keyed = analysed.Select(p => (Post: p, Start: TrendWindows.Start(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.Time, zone).DateTime), window))).ToList();
        foreach (var g in keyed.GroupBy(x => x.Start).OrderBy(g => g.Key))
            list.Add(Point(All, g.Key, g.Select(x => x.Post).ToList()));
        foreach (var t in keyed.Where(x => x.Post.ThreadTopic is not null).GroupBy(x => x.Post.ThreadTopic!, StringComparer.Ordinal)
                     .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            foreach (var g in t.GroupBy(x => x.Start).OrderBy(g => g.Key))
                list.Add(Point(t.Key, g.Key, g.Select(x => x.Post).ToList()));
        return list;
    }

    private static SentimentPoint Point(string topic, DateOnly start, List<PostAnalysis> g) => new(topic, start, g.Count,
        g.Count(p => p.Sentiment == SentimentLabel.Negative), g.Count(p => p.Sentiment == SentimentLabel.Neutral),
        g.Count(p => p.Sentiment == SentimentLabel.Positive), g.Average(p => p.SentimentScore ?? 0));
}
