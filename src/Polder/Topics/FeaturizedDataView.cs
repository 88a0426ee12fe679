using Microsoft.ML;
using Microsoft.ML.Data;

namespace Polder.Topics;

/// <summary>An <see cref="IDataView"/> that passes the input through and appends the features column, computed per row on demand.</summary>
internal sealed class FeaturizedDataView(IDataView input, TextFeaturizerTransformer transformer, DataViewSchema schema) : IDataView
{
    public bool CanShuffle => input.CanShuffle;

    public DataViewSchema Schema => schema;

    public long? GetRowCount() => input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        int inputCount = input.Schema.Count;
        bool output = false;
        var needed = new List<DataViewSchema.Column>();
        foreach (var c in columnsNeeded)
        {
            if (c.Index >= inputCount) output = true;
            else needed.Add(input.Schema[c.Index]);
        }
        var text = TextFeaturizerTransformer.TextColumn(input.Schema, transformer.InputColumnName);
        if (output && !needed.Any(c => c.Index == text.Index)) needed.Add(text);
        return new Cursor(input.GetRowCursor(needed, rand), this, output, text);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(DataViewRowCursor inner, FeaturizedDataView view, bool outputActive, DataViewSchema.Column text) : DataViewRowCursor
    {
        private readonly ValueGetter<ReadOnlyMemory<char>>? _text = outputActive ? inner.GetGetter<ReadOnlyMemory<char>>(text) : null;
        private ReadOnlyMemory<char> _value;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => inner.Position;

        public override long Batch => inner.Batch;

        public override bool MoveNext() => inner.MoveNext();

        public override ValueGetter<DataViewRowId> GetIdGetter() => inner.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) =>
            column.Index < inner.Schema.Count ? inner.IsColumnActive(inner.Schema[column.Index]) : outputActive;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index < inner.Schema.Count) return inner.GetGetter<TValue>(inner.Schema[column.Index]);
            if (!outputActive) throw new InvalidOperationException($"column '{column.Name}' was not requested from the cursor");
            if (typeof(TValue) != typeof(VBuffer<float>)) throw new InvalidOperationException($"column '{column.Name}' is VBuffer<float>, not {typeof(TValue).Name}");
            ValueGetter<VBuffer<float>> getter = (ref VBuffer<float> dst) =>
            {
                _text!(ref _value);
                view.Transformer.Featurize(_value.Span, ref dst);
            };
            return (ValueGetter<TValue>)(Delegate)getter;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private TextFeaturizerTransformer Transformer => transformer;
}
