using Polder.Community;
using Polder.Places;
using Polder.Sentiment;
using Polder.Topics;

namespace Polder.Prediction;

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
