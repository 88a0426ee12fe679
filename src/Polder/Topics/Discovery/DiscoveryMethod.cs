namespace Polder.Topics.Discovery;

/// <summary>The unsupervised method behind topic discovery (all on sublinear TF-IDF of stems and two-word phrases).</summary>
public enum DiscoveryMethod
{
    /// <summary>Spherical k-means on a randomised-SVD (LSA) projection, k-means++ starts, the best of several seeded restarts (the default: see docs/topic-discovery.md).</summary>
    LsaKMeans,
    /// <summary>Spherical k-means with k-means++ starts on the TF-IDF vectors themselves.</summary>
    SphericalKMeans,
    /// <summary>Non-negative matrix factorisation, NNDSVD start, HALS updates.</summary>
    Nmf,
}
