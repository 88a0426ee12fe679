namespace Polder.Prediction.Opinion;

/// <summary>
/// A set of group indicator series over a common grid of waves (windows), e.g. the RIVM behaviour survey.
/// Immutable once built.
/// </summary>
public sealed class GroupSeriesTable
{
    private readonly Dictionary<GroupSeriesKey, GroupSeries> _byKey;

    /// <summary>Creates a table from series that all have <paramref name="waveCount"/> waves.</summary>
    /// <param name="series">The series.</param>
    /// <param name="waveCount">Waves of every series.</param>
    /// <param name="covariates">Related series per wave (see <see cref="OpinionCovariates"/>); null: none.</param>
    public GroupSeriesTable(IEnumerable<GroupSeries> series, int waveCount, OpinionCovariates? covariates = null)
    {
        Series = series.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal).ToArray();
        WaveCount = waveCount;
        Covariates = covariates;
        _byKey = Series.ToDictionary(s => s.Key);
    }

    /// <summary>Related series per wave that a forecaster may use (null: none).</summary>
    public OpinionCovariates? Covariates { get; }

    /// <summary>The same series with <paramref name="covariates"/> (null removes them).</summary>
    public GroupSeriesTable WithCovariates(OpinionCovariates? covariates) => new(Series, WaveCount, covariates);

    /// <summary>All series, in a stable (ordinal key) order.</summary>
    public IReadOnlyList<GroupSeries> Series { get; }

    /// <summary>Number of waves.</summary>
    public int WaveCount { get; }

    /// <summary>The series with <paramref name="key"/>, or null.</summary>
    public GroupSeries? Find(GroupSeriesKey key) => _byKey.GetValueOrDefault(key);

    /// <summary>A table with only the series for which <paramref name="keep"/> holds.</summary>
    public GroupSeriesTable Where(Func<GroupSeriesKey, bool> keep) => new(Series.Where(s => keep(s.Key)), WaveCount, Covariates);

    /// <summary>Wave indices (0-based) at which at least one series has a value, ascending.</summary>
    public IReadOnlyList<int> MeasuredWaves => [.. Enumerable.Range(0, WaveCount).Where(w => Series.Any(s => s.Has(w)))];

    /// <summary>Reads the RIVM behaviour survey CSV; see <see cref="RivmSurvey.Read(Stream, string)"/>, which also accounts for every row.</summary>
    /// <param name="stream">The file; left open.</param>
    /// <exception cref="InvalidDataException">A malformed file, naming the line and the field.</exception>
    public static GroupSeriesTable ReadRivm(Stream stream) => RivmSurvey.Read(stream).Table;
}
