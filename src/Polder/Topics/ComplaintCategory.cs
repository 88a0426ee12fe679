namespace Polder.Topics;

/// <summary>A sub category of a complaint taxonomy with its seed terms.</summary>
/// <param name="MainSlug">The main category's slug (e.g. <c>afval</c>).</param>
/// <param name="MainName">The main category's name (e.g. <c>Afval</c>).</param>
/// <param name="Slug">The sub category's slug (e.g. <c>container-is-vol</c>).</param>
/// <param name="Name">The sub category's name.</param>
/// <param name="Terms">
/// Seed terms, matched on lower-cased words without hyphens and apostrophes: <c>word</c> (the word, or the head of a
/// compound when it has 4+ letters), <c>=word</c> (the word only), <c>word*</c> (words starting with it, also after a modifier of 3+ letters), phrases
/// <c>a b</c> (the words in this order in one sentence, at most 8 words apart). Weights: a word 2 (a public-space
/// object), a phrase 3 (object and problem), <c>!word</c> 3 (a problem by itself), <c>~term</c> 1 (a weak cue).
/// </param>
public sealed record ComplaintCategory(string MainSlug, string MainName, string Slug, string Name, IReadOnlyList<string> Terms);

/// <summary>The outcome of <see cref="ComplaintClassifier.Classify(string)"/>.</summary>
/// <param name="Category">The best sub category, or null when the report is <see cref="IsUnknown"/>.</param>
/// <param name="Score">
/// The evidence for its main category: domain terms (2) and cues (1), report words (+1, at most 2), words of posts that
/// are no report (-1).
/// </param>
/// <param name="MatchedTerms">The seed terms that matched (the <see cref="ComplaintEvidence.Term"/> of <see cref="Evidence"/>).</param>
public sealed record ComplaintClassification(ComplaintCategory? Category, float Score, IReadOnlyList<string> MatchedTerms)
{
    /// <summary>The label used for reports that match no category well enough.</summary>
    public const string Unknown = "unknown";

    /// <summary>Where in the text each piece of evidence was found, in text order; empty when unknown.</summary>
    public IReadOnlyList<ComplaintEvidence> Evidence { get; init; } = [];

    /// <summary>True when no category has enough evidence.</summary>
    public bool IsUnknown => Category is null;

    /// <summary>The main category slug, or <see cref="Unknown"/>.</summary>
    public string Main => Category?.MainSlug ?? Unknown;

    /// <summary>The sub category slug, or <see cref="Unknown"/>.</summary>
    public string Sub => Category?.Slug ?? Unknown;

    /// <summary>The evidence as one line: <c>term "text"@offset</c> with the weight sign, e.g. <c>+2 lantaarnpa* "Lantaarnpaal"@0</c>.</summary>
    public string Explain() => string.Join("; ", Evidence.Select(e => $"{(e.Weight > 0 ? "+" : "")}{e.Weight:0} {e.Term} \"{e.Text}\"@{e.Start}"));
}

/// <summary>The kind of a piece of complaint evidence.</summary>
public enum ComplaintEvidenceKind
{
    /// <summary>A seed term of a category: domain evidence (weight 2).</summary>
    Term,

    /// <summary>A weak seed term of a category (weight 1).</summary>
    Cue,

    /// <summary>A word of a report or complaint, any category (+1).</summary>
    Report,

    /// <summary>A word of posts that are no report: thanks, praise, questions for information, politics (-1).</summary>
    Negative,
}

/// <summary>One matched term in a classified text.</summary>
/// <param name="Term">The seed term as written in the taxonomy or language data.</param>
/// <param name="Text">The matched text.</param>
/// <param name="Start">Offset of the match in the text (UTF-16 code units).</param>
/// <param name="Length">Length of the match.</param>
/// <param name="Weight">What it adds to the score.</param>
/// <param name="Kind">Domain term, cue, report word or non-report word.</param>
/// <param name="SubSlug">The sub category of a term or cue; null for report and non-report words.</param>
public sealed record ComplaintEvidence(string Term, string Text, int Start, int Length, float Weight, ComplaintEvidenceKind Kind, string? SubSlug);
