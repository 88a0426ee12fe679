namespace Polder.Topics;

/// <summary>
/// How a text becomes a feature vector: word n-grams and character n-grams within words (padded with a space,
/// as fastText subwords and scikit-learn's <c>char_wb</c>), TF-IDF weighted, each block L2-normalised.
/// </summary>
public sealed record TextFeaturizerOptions
{
    /// <summary>The longest word n-gram (1 = words only, 2 = words and bigrams; 0 = no word features).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>The shortest character n-gram.</summary>
    public int CharNgramMinLength { get; init; } = 2;

    /// <summary>The longest character n-gram (0 = no character n-grams).</summary>
    public int CharNgramMaxLength { get; init; } = 5;

    /// <summary>Use Snowball stems instead of lower-cased words for the word n-grams.</summary>
    public bool UseStems { get; init; }

    /// <summary>An n-gram becomes a feature when it occurs in at least this many training texts.</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>Term frequency as 1 + ln(tf) instead of tf.</summary>
    public bool SublinearTermFrequency { get; init; } = true;

    /// <summary>
    /// Words of the first line (a title or subject line, up to 40 words) also count as separate title features,
    /// so that what a text is headed with weighs more.
    /// </summary>
    public bool TitleFeatures { get; init; } = true;

    /// <summary>The defaults: words and bigrams, character 2–5-grams, title words, min document frequency 2, sublinear tf.</summary>
    public static TextFeaturizerOptions Default { get; } = new();

    internal void Validate()
    {
        if (WordNgramLength is < 0 or > 3) throw new ArgumentOutOfRangeException(nameof(WordNgramLength), "0..3");
        if (CharNgramMaxLength != 0 && (CharNgramMinLength < 1 || CharNgramMaxLength < CharNgramMinLength || CharNgramMaxLength > 8))
            throw new ArgumentOutOfRangeException(nameof(CharNgramMaxLength), "character n-grams need 1 <= min <= max <= 8, or max 0");
        if (WordNgramLength == 0 && CharNgramMaxLength == 0) throw new ArgumentException("no features: both word and character n-grams are off");
        if (MinDocumentFrequency < 1) throw new ArgumentOutOfRangeException(nameof(MinDocumentFrequency));
    }
}
