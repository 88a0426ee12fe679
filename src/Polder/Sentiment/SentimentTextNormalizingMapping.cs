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
        var normalized = new StringBuilder(text.Length + 16);
        var stemmed = new StringBuilder(text.Length + 16);
        Span<char> buffer = stackalloc char[256];
        Span<char> stem = stackalloc char[256];
        foreach (var t in tokens)
        {
            var raw = t.Slice(text);
            if (normalizer.MaxOutputLength(raw.Length) > buffer.Length) continue;
            int n = normalizer.Normalize(raw, t.Kind, buffer);
            var norm = buffer[..n];
            if (normalized.Length > 0) { normalized.Append(' '); stemmed.Append(' '); }
            normalized.Append(norm);
            if (t.Kind == TokenKind.Word && n <= stem.Length) stemmed.Append(stem[..DutchStemmer.Default.Stem(norm, stem)]);
            else stemmed.Append(norm);
        }
        output.Normalized = normalized.ToString();
        output.Stemmed = stemmed.ToString();
    }

    /// <inheritdoc />
    public override Action<SentimentTextRow, SentimentNormalizedTextRow> GetMapping() => Map;
}
