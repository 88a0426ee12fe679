namespace Polder.Topics.Discovery;

/// <summary>The discovered topic of one post and how clearly it belongs there.</summary>
/// <param name="Topic">Topic id (0 is the largest topic), or −1 when the post has no known term.</param>
/// <param name="Weight">The topic's share of the post's affinity to all topics, 0–1 (1: it belongs to nothing else).</param>
public readonly record struct TopicAssignment(int Topic, float Weight)
{
    /// <summary>The post's affinity to its topic itself (cosine with the topic's centre for k-means, the factor weight for NMF): how typical it is.</summary>
    public float Affinity { get; init; }

    /// <summary>No topic: the post has no term the model knows.</summary>
    public static TopicAssignment None { get; } = new(-1, 0);

    /// <summary>True when the post has a topic.</summary>
    public bool HasTopic => Topic >= 0;
}
