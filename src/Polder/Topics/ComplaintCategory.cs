namespace Polder.Topics;

/// <summary>A sub category of a complaint taxonomy with its seed terms.</summary>
/// <param name="MainSlug">The main category's slug (e.g. <c>afval</c>).</param>
/// <param name="MainName">The main category's name (e.g. <c>Afval</c>).</param>
/// <param name="Slug">The sub category's slug (e.g. <c>container-is-vol</c>).</param>
/// <param name="Name">The sub category's name.</param>
/// <param name="Terms">Seed terms: words (matched by stem and as compound parts) and phrases (all words in one sentence).</param>
public sealed record ComplaintCategory(string MainSlug, string MainName, string Slug, string Name, IReadOnlyList<string> Terms);

/// <summary>The outcome of <see cref="ComplaintClassifier.Classify"/>.</summary>
/// <param name="Category">The best sub category, or null when the report is <see cref="IsUnknown"/>.</param>
/// <param name="Score">The evidence for it: matched terms, phrases by their word count, compound-prefix matches at half weight.</param>
/// <param name="MatchedTerms">The seed terms that matched.</param>
public sealed record ComplaintClassification(ComplaintCategory? Category, float Score, IReadOnlyList<string> MatchedTerms)
{
    /// <summary>The label used for reports that match no category well enough.</summary>
    public const string Unknown = "unknown";

    /// <summary>True when no category has enough evidence.</summary>
    public bool IsUnknown => Category is null;

    /// <summary>The main category slug, or <see cref="Unknown"/>.</summary>
    public string Main => Category?.MainSlug ?? Unknown;

    /// <summary>The sub category slug, or <see cref="Unknown"/>.</summary>
    public string Sub => Category?.Slug ?? Unknown;
}
