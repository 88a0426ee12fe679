using Polder.Topics.Discovery;

namespace Polder.Analysis;

/// <summary>
/// A topic discovered in the community's own posts ("Waar gaat het over"), with the sentiment of its posts: the
/// negative and positive shares among its posts that have a sentiment, each with its 95% Wilson interval and n.
/// </summary>
/// <param name="Topic">The discovered topic (label, terms, size, share, example indices into the posts, trend).</param>
/// <param name="Examples">Its most representative posts' texts.</param>
/// <param name="WithSentiment">Its posts that have a sentiment (the n of the shares).</param>
/// <param name="Negative">Negative posts among them.</param>
/// <param name="Positive">Positive posts among them.</param>
public sealed record CommunityTopic(DiscoveredTopic Topic, IReadOnlyList<string> Examples, int WithSentiment, int Negative, int Positive)
{
    /// <summary>Negative share of the posts with a sentiment (NaN when none).</summary>
    public double NegativeShare => WithSentiment == 0 ? double.NaN : (double)Negative / WithSentiment;

    /// <summary>Positive share of the posts with a sentiment (NaN when none).</summary>
    public double PositiveShare => WithSentiment == 0 ? double.NaN : (double)Positive / WithSentiment;

    /// <summary>95% Wilson interval of <see cref="NegativeShare"/>.</summary>
    public WilsonInterval NegativeInterval => WilsonInterval.Of(Negative, WithSentiment);

    /// <summary>95% Wilson interval of <see cref="PositiveShare"/>.</summary>
    public WilsonInterval PositiveInterval => WilsonInterval.Of(Positive, WithSentiment);
}
