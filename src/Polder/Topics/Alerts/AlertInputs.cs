using Polder.Analysis;

namespace Polder.Topics.Alerts;

/// <summary>Turns an analysis's posts into <see cref="AlertObservation"/>s with the chosen topic keys. Thread-safe.</summary>
public static class AlertInputs
{
    /// <summary>Least share of read posts with a complaint category for <see cref="AlertTopicSource.Auto"/> to choose complaints.</summary>
    public const double MinComplaintShare = 0.05;

    /// <summary>The source <see cref="AlertTopicSource.Auto"/> stands for on <paramref name="posts"/>.</summary>
    public static AlertTopicSource Resolve(IReadOnlyList<PostAnalysis> posts, AlertTopicSource source)
    {
        ArgumentNullException.ThrowIfNull(posts);
        if (source != AlertTopicSource.Auto) return source;
        int read = posts.Count(p => p.IsAnalysed), complaints = posts.Count(p => p.Complaint is not null);
        return read > 0 && complaints >= MinComplaintShare * read ? AlertTopicSource.Complaints : AlertTopicSource.Themes;
    }

    /// <summary>One observation per post (posts in another language count for volume only, without topic or tone).</summary>
    public static IReadOnlyList<AlertObservation> From(IReadOnlyList<PostAnalysis> posts, AlertTopicSource source)
    {
        source = Resolve(posts, source);
        Dictionary<string, string>? threadComplaint = null;
        if (source == AlertTopicSource.Complaints)
        {
            threadComplaint = new(StringComparer.Ordinal);
            foreach (var p in posts.Where(p => p.Complaint is not null).OrderBy(p => p.Time))
                threadComplaint.TryAdd(p.ThreadId, p.Complaint!);
        }
        return posts.Select(p => new AlertObservation(p.Time,
            threadComplaint is null ? p.ThreadTopic : p.Complaint ?? threadComplaint.GetValueOrDefault(p.ThreadId),
            p.Sentiment, p.PostId)).ToArray();
    }
}
