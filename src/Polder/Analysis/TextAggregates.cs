using Polder.Behaviour;
using Polder.Sentiment;

namespace Polder.Analysis;

/// <summary>
/// The text layer's aggregates (topic and complaint shares, the sentiment trend, languages) added up post by post, for
/// a streamed analysis: the same definitions as the in-memory text layer (shares over analysed posts; a topic share
/// counts the thread's topic; means of the sentiment score). Counts are exact; a mean score may differ in the last bits
/// from the in-memory one because the scores are added in file order. Not thread-safe.
/// </summary>
internal sealed class TextAggregates(TimeWindow window, TimeZoneInfo zone)
{
    private sealed class Tally
    {
        public int Posts, Negative, Neutral, Positive;
        public double ScoreSum;

        public void Add(PostAnalysis p)
        {
            Posts++;
            ScoreSum += p.SentimentScore ?? 0;
            switch (p.Sentiment)
            {
                case SentimentLabel.Negative: Negative++; break;
                case SentimentLabel.Neutral: Neutral++; break;
                case SentimentLabel.Positive: Positive++; break;
            }
        }

        public double Mean => Posts == 0 ? double.NaN : ScoreSum / Posts;
    }

    private readonly Dictionary<string, Tally> _topics = new(StringComparer.Ordinal), _complaints = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Topic, DateOnly Start), Tally> _trend = [];
    private readonly Dictionary<string, (int Posts, bool Analysed)> _languages = new(StringComparer.Ordinal);
    private int _posts, _analysed, _negative, _positive, _complaint, _places;

    public StreamedText Counts => new(_posts, _analysed, _negative, _positive, _complaint, _places);

    public void Add(PostAnalysis p)
    {
        _posts++;
        var l = _languages.GetValueOrDefault(p.Language);
        _languages[p.Language] = (l.Posts + 1, l.Analysed || p.IsAnalysed);
        if (!p.IsAnalysed) return;
        _analysed++;
        if (p.Sentiment == SentimentLabel.Negative) _negative++;
        if (p.Sentiment == SentimentLabel.Positive) _positive++;
        if (p.Complaint is not null) _complaint++;
        if (p.Places.Count > 0) _places++;
        if (p.ThreadTopic is { } t) Of(_topics, t).Add(p);
        if (p.Complaint is { } c) Of(_complaints, c).Add(p);
        var start = TrendWindows.Start(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.Time, zone).DateTime), window);
        Of(_trend, (TextLayer.All, start)).Add(p);
        if (p.ThreadTopic is { } tt) Of(_trend, (tt, start)).Add(p);
    }

    private static Tally Of<TKey>(Dictionary<TKey, Tally> d, TKey key) where TKey : notnull
    {
        if (!d.TryGetValue(key, out var t)) d[key] = t = new Tally();
        return t;
    }

    public IReadOnlyList<TopicShare> Topics() => Shares(_topics);

    public IReadOnlyList<TopicShare> Complaints() => Shares(_complaints);

    private IReadOnlyList<TopicShare> Shares(Dictionary<string, Tally> d) => d
        .Select(kv => new TopicShare(kv.Key, kv.Value.Posts, _analysed == 0 ? 0 : (double)kv.Value.Posts / _analysed,
            kv.Value.Negative, kv.Value.Neutral, kv.Value.Positive, kv.Value.Mean))
        .OrderByDescending(s => s.Posts).ThenBy(s => s.Topic, StringComparer.Ordinal).ToArray();

    public IReadOnlyList<SentimentPoint> Trend()
    {
        var list = new List<SentimentPoint>();
        SentimentPoint Point(string topic, DateOnly start, Tally t) => new(topic, start, t.Posts, t.Negative, t.Neutral, t.Positive, t.Mean);
        foreach (var kv in _trend.Where(kv => kv.Key.Topic == TextLayer.All).OrderBy(kv => kv.Key.Start)) list.Add(Point(TextLayer.All, kv.Key.Start, kv.Value));
        foreach (var topic in _topics.OrderByDescending(kv => kv.Value.Posts).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key))
            foreach (var kv in _trend.Where(kv => kv.Key.Topic == topic).OrderBy(kv => kv.Key.Start)) list.Add(Point(topic, kv.Key.Start, kv.Value));
        return list;
    }

    public IReadOnlyList<LanguageShare> Languages() => _languages
        .Select(kv => new LanguageShare(kv.Key, kv.Value.Posts, (double)kv.Value.Posts / _posts, kv.Value.Analysed))
        .OrderByDescending(l => l.Posts).ThenBy(l => l.Language, StringComparer.Ordinal).ToArray();
}
