using Microsoft.ML;
using Microsoft.ML.Data;

namespace Polder.Topics;

/// <summary>
/// The topic text featurizer as an ML.NET estimator, for use in your own pipelines: <see cref="Fit"/> learns the
/// word and character n-gram vocabulary and IDF of a text column (Polder's tokenizer, as
/// <see cref="TopicClassifierTrainer"/> does), and the resulting <see cref="TextFeaturizerTransformer"/> adds a
/// sparse <c>Vector&lt;Single&gt;</c> TF-IDF column that any ML.NET trainer can consume.
/// </summary>
/// <example>
/// <code>
/// var pipeline = new TextFeaturizerEstimator("Text", "Features")
///     .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
///     .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
/// var model = pipeline.Fit(data);
/// </code>
/// </example>
public sealed class TextFeaturizerEstimator : IEstimator<TextFeaturizerTransformer>
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="inputColumnName">The text column (ML.NET text, i.e. <c>string</c> / <c>ReadOnlyMemory&lt;char&gt;</c>).</param>
    /// <param name="outputColumnName">The features column to add.</param>
    /// <param name="options">The n-gram settings (default <see cref="TextFeaturizerOptions.Default"/>).</param>
    public TextFeaturizerEstimator(string inputColumnName, string outputColumnName = "Features", TextFeaturizerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputColumnName);
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        InputColumnName = inputColumnName;
        OutputColumnName = outputColumnName;
        Options = options ?? TextFeaturizerOptions.Default;
        Options.Validate();
    }

    /// <summary>The text column.</summary>
    public string InputColumnName { get; }

    /// <summary>The features column.</summary>
    public string OutputColumnName { get; }

    /// <summary>The n-gram settings.</summary>
    public TextFeaturizerOptions Options { get; }

    /// <summary>Learns the vocabulary and IDF from every row of the text column (a missing text counts as empty).</summary>
    public TextFeaturizerTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var column = TextFeaturizerTransformer.TextColumn(input.Schema, InputColumnName);
        var texts = new List<string>();
        using (var cursor = input.GetRowCursor([column]))
        {
            var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> value = default;
            while (cursor.MoveNext())
            {
                getter(ref value);
                texts.Add(value.ToString());
            }
        }
        if (texts.Count == 0) throw new InvalidOperationException($"column '{InputColumnName}' has no rows to learn a vocabulary from");
        return new TextFeaturizerTransformer(TextFeaturizer.Fit(texts, Options), InputColumnName, OutputColumnName);
    }

    /// <summary>The input columns plus the features column (a vector of floats whose size is known after fitting).</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var column = inputSchema.FirstOrDefault(c => c.Name == InputColumnName);
        if (column.Name is null) throw new ArgumentException($"no column '{InputColumnName}' in the input", nameof(inputSchema));
        if (column.Kind != SchemaShape.Column.VectorKind.Scalar || column.ItemType is not TextDataViewType)
            throw new ArgumentException($"column '{InputColumnName}' must be text, not {column.ItemType}", nameof(inputSchema));
        // ML.NET makes schema-shape columns only internally; its own text featurizer declares exactly this shape
        // (a text column in, a float vector column out), so it is asked for it.
        return SchemaShapeSource.FeaturizeText(OutputColumnName, InputColumnName).GetOutputSchema(inputSchema);
    }

    private static class SchemaShapeSource
    {
        private static readonly MLContext Context = new(seed: 0);

        public static IEstimator<ITransformer> FeaturizeText(string output, string input) => Context.Transforms.Text.FeaturizeText(output, input);
    }
}
