using Polder.Text;
using Polder.Topics.Discovery;

namespace Polder.Topics;

/// <summary>
/// Whether a topic classifier applies to a set of posts: a model trained on one domain (the shipped themes model
/// on Belgian parliamentary questions) still gives every post a label elsewhere, at low confidence and from the few
/// words it knows. Judged from two measurements on the posts: the mean confidence of its predictions and the share of
/// the posts' content words it has as a feature (vocabulary coverage). Both must reach their thresholds.
/// </summary>
/// <param name="Applies">True when the model's labels can be shown for these posts.</param>
/// <param name="MeanConfidence">Mean probability of the predicted label.</param>
/// <param name="VocabularyCoverage">Share of the posts' content words (stop words excluded) that are word features of the model.</param>
/// <param name="Posts">Posts measured (a seeded sample when there were more).</param>
public sealed record ThemeApplicability(bool Applies, double MeanConfidence, double VocabularyCoverage, int Posts)
{
    /// <summary>
    /// The lowest mean confidence that counts as applying. Measured with the shipped model (confidence / coverage):
    /// the Chamber's questions 0.92 / 0.98 (rows it was trained on), politicians' tweets 0.34 / 0.62, the sample
    /// community 0.19 / 0.68, r/Emory (English) 0.19 / 0.24 (docs/topic-discovery.md).
    /// </summary>
    public const double MinMeanConfidence = 0.4;

    /// <summary>The lowest vocabulary coverage that counts as applying (see <see cref="MinMeanConfidence"/> for the measurements).</summary>
    public const double MinVocabularyCoverage = 0.5;

    /// <summary>At most this many posts are measured.</summary>
    public const int MaxPosts = 2000;

    /// <summary>Measures <paramref name="model"/> on <paramref name="texts"/> (a sample of <see cref="MaxPosts"/>, seeded).</summary>
    public static ThemeApplicability Assess(TopicClassifier model, IReadOnlyList<string> texts, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Assess(model, texts.Count, i => texts[i].Length > 0, i => TextDocument.Create(texts[i]), seed);
    }

    /// <summary>Measures <paramref name="model"/> on documents the text layer already built (a sample of <see cref="MaxPosts"/>, seeded).</summary>
    public static ThemeApplicability Assess(TopicClassifier model, IReadOnlyList<TextDocument> documents, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return Assess(model, documents.Count, i => documents[i].TokenCount > 0, i => documents[i], seed);
    }

    private static ThemeApplicability Assess(TopicClassifier model, int count, Func<int, bool> hasText, Func<int, TextDocument> documentOf, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        var words = new HashSet<string>(model.Featurizer.KnownWords, StringComparer.Ordinal);
        var chosen = Enumerable.Range(0, count).Where(hasText).ToList();
        if (chosen.Count > MaxPosts)
        {
            var random = new Random(seed);
            chosen = chosen.OrderBy(_ => random.Next()).Take(MaxPosts).Order().ToList();
        }
        double confidence = 0;
        long known = 0, all = 0;
        foreach (var i in chosen)
        {
            var document = documentOf(i);
            confidence += model.Predict(document, 1).Confidence;
            DiscoveryTerms.Visit(document, phrases: false, (stem, surface) =>
            {
                all++;
                if (words.Contains(surface) || words.Contains(stem)) known++;
            });
        }
        if (chosen.Count == 0) return new ThemeApplicability(false, double.NaN, double.NaN, 0);
        double mean = confidence / chosen.Count, coverage = all == 0 ? 0 : (double)known / all;
        return new ThemeApplicability(mean >= MinMeanConfidence && coverage >= MinVocabularyCoverage, mean, coverage, chosen.Count);
    }
}
