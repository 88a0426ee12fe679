using Microsoft.ML;
using Microsoft.ML.Data;

namespace Polder.Topics;

/// <summary>
/// A fitted topic text featurizer (from <see cref="TextFeaturizerEstimator"/>): adds a sparse TF-IDF
/// <c>Vector&lt;Single&gt;</c> column of the featurizer's dimension, with the n-grams as slot names, computed
/// lazily per row. Immutable and thread-safe.
/// </summary>
public sealed class TextFeaturizerTransformer : ITransformer
{
    internal TextFeaturizerTransformer(TextFeaturizer featurizer, string inputColumnName, string outputColumnName)
    {
        Featurizer = featurizer;
        InputColumnName = inputColumnName;
        OutputColumnName = outputColumnName;
    }

    internal TextFeaturizer Featurizer { get; }

    /// <summary>The text column.</summary>
    public string InputColumnName { get; }

    /// <summary>The features column.</summary>
    public string OutputColumnName { get; }

    /// <summary>Length of the feature vector.</summary>
    public int Dimension => Featurizer.Dimension;

    /// <summary>The readable name of every feature slot (word n-gram, or character n-gram in brackets).</summary>
    public IReadOnlyList<string> SlotNames => Enumerable.Range(0, Featurizer.Dimension).Select(Featurizer.DisplayName).ToArray();

    /// <summary>False: use <see cref="Transform"/> (the transformer is not saved in ML.NET model files).</summary>
    public bool IsRowToRowMapper => false;

    /// <summary>Not supported (see <see cref="IsRowToRowMapper"/>).</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        throw new NotSupportedException("TextFeaturizerTransformer is not a row-to-row mapper; use Transform on an IDataView");

    /// <summary>The input schema plus the features column.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        TextColumn(inputSchema, InputColumnName);
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        var annotations = new DataViewSchema.Annotations.Builder();
        var names = SlotNames;
        ValueGetter<VBuffer<ReadOnlyMemory<char>>> slotNames = (ref VBuffer<ReadOnlyMemory<char>> dst) =>
        {
            var editor = VBufferEditor.Create(ref dst, names.Count);
            for (int i = 0; i < names.Count; i++) editor.Values[i] = names[i].AsMemory();
            dst = editor.Commit();
        };
        annotations.Add("SlotNames", new VectorDataViewType(TextDataViewType.Instance, names.Count), slotNames);
        builder.AddColumn(OutputColumnName, new VectorDataViewType(NumberDataViewType.Single, Featurizer.Dimension), annotations.ToAnnotations());
        return builder.ToSchema();
    }

    /// <summary>The input rows with the features column added (lazily: computed when a cursor reads it).</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new FeaturizedDataView(input, this, GetOutputSchema(input.Schema));
    }

    /// <summary>Not supported: ML.NET model files cannot hold this transformer; save the topic model instead.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException("TextFeaturizerTransformer cannot be saved in an ML.NET model file; refit it from the data, or train a TopicClassifier and save that");

    /// <summary>Writes the sparse feature vector of <paramref name="text"/> into <paramref name="dst"/> (sorted indices).</summary>
    internal void Featurize(ReadOnlySpan<char> text, ref VBuffer<float> dst)
    {
        int n = Featurizer.Transform(text, out var idx, out var val);
        var editor = VBufferEditor.Create(ref dst, Featurizer.Dimension, n, keepOldOnResize: false, requireIndicesOnDense: false);
        idx.CopyTo(editor.Indices);
        val.CopyTo(editor.Values);
        if (n < Featurizer.Dimension)
        {
            // VBuffer wants ascending indices
            var keys = editor.Indices.Slice(0, n);
            keys.Sort(editor.Values.Slice(0, n));
        }
        else
        {
            // every feature present: dense, in index order
            var dense = new float[n];
            for (int i = 0; i < n; i++) dense[idx[i]] = val[i];
            dense.CopyTo(editor.Values);
        }
        dst = editor.Commit();
    }

    internal static DataViewSchema.Column TextColumn(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name) ?? throw new ArgumentException($"no column '{name}' in the input (columns: {string.Join(", ", schema.Select(c => c.Name))})");
        if (column.Type is not TextDataViewType) throw new ArgumentException($"column '{name}' must be text, not {column.Type}");
        return column;
    }
}
