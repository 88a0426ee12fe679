using Microsoft.ML;
using Microsoft.ML.Data;
using Polder.Prediction.Engagement;
using Polder.Prediction.Retention;

namespace Polder.Prediction.Features;

/// <summary>
/// Bridges Polder's prediction features to ML.NET: turns a feature matrix (row-major, as built by
/// <see cref="EngagementFeatures.Build(IReadOnlyList{EngagementPost}, long, ActorTableColumns?)"/>) into an <see cref="IDataView"/> with a <c>Features</c> vector column
/// (slot names = feature names) and an optional boolean <c>Label</c>, so users can train their own ML.NET pipelines
/// (e.g. FastTree, LightGBM) on the same features.
/// </summary>
public static class PredictionDataView
{
    /// <summary>Name of the feature vector column.</summary>
    public const string FeaturesColumn = "Features";

    /// <summary>Name of the boolean label column.</summary>
    public const string LabelColumn = "Label";

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    /// <summary>Creates the data view. The rows are copied lazily by ML.NET from the given arrays.</summary>
    /// <param name="context">The ML.NET context.</param>
    /// <param name="features">Row-major features, <paramref name="names"/>.Count per row.</param>
    /// <param name="names">Feature names, in vector order.</param>
    /// <param name="labels">Optional labels, one per row (false when null).</param>
    public static IDataView Create(MLContext context, float[] features, IReadOnlyList<string> names, bool[]? labels = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        int d = names.Count;
        if (d == 0 || features.Length % d != 0) throw new ArgumentException("features must hold names.Count values per row", nameof(features));
        int n = features.Length / d;
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        var slotNames = new VBuffer<ReadOnlyMemory<char>>(d, names.Select(s => s.AsMemory()).ToArray());
        schema[nameof(Row.Features)].AddAnnotation("SlotNames", slotNames, new VectorDataViewType(TextDataViewType.Instance, d));
        var rows = Enumerable.Range(0, n).Select(i => new Row { Features = features.AsSpan(i * d, d).ToArray(), Label = labels?[i] ?? false });
        return context.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>The engagement features of <paramref name="posts"/> with their reply-within-window labels as a data view.</summary>
    public static IDataView Engagement(MLContext context, IReadOnlyList<EngagementPost> posts, long window = 86400) =>
        Create(context, EngagementFeatures.Build(posts, window), EngagementFeatures.Names, EngagementFeatures.Labels(posts, window));

    /// <summary>
    /// A feature table (<see cref="ActorFeatureTable"/>, <see cref="GroupWindowFeatureTable"/>) as a data view: its key
    /// columns as text columns (e.g. <c>ActorId</c>), a <c>Features</c> vector with the feature names as slot names, and,
    /// when <paramref name="labels"/> is given, a boolean <c>Label</c> (one per row). Missing features are NaN: add
    /// <c>ReplaceMissingValues</c> before trainers that do not accept NaN (linear ones); tree trainers take them as they are.
    /// </summary>
    public static IDataView FromTable(FeatureTable table, bool[]? labels = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new FeatureTableDataView(table, labels);
    }
}
