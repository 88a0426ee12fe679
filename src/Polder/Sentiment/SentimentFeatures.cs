namespace Polder.Sentiment;

/// <summary>
/// The analyser's lexicon and rule features of a text, for learners: a fixed-length vector of
/// <see cref="Count"/> numbers named by <see cref="Names"/>. See <see cref="SentimentAnalyzer.GetFeatures(ReadOnlySpan{char}, Span{float})"/>.
/// </summary>
public static class SentimentFeatures
{
    /// <summary>Number of features.</summary>
    public const int Count = 18;

    /// <summary>The features' names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "score", "positive_sum", "negative_sum", "positive_count", "negative_count", "max_positive", "max_negative",
        "negated", "intensified", "contrast", "exclamation", "question", "emoji_positive", "emoji_negative",
        "quoted_or_reported", "hashtag_sum", "last_sentence_score", "log_tokens",
    ];

    internal static void Compute(ReadOnlySpan<SentimentAnalyzer.Hit> hits, int sentenceCount, int tokenCount, SentimentAnalyzer analyzer, Span<float> f)
    {
        f[..Count].Clear();
        double sum = 0, last = 0;
        int lastSentence = sentenceCount - 1;
        foreach (var h in hits)
        {
            double w = h.Weight;
            sum += w;
            if (h.Sentence == lastSentence) last += w;
            if (w > 0) { f[1] += (float)w; f[3]++; f[5] = Math.Max(f[5], (float)w); }
            else if (w < 0) { f[2] -= (float)w; f[4]++; f[6] = Math.Max(f[6], (float)-w); }
            var c = h.Cues;
            if ((c & SentimentCues.Negated) != 0) f[7]++;
            if ((c & SentimentCues.Intensified) != 0) f[8]++;
            if ((c & (SentimentCues.AfterContrast | SentimentCues.BeforeContrast)) != 0) f[9] = 1;
            if ((c & SentimentCues.Exclamation) != 0) f[10] = 1;
            if ((c & SentimentCues.Question) != 0) f[11] = 1;
            if ((c & SentimentCues.Emoji) != 0) { if (w > 0) f[12] += (float)w; else f[13] -= (float)w; }
            if ((c & (SentimentCues.Quoted | SentimentCues.Reported)) != 0) f[14]++;
            if ((c & SentimentCues.Hashtag) != 0) f[15] += (float)w;
        }
        double squash = analyzer.Options.Squash;
        f[0] = (float)(sum == 0 ? 0 : sum / Math.Sqrt(sum * sum + squash));
        f[16] = (float)(last == 0 ? 0 : last / Math.Sqrt(last * last + squash));
        f[17] = (float)Math.Log(1 + tokenCount) / 5f;
    }
}
