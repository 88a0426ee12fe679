namespace Polder.Prediction.Features;

/// <summary>
/// A table of named features: one row per entity (an actor, a group in a time window …) with text key columns that say
/// which entity a row is, and a dense float vector of features in <see cref="Names"/> order. Missing values are
/// <see cref="float.NaN"/>. Built by <see cref="ActorFeatureTable"/> and <see cref="GroupWindowFeatureTable"/>; turn it
/// into an ML.NET <c>IDataView</c> with <see cref="PredictionDataView.FromTable"/>. Immutable and thread-safe.
/// </summary>
public sealed class FeatureTable
{
    private readonly float[] _values;
    private readonly string[][] _keys;
    private readonly Dictionary<string, int> _featureIndex;
    private readonly Dictionary<string, int> _keyIndex;

    /// <summary>Creates a table; the arrays are owned by the table afterwards.</summary>
    /// <param name="keyNames">Names of the text key columns.</param>
    /// <param name="keys">Per row, one value per key column (empty string when unknown).</param>
    /// <param name="names">Feature names, in vector order.</param>
    /// <param name="values">Row-major features, <paramref name="names"/>.Count per row.</param>
    internal FeatureTable(IReadOnlyList<string> keyNames, string[][] keys, IReadOnlyList<string> names, float[] values)
    {
        if (names.Count == 0 || values.Length != keys.Length * names.Count)
            throw new ArgumentException("values must hold names.Count features per key row", nameof(values));
        KeyNames = keyNames.ToArray();
        Names = names.ToArray();
        _keys = keys;
        _values = values;
        _featureIndex = Index(Names);
        _keyIndex = Index(KeyNames);
        foreach (var row in keys)
            if (row.Length != KeyNames.Count) throw new ArgumentException("one value per key column in every row", nameof(keys));
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> names)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
            if (!d.TryAdd(names[i], i)) throw new ArgumentException($"duplicate column name '{names[i]}'");
        return d;
    }

    /// <summary>Names of the text key columns (e.g. <c>ActorId</c>, <c>Province</c>).</summary>
    public IReadOnlyList<string> KeyNames { get; }

    /// <summary>Feature names, in vector order (the slot names of the ML.NET <c>Features</c> column).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => _keys.Length;

    /// <summary>Number of features per row.</summary>
    public int FeatureCount => Names.Count;

    /// <summary>The features of row <paramref name="row"/>, in <see cref="Names"/> order.</summary>
    public ReadOnlySpan<float> Row(int row) => _values.AsSpan(checked(row * Names.Count), Names.Count);

    /// <summary>The feature <paramref name="name"/> of row <paramref name="row"/>; throws <see cref="KeyNotFoundException"/> for an unknown name.</summary>
    public float this[int row, string name] => Row(row)[FeatureIndex(name)];

    /// <summary>The key column <paramref name="keyName"/> of row <paramref name="row"/> ("" when unknown).</summary>
    public string Key(int row, string keyName) =>
        _keys[row][_keyIndex.TryGetValue(keyName, out int k) ? k : throw new KeyNotFoundException($"no key column '{keyName}'")];

    /// <summary>The position of a feature in the vector.</summary>
    public int FeatureIndex(string name) => _featureIndex.TryGetValue(name, out int i) ? i : throw new KeyNotFoundException($"no feature '{name}'");

    /// <summary>True when the table has a feature of that name.</summary>
    public bool HasFeature(string name) => _featureIndex.ContainsKey(name);

    /// <summary>One feature over all rows (a copy).</summary>
    public float[] Column(string name)
    {
        int f = FeatureIndex(name), d = Names.Count;
        var result = new float[RowCount];
        for (int r = 0; r < result.Length; r++) result[r] = _values[r * d + f];
        return result;
    }

    /// <summary>One key column over all rows (a copy).</summary>
    public string[] KeyColumn(string keyName)
    {
        int k = _keyIndex.TryGetValue(keyName, out int i) ? i : throw new KeyNotFoundException($"no key column '{keyName}'");
        return _keys.Select(r => r[k]).ToArray();
    }

    /// <summary>The first row whose key column <paramref name="keyName"/> equals <paramref name="value"/>, or −1.</summary>
    public int FindRow(string keyName, string value)
    {
        int k = _keyIndex.TryGetValue(keyName, out int i) ? i : throw new KeyNotFoundException($"no key column '{keyName}'");
        for (int r = 0; r < _keys.Length; r++) if (string.Equals(_keys[r][k], value, StringComparison.Ordinal)) return r;
        return -1;
    }

    /// <summary>All features, row-major (a copy), as <see cref="PredictionDataView.Create"/> takes them.</summary>
    public float[] ToMatrix() => (float[])_values.Clone();

    internal string KeyAt(int row, int key) => _keys[row][key];
    internal ReadOnlyMemory<float> RowMemory(int row) => _values.AsMemory(row * Names.Count, Names.Count);
}
