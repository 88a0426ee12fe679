using Polder.Community;
using Polder.Places;
using Polder.Sentiment;
using Polder.Topics;

namespace Polder.Prediction.Features;

/// <summary>
/// What the text layers say about each post of a list: sentiment score and label, topic (index into
/// <see cref="FeatureTableOptions.TopicLabels"/>, −1 without topics) and place mentions. Computed once per post, in
/// parallel (the analysers are thread-safe; each post writes only its own slot, so the result does not depend on
/// scheduling).
/// </summary>
internal sealed class PostSignals
{
    public double[] Score { get; }
    public SentimentLabel[] Label { get; }
    public int[] Topic { get; }
    public IReadOnlyList<PlaceMention>[] Places { get; }

    private PostSignals(double[] score, SentimentLabel[] label, int[] topic, IReadOnlyList<PlaceMention>[] places)
    {
        Score = score; Label = label; Topic = topic; Places = places;
    }

    /// <summary>The signals at <paramref name="indices"/> of per-post arrays computed earlier, in that order.</summary>
    /// <remarks>A post's signals depend on its own text only, so a caller that builds many tables over overlapping
    /// periods computes them once and takes each period's part here.</remarks>
    public static PostSignals FromArrays(double[] score, SentimentLabel[] label, int[] topic, IReadOnlyList<PlaceMention>[] places, IReadOnlyList<int> indices)
    {
        int n = indices.Count;
        var s = new PostSignals(new double[n], new SentimentLabel[n], new int[n], new IReadOnlyList<PlaceMention>[n]);
        for (int i = 0; i < n; i++)
        {
            int k = indices[i];
            s.Score[i] = score[k]; s.Label[i] = label[k]; s.Topic[i] = topic[k]; s.Places[i] = places[k];
        }
        return s;
    }

    public PostSignals(IReadOnlyList<Post> posts, FeatureTableOptions options)
    {
        int n = posts.Count;
        Score = new double[n];
        Label = new SentimentLabel[n];
        Topic = new int[n];
        Places = new IReadOnlyList<PlaceMention>[n];
        var sentiment = options.SentimentOrDefault;
        var places = options.PlacesOrDefault;
        var labels = options.TopicLabels();
        var topicIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Count; i++) topicIndex[labels[i]] = i;
        var themes = options.Topics == TopicFeatureSource.Themes ? options.ThemesOrDefault : null;
        var complaints = options.Topics == TopicFeatureSource.Complaints ? ComplaintClassifier.Signalen : null;
        Parallel.For(0, n, i =>
        {
            var p = posts[i];
            var text = p.TitleAndText;
            double s = sentiment.Score(text);
            Score[i] = s;
            Label[i] = sentiment.LabelOf(s);
            Topic[i] = themes is not null ? themes.PredictProbabilities(text, stackalloc float[themes.Labels.Count])
                : complaints is not null ? topicIndex[complaints.Classify(text).Main]
                : -1;
            Places[i] = places.Find(text);
        });
    }
}
