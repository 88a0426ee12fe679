using Microsoft.ML;

namespace Polder.Sentiment;

/// <summary>ML.NET entry points: the analyser's features as an estimator for your own pipelines.</summary>
public static class SentimentCatalog
{
    /// <summary>
    /// An estimator that adds a vector column of the zero-shot analyser's lexicon and rule features
    /// (<see cref="SentimentFeatures.Names"/>) computed from a text column. Models that contain it load with
    /// <c>mlContext.ComponentCatalog.RegisterAssembly(typeof(SentimentCatalog).Assembly)</c> first.
    /// </summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="outputColumnName">The feature vector column to add.</param>
    /// <param name="inputColumnName">The text column.</param>
    public static IEstimator<ITransformer> SentimentLexiconFeatures(this TransformsCatalog catalog, string outputColumnName = "Lexicon", string inputColumnName = "Text")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.CopyColumns(SentimentTextRow.ColumnName, inputColumnName)
            .Append(catalog.CustomMapping(new SentimentLexiconFeaturesMapping().GetMapping(), SentimentLexiconFeaturesMapping.ContractName))
            .Append(catalog.CopyColumns(outputColumnName, SentimentFeaturesRow.ColumnName))
            .Append(catalog.DropColumns(SentimentTextRow.ColumnName, SentimentFeaturesRow.ColumnName));
    }
}
