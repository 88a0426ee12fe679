namespace Polder.Topics.Discovery;

/// <summary>Settings of <see cref="TopicDiscovery"/>. Immutable.</summary>
public sealed record TopicDiscoveryOptions
{
    /// <summary>Number of topics; 0 chooses one from the number of posts (<see cref="TopicDiscovery.AutomaticTopicCount"/>).</summary>
    public int Topics { get; init; }

    /// <summary>Seed of every random step (sampling, SVD, k-means++ starts): the same seed gives the same topics.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The method.</summary>
    public DiscoveryMethod Method { get; init; } = DiscoveryMethod.LsaKMeans;

    /// <summary>
    /// At most this many posts (a seeded sample) fit the model; the rest are assigned to the fitted topics by one sparse
    /// dot product each, so that discovery on a million posts stays a few CPU-seconds.
    /// </summary>
    public int MaxFitPosts { get; init; } = 50_000;

    /// <summary>A term must occur in at least this many fitted posts.</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>A term in more than this share of the fitted posts says nothing about a topic and is dropped.</summary>
    public double MaxDocumentShare { get; init; } = 0.5;

    /// <summary>The most frequent terms kept.</summary>
    public int MaxTerms { get; init; } = 20_000;

    /// <summary>Also count two adjacent content words as a phrase term.</summary>
    public bool Phrases { get; init; } = true;

    /// <summary>k-means restarts (the best objective is kept).</summary>
    public int Restarts { get; init; } = 5;

    /// <summary>
    /// Seeded k-means runs whose consensus (<see cref="DiscoveryMethod.LsaKMeans"/>) gives the topics: the clustering
    /// most runs agree on, steadier than the best of a few restarts (docs/topic-discovery.md); 0 or 1 keeps the best of
    /// <see cref="Restarts"/> restarts.
    /// </summary>
    public int ConsensusRuns { get; init; } = 20;

    /// <summary>Dimensions of the LSA projection (<see cref="DiscoveryMethod.LsaKMeans"/>); 0 chooses them from the number of posts (<see cref="TopicDiscovery.AutomaticLsaDimensions"/>).</summary>
    public int LsaDimensions { get; init; }

    /// <summary>Words or phrases in a topic's label.</summary>
    public int LabelTerms { get; init; } = 3;

    /// <summary>Example posts kept per topic.</summary>
    public int Examples { get; init; } = 3;
}
