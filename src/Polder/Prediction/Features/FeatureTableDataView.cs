using Microsoft.ML;
using Microsoft.ML.Data;

namespace Polder.Prediction.Features;

/// <summary>
/// A <see cref="FeatureTable"/> as an ML.NET <see cref="IDataView"/>: one text column per key column, a <c>Features</c>
/// vector of floats with the feature names as slot names, and an optional boolean <c>Label</c>. A hand-written view
/// (rather than <c>LoadFromEnumerable</c>) because the key columns vary by table. Reads the table without copying it;
/// cursors are independent, so several may run at once.
/// </summary>
internal sealed class FeatureTableDataView : IDataView
{
    private readonly FeatureTable _table;
    private readonly bool[]? _labels;
    private readonly int _featuresColumn;

    public FeatureTableDataView(FeatureTable table, bool[]? labels)
    {
        if (labels is not null && labels.Length != table.RowCount) throw new ArgumentException("one label per row", nameof(labels));
        _table = table;
        _labels = labels;
        var b = new DataViewSchema.Builder();
        foreach (var k in table.KeyNames) b.AddColumn(k, TextDataViewType.Instance);
        int d = table.FeatureCount;
        var slots = new DataViewSchema.Annotations.Builder();
        var names = table.Names.Select(n => n.AsMemory()).ToArray();
        slots.Add<VBuffer<ReadOnlyMemory<char>>>("SlotNames", new VectorDataViewType(TextDataViewType.Instance, d),
            (ref VBuffer<ReadOnlyMemory<char>> dst) => dst = new VBuffer<ReadOnlyMemory<char>>(d, (ReadOnlyMemory<char>[])names.Clone()));
        _featuresColumn = table.KeyNames.Count;
        b.AddColumn(PredictionDataView.FeaturesColumn, new VectorDataViewType(NumberDataViewType.Single, d), slots.ToAnnotations());
        if (labels is not null) b.AddColumn(PredictionDataView.LabelColumn, BooleanDataViewType.Instance);
        Schema = b.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _table.RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(FeatureTableDataView view, HashSet<int> active) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;
        public override long Position => _position;
        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override bool MoveNext()
        {
            if (_position + 1 >= view._table.RowCount) { _position = view._table.RowCount; return false; }
            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column)) throw new InvalidOperationException($"column '{column.Name}' is not active");
            var table = view._table;
            int index = column.Index;
            Delegate getter;
            if (index < view._featuresColumn)
                getter = (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> v) => v = table.KeyAt((int)_position, index).AsMemory());
            else if (index == view._featuresColumn)
                getter = (ValueGetter<VBuffer<float>>)((ref VBuffer<float> v) =>
                {
                    // copy into the caller's buffer: ML.NET may keep or edit the values it is given
                    var editor = VBufferEditor.Create(ref v, table.FeatureCount);
                    table.Row((int)_position).CopyTo(editor.Values);
                    v = editor.Commit();
                });
            else
                getter = (ValueGetter<bool>)((ref bool v) => v = view._labels![(int)_position]);
            return getter as ValueGetter<TValue> ?? throw new InvalidOperationException($"column '{column.Name}' is not of type {typeof(TValue).Name}");
        }
    }
}
