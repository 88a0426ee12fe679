using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Polder.Sentiment;

/// <summary>The input row of the lexicon-feature mapping: the text, in a column of Polder's own name.</summary>
public sealed class SentimentTextRow
{
    /// <summary>The internal column name the mapping reads.</summary>
    public const string ColumnName = "PolderSentimentText";

    /// <summary>The text.</summary>
    [ColumnName(ColumnName)]
    public string Text { get; set; } = "";
}

/// <summary>The output row of the lexicon-feature mapping: <see cref="SentimentFeatures.Count"/> numbers.</summary>
public sealed class SentimentFeaturesRow
{
    /// <summary>The internal column name the mapping writes.</summary>
    public const string ColumnName = "PolderSentimentLexicon";

    /// <summary>The analyser's lexicon and rule features (see <see cref="SentimentFeatures.Names"/>).</summary>
    [ColumnName(ColumnName), VectorType(SentimentFeatures.Count)]
    public float[] Features { get; set; } = new float[SentimentFeatures.Count];
}

/// <summary>
/// The ML.NET custom mapping that computes the default analyser's lexicon and rule features, registered by
/// contract name so saved models load again (see <see cref="SentimentModel.Load"/>).
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class SentimentLexiconFeaturesMapping : CustomMappingFactory<SentimentTextRow, SentimentFeaturesRow>
{
    /// <summary>The contract name stored in saved models.</summary>
    public const string ContractName = "Polder.Sentiment.LexiconFeatures.v1";

    /// <summary>The mapping itself.</summary>
    public static void Map(SentimentTextRow input, SentimentFeaturesRow output)
    {
        var f = output.Features.Length == SentimentFeatures.Count ? output.Features : new float[SentimentFeatures.Count];
        SentimentAnalyzer.Default.GetFeatures(input.Text ?? "", f);
        output.Features = f;
    }

    /// <inheritdoc />
    public override Action<SentimentTextRow, SentimentFeaturesRow> GetMapping() => Map;
}
