using System.Text;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Polder.Text;

namespace Polder.Sentiment;

/// <summary>The output row of the text-normalising mapping: normalised tokens, and the same with words stemmed.</summary>
public sealed class SentimentNormalizedTextRow
{
    /// <summary>The internal column of normalised text.</summary>
    public const string NormalizedColumn = "PolderSentimentNormalized";

    /// <summary>The internal column of normalised text with words stemmed.</summary>
    public const string StemmedColumn = "PolderSentimentStemmed";

    /// <summary>Polder's tokens, lower-cased, elongations squashed, URLs, mentions, e-mails and numbers as placeholders, space-separated.</summary>
    [ColumnName(NormalizedColumn)]
    public string Normalized { get; set; } = "";

    /// <summary>As <see cref="Normalized"/>, with words replaced by their Snowball stems.</summary>
    [ColumnName(StemmedColumn)]
    public string Stemmed { get; set; } = "";

    /// <summary>The internal column of normalised text with words in a negation's scope marked.</summary>
    public const string NegatedColumn = "PolderSentimentNegated";

    /// <summary>The internal column of stemmed text with words in a negation's scope marked.</summary>
    public const string StemmedNegatedColumn = "PolderSentimentStemmedNegated";

    /// <summary>As <see cref="Normalized"/>, with up to three words after a negator (within its clause) prefixed <c>neg_</c>.</summary>
    [ColumnName(NegatedColumn)]
    public string Negated { get; set; } = "";

    /// <summary>As <see cref="Stemmed"/>, with the negation marks of <see cref="Negated"/>.</summary>
    [ColumnName(StemmedNegatedColumn)]
    public string StemmedNegated { get; set; } = "";
}

/// <summary>
/// The ML.NET custom mapping that runs Polder's tokenizer, normaliser and stemmer over the text for the
/// n-gram features, registered by contract name so saved models load again.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class SentimentTextNormalizingMapping : CustomMappingFactory<SentimentTextRow, SentimentNormalizedTextRow>
{
    /// <summary>The contract name stored in saved models.</summary>
    public const string ContractName = "Polder.Sentiment.NormalizedText.v1";

    /// <summary>The mapping itself.</summary>
    public static void Map(SentimentTextRow input, SentimentNormalizedTextRow output)
    {
        var text = input.Text ?? "";
        var tokens = DutchTokenizer.Default.Tokenize(text);
        var normalizer = TextNormalizer.Default;
        var cues = SentimentCueWords.Default;
        var normalized = new StringBuilder(text.Length + 16);
        var stemmed = new StringBuilder(text.Length + 16);
        var negated = new StringBuilder(text.Length + 16);
        var stemmedNegated = new StringBuilder(text.Length + 16);
        Span<char> buffer = stackalloc char[256];
        Span<char> stem = stackalloc char[256];
        int scope = 0;
        foreach (var t in tokens)
        {
            var raw = t.Slice(text);
            if (normalizer.MaxOutputLength(raw.Length) > buffer.Length) continue;
            int n = normalizer.Normalize(raw, t.Kind, buffer);
            var norm = buffer[..n];
            ReadOnlySpan<char> st = t.Kind == TokenKind.Word && n <= stem.Length ? stem[..DutchStemmer.Default.Stem(norm, stem)] : norm;
            if (normalized.Length > 0) { normalized.Append(' '); stemmed.Append(' '); negated.Append(' '); stemmedNegated.Append(' '); }
            normalized.Append(norm);
            stemmed.Append(st);
            var cue = t.Kind == TokenKind.Word ? cues.Get(norm).Kind : SentimentCueKind.None;
            bool mark = scope > 0 && t.Kind == TokenKind.Word && cue is SentimentCueKind.None or SentimentCueKind.Intensifier or SentimentCueKind.Downtoner or SentimentCueKind.Excess or SentimentCueKind.Scalar;
            if (mark) { negated.Append(NegationPrefix); stemmedNegated.Append(NegationPrefix); scope--; }
            else if (t.Kind == TokenKind.Punctuation || cue is SentimentCueKind.Boundary or SentimentCueKind.ContrastConjunction or SentimentCueKind.ContrastAdverb or SentimentCueKind.Concessive) scope = 0;
            negated.Append(norm);
            stemmedNegated.Append(st);
            if (cue == SentimentCueKind.Negator) scope = NegationWords;
        }
        output.Normalized = normalized.ToString();
        output.Stemmed = stemmed.ToString();
        output.Negated = negated.ToString();
        output.StemmedNegated = stemmedNegated.ToString();
    }

    /// <summary>How many words after a negator are marked.</summary>
    public const int NegationWords = 3;

    /// <summary>The prefix of a word in a negation's scope.</summary>
    public const string NegationPrefix = "neg_";

    /// <inheritdoc />
    public override Action<SentimentTextRow, SentimentNormalizedTextRow> GetMapping() => Map;
}
