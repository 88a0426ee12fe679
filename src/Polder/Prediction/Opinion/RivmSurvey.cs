using System.Globalization;
using Polder.Data;

namespace Polder.Prediction.Opinion;

/// <summary>
/// The RIVM behaviour survey file (<c>COVID-19_gedrag</c>: support, compliance, … per group × region × wave) read into a
/// <see cref="GroupSeriesTable"/>, with every data row accounted for: used as a value, or counted in
/// <see cref="LeftOut"/> with its reason. Immutable.
/// </summary>
public sealed class RivmSurvey
{
    /// <summary>Most waves a file may have (a wave number above this is an error, not an allocation).</summary>
    public const int MaxWave = 1000;

    private static readonly string[] Required = ["Wave", "Region_code", "Subgroup_category", "Subgroup", "Indicator_category", "Indicator", "Value"];

    private RivmSurvey(GroupSeriesTable table, int rows, int values, IReadOnlyDictionary<string, int> leftOut)
    {
        Table = table; Rows = rows; Values = values; LeftOut = leftOut;
    }

    /// <summary>The series (wave number n at index n − 1; waves a file does not have are missing values).</summary>
    public GroupSeriesTable Table { get; }

    /// <summary>Data rows read (after the header): <see cref="Values"/> plus every row counted in <see cref="LeftOut"/>.</summary>
    public int Rows { get; }

    /// <summary>Rows whose value entered a series.</summary>
    public int Values { get; }

    /// <summary>Rows not used, counted by reason (no value: the indicator was not measured that wave; a figure type other than a percentage).</summary>
    public IReadOnlyDictionary<string, int> LeftOut { get; }

    /// <summary>Reads the file at <paramref name="path"/>; errors name it.</summary>
    /// <exception cref="InvalidDataException">A malformed file, naming the file, line and field.</exception>
    public static RivmSurvey Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>
    /// Reads the survey from <paramref name="stream"/> (left open): a header row naming at least Wave, Region_code,
    /// Subgroup_category, Subgroup, Indicator_category, Indicator and Value (Sample_size and Figure_type are used when
    /// present, other columns are ignored), fields separated by <c>;</c> (as RIVM publishes it) or <c>,</c>.
    /// </summary>
    /// <param name="stream">The file's bytes (UTF-8, or the encoding its byte order mark names).</param>
    /// <param name="source">Names the input in errors.</param>
    /// <exception cref="InvalidDataException">A malformed file, naming <paramref name="source"/>, the line and the field.</exception>
    public static RivmSurvey Read(Stream stream, string source = "<input>")
    {
        using var csv = WaveCsv.Open(stream, source, "Wave", out char separator);
        var col = csv.ReadHeader(Required);
        int cN = col.GetValueOrDefault("Sample_size", -1), cType = col.GetValueOrDefault("Figure_type", -1);

        var values = new Dictionary<(GroupSeriesKey Key, int Wave), (double Value, int N, long Line)>();
        var leftOut = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int rows = 0, maxWave = 0;
        string[]? rec;
        while ((rec = csv.Read()) is not null)
        {
            rows++;
            long line = csv.LineNumber;
            string Field(string name) => rec[col[name]].Trim();
            InvalidDataException Bad(string name, string why) => new($"{source}:{line}: field {name}: '{rec[col[name]]}' {why}");

            if (!int.TryParse(Field("Wave"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int wave)) throw Bad("Wave", "is not a whole number");
            if (wave < 1 || wave > MaxWave) throw Bad("Wave", $"is outside 1..{MaxWave}");
            if (cType >= 0 && rec[cType].Trim() is { Length: > 0 } type && !type.Equals("Percentage", StringComparison.OrdinalIgnoreCase))
            {
                Count(leftOut, $"figure type '{type}' is not a percentage");
                continue;
            }
            string raw = Field("Value");
            if (raw.Length == 0) { Count(leftOut, "no value (not measured in that wave)"); continue; }
            if (!WaveCsv.TryParseNumber(raw, separator, out double value)) throw Bad("Value", "is not a number");
            if (value < 0 || value > 100) throw Bad("Value", "is not a percentage (0..100)");
            int n = 0;
            if (cN >= 0 && rec[cN].Trim() is { Length: > 0 } ns && !int.TryParse(ns, NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
                throw Bad("Sample_size", "is not a whole number");
            if (n < 0) throw Bad("Sample_size", "is negative");
            foreach (var name in Required.AsSpan(1, 5))
                if (Field(name).Length == 0) throw Bad(name, "is empty");
            var key = new GroupSeriesKey(Field("Region_code"), Field("Subgroup_category"), Field("Subgroup"), Field("Indicator_category"), Field("Indicator"));
            if (values.TryGetValue((key, wave), out var earlier))
                throw new InvalidDataException($"{source}:{line}: {key} has a second value for wave {wave} (the first is on line {earlier.Line})");
            values[(key, wave)] = (value, n, line);
            maxWave = Math.Max(maxWave, wave);
        }

        var series = new Dictionary<GroupSeriesKey, (double[] V, int[] N)>();
        foreach (var ((key, wave), (value, n, _)) in values)
        {
            if (!series.TryGetValue(key, out var s))
                series[key] = s = (Enumerable.Repeat(double.NaN, maxWave).ToArray(), new int[maxWave]);
            s.V[wave - 1] = value;
            s.N[wave - 1] = n;
        }
        var table = new GroupSeriesTable(series.Select(kv => new GroupSeries(kv.Key, kv.Value.V, kv.Value.N)), maxWave);
        return new RivmSurvey(table, rows, values.Count, leftOut);
    }

    private static void Count(SortedDictionary<string, int> leftOut, string reason) => leftOut[reason] = leftOut.GetValueOrDefault(reason) + 1;
}
