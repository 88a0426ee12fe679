using Polder.Analysis;

namespace Polder.Topics.Alerts;

/// <summary>Turns an analysis's posts into <see cref="AlertObservation"/>s with the chosen topic keys. Thread-safe.</summary>
public static class AlertInputs
{
    /// <summary>Least share of read posts with a complaint category for <see cref="AlertTopicSource.Auto"/> to choose complaints.</summary>
    public const double MinComplaintShare = 0.05;

    /// <summary>
    /// The source <see cref="AlertTopicSource.Auto"/> stands for on <paramref name="posts"/>: complaints in a municipal
    /// community; else the discovered topics when <paramref name="discovered"/> (one label or null per post) is given and
    /// the themes model does not apply (<paramref name="themesApply"/> false), since a model trained on parliamentary
    /// questions would name the rises with themes the posts are not about; else themes.
    /// </summary>
    public static AlertTopicSource Resolve(IReadOnlyList<PostAnalysis> posts, AlertTopicSource source,
        IReadOnlyList<string?>? discovered = null, bool themesApply = true)
    {
        ArgumentNullException.ThrowIfNull(posts);
        if (source == AlertTopicSource.Discovered && (discovered is null || discovered.Count != posts.Count))
            throw new ArgumentException("discovered topics were asked for, but the analysis has none for these posts", nameof(discovered));
        if (source != AlertTopicSource.Auto) return source;
        int read = posts.Count(p => p.IsAnalysed), complaints = posts.Count(p => p.Complaint is not null);
        if (read > 0 && complaints >= MinComplaintShare * read) return AlertTopicSource.Complaints;
        return discovered is not null && discovered.Count == posts.Count && !themesApply ? AlertTopicSource.Discovered : AlertTopicSource.Themes;
    }

    /// <summary>
    /// One observation per post (posts in another language count for volume only, without topic or tone);
    /// <paramref name="discovered"/> gives each post's discovered topic label for <see cref="AlertTopicSource.Discovered"/>.
    /// </summary>
    public static IReadOnlyList<AlertObservation> From(IReadOnlyList<PostAnalysis> posts, AlertTopicSource source,
        IReadOnlyList<string?>? discovered = null, bool themesApply = true)
    {
        source = Resolve(posts, source, discovered, themesApply);
        if (source == AlertTopicSource.Discovered)
            return posts.Select((p, i) => new AlertObservation(p.Time, discovered![i], p.Sentiment, p.PostId)).ToArray();
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
