using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Polder.Places;

/// <summary>
/// Finds mentions of Dutch municipalities and places (woonplaatsen) in text and links them to municipality,
/// province and size class. Built on embedded tables derived from the 2014 government almanac of municipalities
/// (open data) and the 2020 Wikipedia list of Dutch places (CC BY-SA 4.0, attribution in
/// <c>places-2020.tsv</c>). Handles names that are also words (<c>Best</c>, <c>Lent</c>: only after a location
/// cue such as "in" or "gemeente"), capitals at the start of a sentence, multi-word and apostrophe names
/// (<c>'s-Gravenhage</c> = Den Haag) and names shared by several municipalities. Immutable and thread-safe.
/// </summary>
public sealed partial class PlaceFinder
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    { "s", "t", "de", "den", "der", "het", "op", "aan", "en", "ter", "ten", "te", "bij", "in", "van", "over", "onder", "c", "a", "st" };

    private readonly Dictionary<string, List<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ambiguous = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cues = new(StringComparer.Ordinal);
    private readonly List<Municipality> _municipalities = [];
    private readonly int _maxWords;

    private sealed record Entry(string Name, PlaceKind Kind, Municipality Municipality);

    /// <summary>The finder with the embedded tables and default options.</summary>
    public static PlaceFinder Default => LazyDefault.Value;

    private static readonly Lazy<PlaceFinder> LazyDefault = new(() => new PlaceFinder());

    /// <summary>Creates a finder over the embedded tables plus the additions in <paramref name="options"/>.</summary>
    public PlaceFinder(PlaceFinderOptions? options = null)
    {
        Options = options ?? PlaceFinderOptions.Default;
        var byNameProvince = new Dictionary<(string, string), Municipality>();
        var byName = new Dictionary<string, List<Municipality>>(StringComparer.Ordinal);
        void Index(string key, Municipality m)
        {
            if (!byName.TryGetValue(key, out var l)) byName[key] = l = [];
            if (!l.Contains(m)) l.Add(m);
        }
        foreach (var f in ReadTable("municipalities-2014.tsv"))
        {
            var m = new Municipality(f[0], f[1], int.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : null);
            _municipalities.Add(m);
            Add(m.Name, PlaceKind.Municipality, m);
            var shortName = ShortName(m.Name);
            if (shortName != m.Name) Add(shortName, PlaceKind.Municipality, m);
            byNameProvince[(Key(shortName), m.Province)] = m;
            Index(Key(shortName), m);
            Index(Key(m.Name), m);
        }
        foreach (var f in ReadTable("place-aliases.tsv"))
            foreach (var m in byName.GetValueOrDefault(Key(f[1])) ?? [])
                Add(f[0], PlaceKind.Municipality, m);
        Municipality Resolve(string municipality, string province)
        {
            var k = Key(municipality);
            if (byNameProvince.TryGetValue((k, province), out var m)) return m;
            if (byName.TryGetValue(k, out var l) && l.Count == 1) return l[0];
            // a municipality formed after 2014 (e.g. Het Hogeland): known by name and province only
            m = new Municipality(municipality, province, null);
            byNameProvince[(k, province)] = m;
            _municipalities.Add(m);
            Add(municipality, PlaceKind.Municipality, m);
            return m;
        }
        var excluded = ReadTable("excluded-place-names.txt").Select(f => Key(f[0])).ToHashSet(StringComparer.Ordinal);
        foreach (var f in ReadTable("places-2020.tsv"))
            if (!excluded.Contains(Key(f[0]))) Add(f[0], PlaceKind.Place, Resolve(f[1], f[2]));
        foreach (var (name, (mun, prov)) in Options.ExtraPlaces) Add(name, PlaceKind.Place, Resolve(mun, prov));
        foreach (var f in ReadTable("ambiguous-place-names.txt")) _ambiguous.Add(Key(f[0]));
        foreach (var a in Options.ExtraAmbiguousNames) _ambiguous.Add(Key(a));
        foreach (var f in ReadTable("location-cues.txt")) _cues.Add(Key(f[0]));
        foreach (var c in Options.ExtraCues) _cues.Add(Key(c));
        _maxWords = _entries.Keys.Max(k => k.Count(ch => ch == ' ') + 1);
    }

    /// <summary>The settings.</summary>
    public PlaceFinderOptions Options { get; }

    /// <summary>All municipalities known (2014 almanac, plus 2020 municipalities named by the places table).</summary>
    public IReadOnlyList<Municipality> Municipalities => _municipalities;

    /// <summary>The size class of <paramref name="municipality"/> under <see cref="PlaceFinderOptions.SizeClasses"/>.</summary>
    public MunicipalitySizeClass SizeClassOf(Municipality municipality) => Options.SizeClasses.Classify(municipality.Population);

    /// <summary>Looks a name up directly (no context rules): the municipality it most likely means, or null.</summary>
    public Municipality? MunicipalityOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _entries.TryGetValue(Key(name), out var l) ? Choose(l, name).Municipality : null;
    }

    /// <summary>The place mentions in <paramref name="text"/>, left to right, longest names first.</summary>
    public IReadOnlyList<PlaceMention> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<(int Start, int End, string Folded)>();
        for (int i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int s = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark)) i++;
            words.Add((s, i, Fold(text.AsSpan(s, i - s))));
        }
        var result = new List<PlaceMention>();
        var key = new StringBuilder();
        for (int i = 0; i < words.Count;)
        {
            int matched = 0;
            for (int n = Math.Min(_maxWords, words.Count - i); n >= 1 && matched == 0; n--)
            {
                if (!Contiguous(text, words, i, n)) continue;
                key.Clear();
                for (int j = 0; j < n; j++) { if (j > 0) key.Append(' '); key.Append(words[i + j].Folded); }
                var k = key.ToString();
                if (!_entries.TryGetValue(k, out var entries)) continue;
                if (Options.RequireCapital && !HeadCapitalised(text, words, i, n)) continue;
                if (_ambiguous.Contains(k) && !CuedBefore(text, words, i)) continue;
                int start = words[i].Start, end = words[i + n - 1].End;
                // "'s-Gravenhage": the apostrophe belongs to the name; "Hengelo Ov.", "Bergen (L)": so does the tail
                if (words[i].Folded is "s" or "t" && start > 0 && text[start - 1] is '\'' or '’') start--;
                var choice = Choose(entries, text[start..end]);
                var tail = TrailingPunctuation(choice.Name);
                if (tail.Length > 0 && string.CompareOrdinal(text, end, tail, 0, tail.Length) == 0) end += tail.Length;
                var alternatives = entries.Select(e => e.Municipality).Distinct().Where(m => m != choice.Municipality).ToArray();
                result.Add(new PlaceMention(start, end - start, text[start..end], choice.Name, choice.Kind, choice.Municipality,
                    SizeClassOf(choice.Municipality), alternatives));
                matched = n;
            }
            i += Math.Max(1, matched);
        }
        return result;
    }

    // Municipality names first; then a place in the municipality of the same name; then the most populous.
    private static Entry Choose(List<Entry> entries, string written) =>
        entries.OrderBy(e => e.Kind == PlaceKind.Municipality ? 0 : 1)
            .ThenBy(e => e.Name == written ? 0 : 1)
            .ThenBy(e => Key(ShortName(e.Municipality.Name)) == Key(e.Name) ? 0 : 1)
            .ThenByDescending(e => e.Municipality.Population ?? 0)
            .ThenBy(e => e.Municipality.Name, StringComparer.Ordinal)
            .First();

    // Words i..i+n-1 are one name only when separated by spaces, hyphens, apostrophes, periods, commas or brackets on one line.
    private static bool Contiguous(string text, List<(int Start, int End, string Folded)> words, int i, int n)
    {
        for (int j = i + 1; j < i + n; j++)
        {
            int gap = words[j].Start - words[j - 1].End;
            if (gap > 3) return false;
            for (int p = words[j - 1].End; p < words[j].Start; p++)
                if (text[p] is not (' ' or '-' or '\'' or '’' or '.' or ',' or '(' or '\u00A0')) return false;
        }
        return true;
    }

    private static bool HeadCapitalised(string text, List<(int Start, int End, string Folded)> words, int i, int n)
    {
        for (int j = i; j < i + n; j++)
            if (!Particles.Contains(words[j].Folded) || j == i + n - 1)
                return char.IsUpper(text[words[j].Start]) || char.IsDigit(text[words[j].Start]);
        return false;
    }

    // A location cue ("in", "uit", "gemeente" …) right before the name, in the same sentence.
    private bool CuedBefore(string text, List<(int Start, int End, string Folded)> words, int i)
    {
        if (i == 0) return false;
        for (int p = words[i - 1].End; p < words[i].Start; p++)
            if (text[p] is '.' or '!' or '?' or ';' or ':' or '\n') return false;
        return _cues.Contains(words[i - 1].Folded);
    }

    private void Add(string name, PlaceKind kind, Municipality m)
    {
        var k = Key(name);
        if (k.Length == 0) return;
        if (!_entries.TryGetValue(k, out var l)) _entries[k] = l = [];
        var e = new Entry(name, kind, m);
        if (!l.Contains(e)) l.Add(e);
    }

    private static string TrailingPunctuation(string name)
    {
        int e = name.Length;
        while (e > 0 && name[e - 1] is '.' or ')') e--;
        return name[e..];
    }

    /// <summary>"Bergen (L)" → "Bergen", "Hengelo Ov." → "Hengelo", "Bergen NH" → "Bergen".</summary>
    internal static string ShortName(string name) => SuffixPattern().Replace(name, "");

    [GeneratedRegex(@"\s+(\([A-Za-z.]{1,4}\)|[A-Z][A-Za-z]{0,2}\.?)$")]
    private static partial Regex SuffixPattern();

    /// <summary>The lookup key: folded lower-case words joined by single spaces.</summary>
    internal static string Key(string name)
    {
        var sb = new StringBuilder(name.Length);
        for (int i = 0; i < name.Length;)
        {
            if (!char.IsLetterOrDigit(name[i])) { i++; continue; }
            int s = i;
            while (i < name.Length && char.IsLetterOrDigit(name[i])) i++;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(Fold(name.AsSpan(s, i - s)));
        }
        return sb.ToString();
    }

    private static string Fold(ReadOnlySpan<char> word)
    {
        bool ascii = true;
        foreach (var c in word) if (c > 127) { ascii = false; break; }
        if (ascii) return word.ToString().ToLowerInvariant();
        var d = word.ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var c in d) if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static IEnumerable<string[]> ReadTable(string resource)
    {
        using var s = typeof(PlaceFinder).Assembly.GetManifestResourceStream("Polder.Places." + resource)
            ?? throw new InvalidOperationException($"embedded resource Polder.Places.{resource} is missing");
        using var r = new StreamReader(s, Encoding.UTF8);
        string? line;
        var rows = new List<string[]>();
        while ((line = r.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            rows.Add(line.Split('\t'));
        }
        return rows;
    }
}
