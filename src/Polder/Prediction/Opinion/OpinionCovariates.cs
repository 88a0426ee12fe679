using System.Globalization;
using Polder.Data;

namespace Polder.Prediction.Opinion;

/// <summary>
/// Related series for the group-opinion forecaster: named numbers per wave (infections, hospital admissions, a
/// stringency index, a social-media sentiment share …), each value being what was known just before that wave's
/// fieldwork — the caller aligns them, because only the caller knows when each source is published. The forecaster uses
/// their change since the previous wave as extra predictors of the national change. Immutable.
/// </summary>
public sealed class OpinionCovariates
{
    private readonly Dictionary<string, double[]> _values;

    /// <summary>Creates covariates from series indexed by wave index (wave 1 at index 0; NaN where unknown).</summary>
    public OpinionCovariates(IReadOnlyDictionary<string, double[]> series)
    {
        _values = series.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        Names = [.. _values.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The covariates' names, sorted ordinally.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The value of <paramref name="name"/> at wave index <paramref name="wave"/> (NaN when unknown or out of range).</summary>
    public double ValueAt(string name, int wave) =>
        _values.TryGetValue(name, out var v) && wave >= 0 && wave < v.Length ? v[wave] : double.NaN;

    /// <summary>True when the covariates contain <paramref name="name"/>.</summary>
    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>
    /// Reads a CSV (<c>;</c> or <c>,</c> separated) with a header naming Wave, Covariate and Value, one row per (wave,
    /// covariate). Every row is used; a malformed row or a second value for the same wave and covariate is an error
    /// naming the file, line and field.
    /// </summary>
    /// <exception cref="InvalidDataException">A malformed file.</exception>
    public static OpinionCovariates Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var csv = WaveCsv.Open(stream, path, "Wave", out char separator);
        var col = csv.ReadHeader("Wave", "Covariate", "Value");
        int cWave = col["Wave"], cName = col["Covariate"], cValue = col["Value"];
        var rows = new Dictionary<(string Name, int Wave), (double Value, long Line)>();
        string[]? rec;
        while ((rec = csv.Read()) is not null)
        {
            long line = csv.LineNumber;
            InvalidDataException Bad(int col, string field, string why) => new($"{path}:{line}: field {field}: '{rec[col]}' {why}");
            if (!int.TryParse(rec[cWave].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int wave) || wave < 1 || wave > RivmSurvey.MaxWave)
                throw Bad(cWave, "Wave", $"is not a wave number (1..{RivmSurvey.MaxWave})");
            string name = rec[cName].Trim();
            if (name.Length == 0) throw Bad(cName, "Covariate", "is empty");
            if (!WaveCsv.TryParseNumber(rec[cValue], separator, out double value)) throw Bad(cValue, "Value", "is not a number");
            if (rows.TryGetValue((name, wave), out var earlier))
                throw new InvalidDataException($"{path}:{line}: covariate {name} has a second value for wave {wave} (the first is on line {earlier.Line})");
            rows[(name, wave)] = (value, line);
        }
        if (rows.Count == 0) throw new InvalidDataException($"{path}: no covariate values");
        int waves = rows.Keys.Max(k => k.Wave);
        var series = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var ((name, wave), (value, _)) in rows)
        {
            if (!series.TryGetValue(name, out var v)) series[name] = v = Enumerable.Repeat(double.NaN, waves).ToArray();
            v[wave - 1] = value;
        }
        return new OpinionCovariates(series);
    }
}
