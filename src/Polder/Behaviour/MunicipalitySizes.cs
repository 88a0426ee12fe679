using System.Globalization;
using System.Text;
using Polder.Community.Reading;

namespace Polder.Behaviour;

/// <summary>
/// Municipality populations and size classes. The default boundaries (50,000 and 100,000 inhabitants) give the classes
/// of the webcare studies: small (&lt; 50,000), medium (50,000–99,999) and large (100,000 or more). Immutable.
/// </summary>
public sealed class MunicipalitySizes
{
    private readonly Dictionary<string, int> _population;

    /// <summary>Creates the table from name → population, with class boundaries and labels.</summary>
    /// <param name="population">Inhabitants per municipality name (matched case-insensitively, "Gemeente " prefix ignored).</param>
    /// <param name="boundaries">Ascending lower bounds of the classes after the first (default 50,000 and 100,000).</param>
    /// <param name="labels">One label per class (boundaries + 1); default small, medium, large.</param>
    public MunicipalitySizes(IReadOnlyDictionary<string, int> population, IReadOnlyList<int>? boundaries = null, IReadOnlyList<string>? labels = null)
    {
        Boundaries = boundaries ?? [50_000, 100_000];
        for (int i = 1; i < Boundaries.Count; i++)
            if (Boundaries[i] <= Boundaries[i - 1]) throw new ArgumentException("boundaries must ascend", nameof(boundaries));
        Labels = labels ?? (Boundaries.Count == 2 ? ["small", "medium", "large"] : Enumerable.Range(0, Boundaries.Count + 1).Select(i => "class" + (i + 1)).ToArray());
        if (Labels.Count != Boundaries.Count + 1) throw new ArgumentException("need one label more than boundaries", nameof(labels));
        _population = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var kv in population) _population[Normalise(kv.Key)] = kv.Value;
    }

    /// <summary>Ascending class boundaries (a population equal to a boundary belongs to the higher class).</summary>
    public IReadOnlyList<int> Boundaries { get; }

    /// <summary>Class labels, smallest first.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Number of names known (official names and short aliases).</summary>
    public int Count => _population.Count;

    private static string Normalise(string name)
    {
        name = name.Trim();
        return name.StartsWith("Gemeente ", StringComparison.OrdinalIgnoreCase) ? name[9..].Trim() : name;
    }

    /// <summary>Population of a municipality, or null.</summary>
    public int? PopulationOf(string municipality) => _population.TryGetValue(Normalise(municipality), out var p) ? p : null;

    /// <summary>The class label for a population.</summary>
    public string ClassOf(int population)
    {
        int c = 0;
        while (c < Boundaries.Count && population >= Boundaries[c]) c++;
        return Labels[c];
    }

    /// <summary>The class label of a municipality, or null when its population is unknown.</summary>
    public string? ClassOfMunicipality(string municipality) => PopulationOf(municipality) is { } p ? ClassOf(p) : null;

    /// <summary>
    /// Loads the Dutch government almanac export (<c>almanak-gemeenten-2014.csv</c>: columns <c>gemeente.afkorting</c>
    /// (name) and <c>gemeente.aantalInwoners</c>).
    /// </summary>
    public static MunicipalitySizes LoadAlmanak(string path, IReadOnlyList<int>? boundaries = null, IReadOnlyList<string>? labels = null)
    {
        using var stream = File.OpenRead(path);
        return LoadAlmanak(stream, boundaries, labels);
    }

    /// <summary>Loads the almanac export from a stream.</summary>
    public static MunicipalitySizes LoadAlmanak(Stream stream, IReadOnlyList<int>? boundaries = null, IReadOnlyList<string>? labels = null)
    {
        var split = new CsvRecordSplitter(stream, (byte)',', '"', 1 << 20, 1 << 20);
        if (!split.Next()) throw new InvalidDataException("empty almanac file");
        var header = Enumerable.Range(0, split.FieldCount).Select(i => Encoding.UTF8.GetString(split.Field(i)).Trim().TrimStart('\uFEFF')).ToList();
        int name = header.IndexOf("gemeente.afkorting"), full = header.IndexOf("gemeente.naam"), pop = header.IndexOf("gemeente.aantalInwoners");
        if (name < 0 || full < 0 || pop < 0) throw new InvalidDataException("almanac file needs columns gemeente.naam, gemeente.afkorting and gemeente.aantalInwoners");
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (split.Next())
        {
            if (split.Error is not null || split.FieldCount != header.Count) continue;
            var n = Encoding.UTF8.GetString(split.Field(name)).Trim();
            var f = Encoding.UTF8.GetString(split.Field(full)).Trim();
            if (!int.TryParse(Encoding.UTF8.GetString(split.Field(pop)), NumberStyles.Integer, CultureInfo.InvariantCulture, out int p)) continue;
            // the official name ("Gemeente Peel en Maas", "Stadsdeel Noord") is unique; the short name is an alias when unambiguous
            d[f] = p;
            if (n.Length > 0 && !d.ContainsKey(n)) d[n] = p;
        }
        return new MunicipalitySizes(d, boundaries, labels);
    }
}
