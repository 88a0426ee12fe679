using System.Globalization;

namespace Polder.Prediction;

/// <summary>
/// A set of group indicator series over a common grid of waves (windows), e.g. the RIVM behaviour survey.
/// Immutable once built.
/// </summary>
public sealed class GroupSeriesTable
{
    private readonly Dictionary<GroupSeriesKey, GroupSeries> _byKey;

    /// <summary>Creates a table from series that all have <paramref name="waveCount"/> waves.</summary>
    public GroupSeriesTable(IEnumerable<GroupSeries> series, int waveCount)
    {
        Series = series.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal).ToArray();
        WaveCount = waveCount;
        _byKey = Series.ToDictionary(s => s.Key);
    }

    /// <summary>All series, in a stable (ordinal key) order.</summary>
    public IReadOnlyList<GroupSeries> Series { get; }

    /// <summary>Number of waves.</summary>
    public int WaveCount { get; }

    /// <summary>The series with <paramref name="key"/>, or null.</summary>
    public GroupSeries? Find(GroupSeriesKey key) => _byKey.GetValueOrDefault(key);

    /// <summary>A table with only the series for which <paramref name="keep"/> holds.</summary>
    public GroupSeriesTable Where(Func<GroupSeriesKey, bool> keep) => new(Series.Where(s => keep(s.Key)), WaveCount);

    /// <summary>
    /// Reads the RIVM behaviour survey CSV (<c>;</c>-separated, header row, columns Wave, Region_code,
    /// Subgroup_category, Subgroup, Indicator_category, Indicator, Sample_size, Value, …). Rows without a value are missing waves.
    /// </summary>
    /// <param name="stream">The file; left open.</param>
    public static GroupSeriesTable ReadRivm(Stream stream)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        var header = (reader.ReadLine() ?? throw new InvalidDataException("empty file")).Split(';');
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"column {name} missing");
        int cWave = Col("Wave"), cRegion = Col("Region_code"), cCat = Col("Subgroup_category"), cSub = Col("Subgroup"),
            cIcat = Col("Indicator_category"), cInd = Col("Indicator"), cN = Col("Sample_size"), cVal = Col("Value");
        var rows = new List<(GroupSeriesKey key, int wave, double value, int n)>();
        int maxWave = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split(';');
            int wave = int.Parse(f[cWave], CultureInfo.InvariantCulture);
            maxWave = Math.Max(maxWave, wave);
            double v = f[cVal].Length == 0 ? double.NaN : double.Parse(f[cVal], CultureInfo.InvariantCulture);
            int n = int.TryParse(f[cN], NumberStyles.Integer, CultureInfo.InvariantCulture, out var nn) ? nn : 0;
            rows.Add((new GroupSeriesKey(f[cRegion], f[cCat], f[cSub], f[cIcat], f[cInd]), wave, v, n));
        }
        var series = new Dictionary<GroupSeriesKey, (double[] v, int[] n)>();
        foreach (var (key, wave, value, n) in rows)
        {
            if (!series.TryGetValue(key, out var s))
            {
                s = (Enumerable.Repeat(double.NaN, maxWave).ToArray(), new int[maxWave]);
                series[key] = s;
            }
            s.v[wave - 1] = value;
            s.n[wave - 1] = n;
        }
        return new GroupSeriesTable(series.Select(kv => new GroupSeries(kv.Key, kv.Value.v, kv.Value.n)), maxWave);
    }
}
