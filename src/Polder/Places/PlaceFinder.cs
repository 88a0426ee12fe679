using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Polder.Text;

namespace Polder.Places;

/// <summary>
/// Finds mentions of Dutch municipalities and places (woonplaatsen) in text and links them to municipality,
/// province and size class. Built on embedded tables derived from the 2014 government almanac of municipalities
/// (open data) and the 2020 Wikipedia list of Dutch places (CC BY-SA 4.0, attribution in
/// <c>places-2020.tsv</c>). A name in the tables is only a candidate: each candidate is weighed on evidence
/// (how common the name is as an ordinary Dutch word, capitalisation and sentence position, location cues such as
/// "in" or "gemeente", person and organisation context such as "minister Kaag" or "de Partij", foreign places
/// written in Dutch such as Polen, district words such as Centrum that need their municipality) into a
/// <see cref="PlaceMention.Confidence"/>; mentions below <see cref="PlaceFinderOptions.MinConfidence"/> are dropped.
/// Handles multi-word and apostrophe names (<c>'s-Gravenhage</c> = Den Haag) and names shared by several
/// municipalities. Immutable and thread-safe.
/// </summary>
public sealed partial class PlaceFinder
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    { "s", "t", "de", "den", "der", "het", "op", "aan", "en", "ter", "ten", "te", "bij", "in", "van", "over", "onder", "c", "a", "st" };

    private readonly Dictionary<string, List<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ambiguous = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContextKind> _context = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double PerMillion, bool Listed)> _common = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _foreign = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sports = new(StringComparer.Ordinal);
    private readonly HashSet<string> _openers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _provinces = new(StringComparer.Ordinal);
    private readonly List<Municipality> _municipalities = [];
    private readonly int _maxWords;

    private sealed record Entry(string Name, PlaceKind Kind, Municipality Municipality, bool Generic = false);

    private enum ContextKind { PlaceNoun, Preposition, WeakPreposition, Of, Person, Nobility, NotPlace, Institution, OrganisationAfter }

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
        foreach (var f in ReadTable("municipalities-since-2021.tsv")) Resolve(f[0], f[1]);
        // Districts of Amsterdam and Rotterdam: named ones (Charlois) alone, generic ones (Noord) with their municipality
        foreach (var f in ReadTable("districts-2014.tsv"))
        {
            var city = byName[Key(f[1])][0];
            bool generic = f[2] == "generic";
            if (!_entries.ContainsKey(Key(f[0])) || generic) Add(f[0], PlaceKind.District, city, generic);
            foreach (var (alias, target) in ReadTable("place-aliases.tsv").Select(a => (a[0], a[1])).Append((city.Name, city.Name)))
                if (Key(target) == Key(city.Name)) { Add(alias + " " + f[0], PlaceKind.District, city); Add(alias + "-" + f[0], PlaceKind.District, city); }
        }
        foreach (var (name, (mun, prov)) in Options.ExtraPlaces) Add(name, PlaceKind.Place, Resolve(mun, prov));
        foreach (var f in ReadTable("ambiguous-place-names.txt")) _ambiguous.Add(Key(f[0]));
        foreach (var a in Options.ExtraAmbiguousNames) _ambiguous.Add(Key(a));
        foreach (var f in ReadTable("context-words.tsv"))
            _context[Key(f[0])] = f[1] switch
            {
                "placenoun" => ContextKind.PlaceNoun, "preposition" => ContextKind.Preposition, "weakpreposition" => ContextKind.WeakPreposition,
                "of" => ContextKind.Of, "person" => ContextKind.Person, "nobility" => ContextKind.Nobility, "notplace" => ContextKind.NotPlace,
                "institution" => ContextKind.Institution, "organisation" => ContextKind.OrganisationAfter,
                _ => throw new InvalidOperationException("context-words.tsv: unknown kind " + f[1]),
            };
        foreach (var c in Options.ExtraCues) _context[Key(c)] = ContextKind.Preposition;
        foreach (var f in ReadTable("common-words.tsv"))
            _common[f[0]] = (double.Parse(f[1], CultureInfo.InvariantCulture), f[2] == "1");
        foreach (var f in ReadTable("foreign-place-names.tsv")) _foreign[Key(f[0])] = f[1];
        foreach (var f in ReadTable("sports-words.txt")) _sports.Add(Key(f[0]));
        foreach (var f in ReadTable("sentence-openers.txt")) _openers.Add(Key(f[0]));
        foreach (var f in ReadTable("provinces.txt")) _provinces.Add(Key(f[0]));
        _maxWords = _entries.Keys.Max(k => k.Count(ch => ch == ' ') + 1);
        foreach (var k in _entries.Keys)
            for (int sp = k.IndexOf(' '); ; sp = k.IndexOf(' ', sp + 1))
            {
                _namePrefixes.Add(sp < 0 ? k : k[..sp]);
                if (sp < 0) break;
            }
        _prefixLookup = _namePrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _entryLookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // Every key of _entries and each of its leading words ("den" and "den haag"): a run of words that is none of them
    // cannot start a longer name either.
    private readonly HashSet<string> _namePrefixes = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;
    private readonly Dictionary<string, List<Entry>>.AlternateLookup<ReadOnlySpan<char>> _entryLookup;

    [ThreadStatic] private static char[]? t_folded;
    [ThreadStatic] private static int[]? t_wordEnds;

    // True when some run of consecutive words of the text (contiguous or not) is a name in the tables: only then can
    // the full pass find a candidate. Folds the words into one per-thread buffer, joined by single spaces as the keys
    // are, so that a run of words is one span and nothing is allocated.
    private bool AnyName(string text, ReadOnlySpan<TextRange> runs)
    {
        if (runs.Length == 0) return false;
        var buffer = t_folded;
        if (buffer is null || buffer.Length < text.Length + runs.Length) t_folded = buffer = new char[Math.Max(256, 2 * (text.Length + runs.Length))];
        var ends = t_wordEnds;
        if (ends is null || ends.Length < runs.Length) t_wordEnds = ends = new int[Math.Max(64, 2 * runs.Length)];
        int n = 0;
        for (int w = 0; w < runs.Length; w++)
        {
            if (w > 0) buffer[n++] = ' ';
            var word = text.AsSpan(runs[w].Start, runs[w].Length);
            if (!System.Text.Ascii.IsValid(word))
            {
                // non-ASCII: the full fold (diacritics dropped; a decomposition may lengthen the word)
                var f = Fold(word);
                if (buffer.Length < n + f.Length + 1 + text.Length) { Array.Resize(ref buffer, 2 * (n + f.Length + 1 + text.Length)); t_folded = buffer; }
                f.CopyTo(buffer.AsSpan(n));
                n += f.Length;
            }
            else n += System.Text.Ascii.ToLower(word, buffer.AsSpan(n), out int written) == System.Buffers.OperationStatus.Done ? written : throw new InvalidOperationException();
            ends[w] = n;
        }
        for (int i = 0; i < runs.Length; i++)
        {
            int start = i == 0 ? 0 : ends[i - 1] + 1;
            for (int j = i; j < runs.Length && j - i < _maxWords; j++)
            {
                var name = buffer.AsSpan(start, ends[j] - start);
                if (!_prefixLookup.Contains(name)) break;
                if (_entryLookup.ContainsKey(name)) return true;
            }
        }
        return false;
    }

    /// <summary>The settings.</summary>
    public PlaceFinderOptions Options { get; }

    /// <summary>All municipalities known (2014 almanac, plus 2020 municipalities named by the places table and later mergers).</summary>
    public IReadOnlyList<Municipality> Municipalities => _municipalities;

    /// <summary>The size class of <paramref name="municipality"/> under <see cref="PlaceFinderOptions.SizeClasses"/>.</summary>
    public MunicipalitySizeClass SizeClassOf(Municipality municipality) => Options.SizeClasses.Classify(municipality.Population);

    /// <summary>Looks a name up directly (no context rules): the municipality it most likely means, or null.</summary>
    public Municipality? MunicipalityOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _entries.TryGetValue(Key(name), out var l) ? Choose(l, name).Municipality : null;
    }

    private struct Candidate
    {
        public int Word, Count, Start, End;
        public string Key;
        public List<Entry> Entries;
        public Entry Choice;
        public double Score;
        public List<string> Evidence;
        public bool Cued, NeedsCue;
        public string? NotPlaceList;
    }

    /// <summary>
    /// The place mentions in <paramref name="text"/> with a confidence of at least
    /// <see cref="PlaceFinderOptions.MinConfidence"/>, left to right, longest names first.
    /// </summary>
    public IReadOnlyList<PlaceMention> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(text, LetterRuns.Of(text));
    }

    /// <summary>As <see cref="Find(string)"/>, from <paramref name="document"/>'s letter runs (its gazetteer words).</summary>
    public IReadOnlyList<PlaceMention> Find(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Find(document.Text, document.LetterRuns);
    }

    // The words are the text's letter runs, not its tokens: "Noord-Brabant" and "'s-Hertogenbosch" are looked up word by word.
    private IReadOnlyList<PlaceMention> Find(string text, ReadOnlySpan<TextRange> runs)
    {
        // most texts name no place at all: tell that without allocating
        if (!AnyName(text, runs)) return [];
        // AnyName left the folded words in the per-thread buffer: word w is folded[WordStart(w)..ends[w]]
        var folded = t_folded!;
        var ends = t_wordEnds!;
        var words = new List<Word>(runs.Length);
        for (int w = 0; w < runs.Length; w++)
            words.Add(new Word(runs[w].Start, runs[w].End, new string(folded.AsSpan(w == 0 ? 0 : ends[w - 1] + 1, ends[w] - (w == 0 ? 0 : ends[w - 1] + 1)))));
        List<Candidate>? candidates = null;
        for (int i = 0; i < words.Count;)
        {
            int matched = 0;
            int from = i == 0 ? 0 : ends[i - 1] + 1;
            // no name is longer than the longest run of words that begins one
            int longest = 0;
            while (longest < Math.Min(_maxWords, words.Count - i) && _prefixLookup.Contains(folded.AsSpan(from, ends[i + longest] - from))) longest++;
            for (int n = longest; n >= 1 && matched == 0; n--)
            {
                if (!Contiguous(text, words, i, n)) continue;
                if (!_entryLookup.TryGetValue(folded.AsSpan(from, ends[i + n - 1] - from), out var k, out var entries)) continue;
                bool capital = HeadCapitalised(text, words, i, n);
                if (Options.RequireCapital && !capital) continue;
                matched = n;
                if (InHandleOrUrl(text, words[i].Start, words[i + n - 1].End)) break;
                int start = words[i].Start, end = words[i + n - 1].End;
                // "'s-Gravenhage": the apostrophe belongs to the name; "Hengelo Ov.", "Bergen (L)": so does the tail
                if (words[i].Folded is "s" or "t" && start > 0 && text[start - 1] is '\'' or '’') start--;
                var choice = Choose(entries, text[start..end]);
                // "Rotterdam-Zuid", "Utrecht Oost": a compass or centre word after a municipality names its district
                if (choice.Kind == PlaceKind.Municipality && i + n < words.Count && DistrictWords.Contains(words[i + n].Folded)
                    && char.IsUpper(text[words[i + n].Start]) && Gap(text, end, words[i + n].Start) is "-" or " ")
                {
                    end = words[i + n].End;
                    choice = new Entry(text[start..end], PlaceKind.District, choice.Municipality);
                    k += " " + words[i + n].Folded;
                    matched = ++n;
                }
                var tail = TrailingPunctuation(choice.Name);
                if (tail.Length > 0 && string.CompareOrdinal(text, end, tail, 0, tail.Length) == 0) end += tail.Length;
                var c = new Candidate { Word = i, Count = n, Start = start, End = end, Key = k, Entries = entries, Choice = choice, Evidence = [] };
                Weigh(text, words, ref c, capital);
                (candidates ??= []).Add(c);
            }
            i += Math.Max(1, matched);
        }
        if (candidates is null) return [];
        Reconsider(text, words, candidates);
        var result = new List<PlaceMention>(candidates.Count);
        foreach (var c in candidates)
        {
            double confidence = 1 / (1 + Math.Exp(-c.Score));
            if (confidence < Options.MinConfidence) continue;
            var alternatives = c.Entries.Select(e => e.Municipality).Distinct().Where(m => m != c.Choice.Municipality).ToArray();
            result.Add(new PlaceMention(c.Start, c.End - c.Start, text[c.Start..c.End], c.Choice.Name, c.Choice.Kind, c.Choice.Municipality,
                SizeClassOf(c.Choice.Municipality), alternatives) { Confidence = Math.Round(confidence, 3), Evidence = c.Evidence });
        }
        return result;
    }

    private readonly record struct Word(int Start, int End, string Folded);

    private static readonly HashSet<string> DistrictWords = new(StringComparer.Ordinal)
    { "noord", "zuid", "oost", "west", "noordoost", "noordwest", "zuidoost", "zuidwest", "centrum", "midden", "nieuw west" };

    // The weights are log-odds; they were set by hand on the tune half of devsets/places and checked on the other half.
    private void Weigh(string text, List<Word> words, ref Candidate c, bool capital)
    {
        var ev = c.Evidence;
        var e = c.Choice;
        var head = words[c.Word];
        double s;
        if (e.Kind == PlaceKind.Municipality)
        {
            int pop = e.Municipality.Population ?? 0;
            s = pop >= 100_000 ? 3.0 : pop >= 50_000 ? 2.5 : 2.0;
            ev.Add(pop > 0 ? $"municipality ({pop.ToString("N0", CultureInfo.InvariantCulture)} inhabitants)" : "municipality");
        }
        else if (e.Kind == PlaceKind.District)
        {
            s = e.Generic ? 0.5 : 2.0;
            ev.Add($"district of {e.Municipality.Name}");
        }
        else
        {
            s = 1.0;
            ev.Add($"place in {e.Municipality.Name}");
        }

        // a name that is also an ordinary word: the more common the word, the more evidence the place needs
        bool common = false;
        if (_common.TryGetValue(c.Key, out var w) && (w.PerMillion > 0 || w.Listed))
        {
            common = true;
            double penalty = Math.Min(5.5, 2.0 + 1.2 * Math.Log10(1 + w.PerMillion));
            s -= penalty;
            ev.Add($"also the word '{c.Key}' ({w.PerMillion.ToString("0.#", CultureInfo.InvariantCulture)} per million)");
        }
        else ev.Add("not a common word");

        bool sentenceStart = SentenceInitial(text, c.Start, out bool hashtag);
        int letters = 0, upper = 0;
        for (int p = head.Start; p < head.End; p++) if (char.IsLetter(text[p])) { letters++; if (char.IsUpper(text[p])) upper++; }
        bool allCaps = c.Count == 1 && letters >= 2 && upper == letters;
        Word? prev = c.Word > 0 ? words[c.Word - 1] : null;
        bool prevAdjacent = prev is { } pw && Gap(text, pw.End, c.Start) is " " or "\u00A0";
        // "Omdat Schiphol …": an ordinary word capitalised only because it opens the sentence does not count as a capital
        bool prevCapital = prev is { } pc && char.IsUpper(text[pc.Start])
            && !(_openers.Contains(pc.Folded) && SentenceInitial(text, pc.Start, out _));
        if (!capital) { s -= 1.5; ev.Add("lower case"); }
        else if (allCaps && (letters <= 3 || common)) { s -= 3; ev.Add("written in capitals (an acronym?)"); }
        else if (allCaps) { s -= 0.5; ev.Add("written in capitals"); }
        else if (hashtag) ev.Add("hashtag");
        else if (sentenceStart)
        {
            if (common) { s -= 2; ev.Add("capitalised only because it starts the sentence"); }
            else ev.Add("starts the sentence");
        }
        else if (!(prevAdjacent && prevCapital)) { s += 0.75; ev.Add("capitalised mid-sentence"); }

        // the word before: a cue, a title, an article, a first name or the first part of a longer proper name
        if (prev is { } pv && !sentenceStart && CueGap(text, pv.End, c.Start))
        {
            var kind = _context.TryGetValue(pv.Folded, out var kk) ? kk : (ContextKind?)null;
            var before = text[pv.Start..pv.End];
            switch (kind)
            {
                case ContextKind.PlaceNoun: s += 3; c.Cued = true; ev.Add($"cue '{before}'"); break;
                case ContextKind.Preposition: s += 2; c.Cued = true; ev.Add($"cue '{before}'"); break;
                case ContextKind.Person: s -= 5; ev.Add($"title '{before}' before: a person"); break;
                case ContextKind.NotPlace when pv.Folded is "de" or "het" or "een":
                    s -= 2.5; ev.Add($"article '{before}' before: a name of something else");
                    // "het Amsterdam UMC", "de Lelystad Airport": article, place, name word
                    if (c.Word + c.Count < words.Count && words[c.Word + c.Count] is var nw && Gap(text, c.End, nw.Start) == " " && char.IsUpper(text[nw.Start]))
                    { s -= 2; ev.Add($"'{before} … {text[nw.Start..nw.End]}' around it: an organisation"); }
                    break;
                case ContextKind.NotPlace: s -= 5; ev.Add($"'{before}' before: not a place"); break;
                case ContextKind.WeakPreposition: s += 1; c.Cued = true; ev.Add($"cue '{before}'"); break;
                case ContextKind.Institution: s -= 2.5; ev.Add($"'{before}' before: the name of an institution or business"); break;
                case ContextKind.Nobility: s -= 5; ev.Add($"title '{before}' before: a person"); break;
                case ContextKind.Of:
                    WeighOf(text, words, ref c, ref s);
                    break;
                default:
                    if (prevAdjacent && prevCapital && !_entries.ContainsKey(pv.Folded))
                    {
                        if (pv.Folded.EndsWith("se", StringComparison.Ordinal) || pv.Folded.EndsWith("sche", StringComparison.Ordinal))
                        { s += 1; ev.Add($"regional adjective '{before}' before"); }
                        else if (SentenceInitial(text, pv.Start, out _))
                        { s -= 1.5; ev.Add($"capitalised '{before}' before (first word of the sentence)"); }
                        else { s -= 4; ev.Add($"capitalised '{before}' before: part of a longer name"); }
                    }
                    else if (Gap(text, pv.End, c.Start) == "-" && char.IsLower(text[pv.Start]))
                    { s -= 3; ev.Add("inside a hyphenated name"); }
                    break;
            }
        }

        // the word after: "Kaag (D66)" is a person; "Kaag Ollongren"-like pairs are longer names
        if (!allCaps && PartyOrAgeAfter(text, c.End)) { s -= 3; ev.Add("party or age in brackets after, as after a person's name"); }
        if (NumberAfter(text, c.End)) { s -= 2; ev.Add("number after: a street or square"); }
        if (c.Word + c.Count < words.Count)
        {
            var nx = words[c.Word + c.Count];
            if (Gap(text, c.End, nx.Start) == " " && char.IsUpper(text[nx.Start]))
            {
                if (_context.GetValueOrDefault(nx.Folded, ContextKind.Preposition) == ContextKind.OrganisationAfter)
                { s -= 6; ev.Add($"'{text[nx.Start..nx.End]}' after: an organisation"); }
                else if (e.Kind == PlaceKind.Place && !_entries.ContainsKey(nx.Folded) && !_context.ContainsKey(nx.Folded))
                { s -= 1; ev.Add("capitalised word after"); }
            }
            // "Oranje-Nassau": glued to a capitalised word that is no place (Dutch or foreign): one longer name
            else if (Gap(text, c.End, nx.Start) == "-" && char.IsUpper(text[nx.Start]) && !_entries.ContainsKey(nx.Folded) && !_foreign.ContainsKey(nx.Folded))
            { s -= 2; ev.Add($"part of the longer name '{text[c.Start..nx.End]}'"); }
        }

        if (_ambiguous.Contains(c.Key) && !c.Cued) { s -= 4; c.NeedsCue = true; ev.Add("listed as a word: needs a cue"); }

        // "Heerenveen verloor de wedstrijd": without a cue, a town in a sports text is often its club
        if (!c.Cued && e.Kind == PlaceKind.Municipality && SportsWord(words) is { } sport)
        { s -= 3; ev.Add($"sports context ('{sport}'): may be the club"); }

        // Polen, Amerika, Leuven: a foreign place unless a place noun says otherwise ("het dorp Polen")
        if (_foreign.TryGetValue(c.Key, out var country))
        {
            bool placeNoun = ev.Any(x => x.StartsWith("cue '", StringComparison.Ordinal)) && prev is { } pn && _context.GetValueOrDefault(pn.Folded) == ContextKind.PlaceNoun;
            if (e.Kind == PlaceKind.Municipality && !placeNoun)
            {
                if (ForeignContext(text, words, c.Word, country) is { } other) { s -= 6; ev.Add($"{country} place '{other}' in the text: the foreign {e.Name}"); }
                else { s -= 1; ev.Add($"also a place in {country}"); }
            }
            else if (!placeNoun) { s -= 8; ev.Add($"a foreign place ({country})"); }
            else ev.Add($"also a place in {country}, but a place noun before");
        }
        c.Score = s;
    }

    // Second look with the whole text: a name found as a place elsewhere, a list of places or of persons, a district's municipality.
    private void Reconsider(string text, List<Word> words, List<Candidate> cs)
    {
        const double accept = 0;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cs);
        // "Rutte, Hoekstra en Kaag", "Warners, Wassenaar en Valkenburg": listed with a capitalised word that is no place
        for (int i = 0; i < span.Length; i++)
        {
            ref var c = ref span[i];
            if (c.Cued) continue;
            // "Friesland en Groningen", "provincies zoals Limburg en Groningen": the province of that name
            if (_provinces.Contains(c.Key) && (ListNeighbourProvince(text, words, c.Word, -1) ?? ListNeighbourProvince(text, words, c.Word + c.Count - 1, +1)) is { } prov)
            { c.Score -= 5; c.Evidence.Add($"listed with the province {prov}: the province"); continue; }
            var other = ListNeighbourNotPlace(text, words, cs, c.Word, -1) ?? ListNeighbourNotPlace(text, words, cs, c.Word + c.Count - 1, +1);
            if (other is not null) { c.Score -= 2.5; c.NotPlaceList = other; c.Evidence.Add($"listed with '{other}', not a place"); }
        }
        // … and so is the rest of that list ("Wassenaar en Valkenburg" after "Warners,")
        for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < span.Length; i++)
            {
                ref var c = ref span[i];
                if (c.Cued || c.NotPlaceList is not null) continue;
                foreach (int j in (ReadOnlySpan<int>)[i - 1, i + 1])
                {
                    if (j < 0 || j >= span.Length || span[j].NotPlaceList is not { } name) continue;
                    var (a, b) = j < i ? (span[j].End, c.Start) : (c.End, span[j].Start);
                    if (!ListGap().IsMatch(text.AsSpan(a, b - a))) continue;
                    c.Score -= 2.5; c.NotPlaceList = name; c.Evidence.Add($"listed with '{name}', not a place"); break;
                }
            }
        // one sense per text: a name used for a person or an organisation is not a place elsewhere in the same text
        // ("Michiel Witteveen … Witteveen kent het bedrijf", "de familie Blokker … Blokker stond in de etalage")
        for (int i = 0; i < span.Length; i++)
        {
            ref var c = ref span[i];
            if (c.Cued || c.Evidence.Contains(OtherSense)) continue;
            for (int j = 0; j < span.Length; j++)
            {
                // a city's name inside an organisation's ("Universiteit Nijmegen") says nothing about its other uses
                if (j == i || span[j].Key != c.Key || !IsOtherSense(span[j].Evidence, c.Choice.Kind == PlaceKind.Place)) continue;
                c.Score -= 3; c.Evidence.Add(OtherSense); break;
            }
        }
        for (int i = 0; i < span.Length; i++)
        {
            ref var c = ref span[i];
            if (c.Choice.Generic)
            {
                // "in Noord" with Amsterdam in the text, but not "Noord-Holland", "Zuid-Europa" or a bare "Noord"
                var city = c.Choice.Municipality;
                int other = cs.FindIndex(o => o.Choice.Municipality == city && !o.Choice.Generic && o.Score > accept);
                bool compound = c.End < text.Length - 1 && text[c.End] == '-' && char.IsLetter(text[c.End + 1]);
                if (compound) { c.Score -= 8; c.Evidence.Add("compass word of a compound name"); }
                else if (other >= 0 && c.Cued) { c.Score += 2.5; c.Evidence.Add($"{city.Name} named in the text"); }
                else { c.Score -= 8; c.Evidence.Add(other >= 0 ? "district word without a cue" : "district word without its municipality"); }
                continue;
            }
            if (c.Score > accept) continue;
            // a mention that is itself part of an organisation's name is not rescued by the place elsewhere
            bool blocked = IsOtherSense(c.Evidence, true) || c.Evidence.Any(x => x.Contains("person", StringComparison.Ordinal)
                || x.Contains("surname", StringComparison.Ordinal) || x.Contains("foreign", StringComparison.Ordinal)
                || x.Contains("not a place", StringComparison.Ordinal) || x.Contains("province", StringComparison.Ordinal));
            if (blocked) continue;
            for (int j = 0; j < span.Length; j++)
            {
                if (j == i || span[j].Score <= accept || span[j].Choice.Generic) continue;
                if (span[j].Key == c.Key)
                {
                    c.Score += c.NeedsCue ? 6.5 : 2.5; // the cue elsewhere counts here too
                    c.Evidence.Add("named as a place elsewhere in the text"); break;
                }
            }
            if (c.Score > accept) continue;
            foreach (int j in (ReadOnlySpan<int>)[i - 1, i + 1])
            {
                if (j < 0 || j >= span.Length || span[j].Score <= accept) continue;
                var (a, b) = j < i ? (span[j].End, c.Start) : (c.End, span[j].Start);
                if (ListGap().IsMatch(text.AsSpan(a, b - a))) { c.Score += 1.5; c.Evidence.Add($"listed with {text[span[j].Start..span[j].End]}"); break; }
            }
        }
    }

    // A province name as the neighbouring item of a list around word w (dir -1: before, +1: after), else null.
    private string? ListNeighbourProvince(string text, List<Word> words, int w, int dir)
    {
        int item;
        if (dir < 0)
        {
            if (w < 1) return null;
            var sep = words[w - 1];
            if (Gap(text, sep.End, words[w].Start) == ", ") item = w - 1;
            else if (sep.Folded is "en" or "of" && w >= 2 && CueGap(text, sep.End, words[w].Start)) item = w - 2;
            else return null;
            // "Noord-Holland": a hyphenated province ends here
            if (item >= 1 && Gap(text, words[item - 1].End, words[item].Start) == "-" && _provinces.Contains(words[item - 1].Folded + " " + words[item].Folded))
                return text[words[item - 1].Start..words[item].End];
        }
        else
        {
            if (w + 1 >= words.Count) return null;
            var sep = words[w + 1];
            if (Gap(text, words[w].End, sep.Start) == ", ") item = w + 1;
            else if (sep.Folded is "en" or "of" && w + 2 < words.Count && CueGap(text, words[w].End, sep.Start)) item = w + 2;
            else return null;
            if (item + 1 < words.Count && Gap(text, words[item].End, words[item + 1].Start) == "-" && _provinces.Contains(words[item].Folded + " " + words[item + 1].Folded))
                return text[words[item].Start..words[item + 1].End];
        }
        var it = words[item];
        return char.IsUpper(text[it.Start]) && _provinces.Contains(it.Folded) ? text[it.Start..it.End] : null;
    }

    private const string OtherSense = "used for a person or organisation elsewhere in the text";

    private static bool IsOtherSense(List<string> evidence, bool names) => evidence.Any(x =>
        x.EndsWith(": a person", StringComparison.Ordinal) || x.EndsWith(": a surname", StringComparison.Ordinal)
        || x.EndsWith(": not a place", StringComparison.Ordinal)
        || (names && (x.EndsWith(": an organisation", StringComparison.Ordinal) || x.EndsWith(": part of a longer name", StringComparison.Ordinal)
                      || x.EndsWith("or business", StringComparison.Ordinal))));

    // The neighbouring item of a list ("A, B en C") in direction dir from word w, when it is a capitalised word that is
    // not a candidate place, not a cue and not the first word of a sentence; else null.
    private string? ListNeighbourNotPlace(string text, List<Word> words, List<Candidate> cs, int w, int dir)
    {
        int sep = w + dir, item = w + 2 * dir;
        Word a, b;
        if (dir < 0)
        {
            if (w < 1) return null;
            a = words[w - 1]; b = words[w];
            // "X, [cand]": the separator is punctuation, not a word
            if (Gap(text, a.End, b.Start) == ", ") item = w - 1;
            else if (a.Folded is "en" or "of" && w >= 2 && CueGap(text, a.End, b.Start) && CueGap(text, words[w - 2].End, a.Start)) item = w - 2;
            else return null;
        }
        else
        {
            if (w + 1 >= words.Count) return null;
            a = words[w]; b = words[w + 1];
            if (Gap(text, a.End, b.Start) == ", ") item = w + 1;
            else if (b.Folded is "en" or "of" && w + 2 < words.Count && CueGap(text, a.End, b.Start) && CueGap(text, b.End, words[w + 2].Start)) item = w + 2;
            else return null;
        }
        _ = sep;
        var it = words[item];
        if (!char.IsUpper(text[it.Start]) || _context.ContainsKey(it.Folded) || _entries.ContainsKey(it.Folded) || _foreign.ContainsKey(it.Folded)) return null;
        // "NIJMEGEN, KARLSRUHE -", "PSV en Amsterdam": words in capitals are datelines and acronyms, not names of persons
        if (it.End - it.Start > 1 && text.AsSpan(it.Start, it.End - it.Start).ToString().All(ch => !char.IsLetter(ch) || char.IsUpper(ch))) return null;
        if (SentenceInitial(text, it.Start, out _) && !(dir < 0 && item == w - 1)) return null;
        foreach (var o in cs) if (o.Word <= item && item < o.Word + o.Count) return null;
        // a multi-word item ("Den Haag") ends in a capitalised word too: only single capitalised words count
        return text[it.Start..it.End];
    }

    // "van": a cue ("gevangenis van Vught"), part of an office ("burgemeester van Best", "Burgemeester Opstelten van
    // Rotterdam"), or a surname particle ("Ton van Kesteren", "Van der Schans", "E. van Dijk").
    private void WeighOf(string text, List<Word> words, ref Candidate c, ref double s)
    {
        var ev = c.Evidence;
        // walk back over the particle chain: van, van der, van 't, v.d. …
        int first = c.Word - 1;
        while (first > 0 && _context.GetValueOrDefault(words[first - 1].Folded, ContextKind.PlaceNoun) == ContextKind.Of
               && words[first].Start - words[first - 1].End <= 3 && !SentenceInitial(text, words[first].Start, out _)) first--;
        var chain = text[words[first].Start..words[c.Word - 1].End];
        bool chainCapital = char.IsUpper(text[words[first].Start]);
        bool longChain = first < c.Word - 1;
        Word? pp = first > 0 ? words[first - 1] : null;
        bool ppAdjacent = pp is { } p2 && CueGap(text, p2.End, words[first].Start) && !SentenceInitial(text, words[first].Start, out _);
        var ppKind = ppAdjacent && _context.TryGetValue(pp!.Value.Folded, out var k2) ? k2 : (ContextKind?)null;
        if (ppKind is ContextKind.PlaceNoun or ContextKind.Person && !longChain && !chainCapital)
        { s += 3; c.Cued = true; ev.Add($"cue '{text[pp!.Value.Start..pp.Value.End]} {chain}'"); return; }
        if (ppKind is ContextKind.Nobility) { s -= 1; ev.Add($"title '{text[pp!.Value.Start..pp.Value.End]} {chain}' before"); return; }
        if (chainCapital)
        {
            bool initial = SentenceInitial(text, words[first].Start, out _);
            s -= initial && !longChain ? 2 : 4; ev.Add($"'{chain}' before: a surname"); return;
        }
        if (ppKind is ContextKind.OrganisationAfter && char.IsUpper(text[pp!.Value.Start]) && !longChain)
        { s -= 4; ev.Add($"'{text[pp.Value.Start..pp.Value.End]} {chain}' before: an organisation"); return; }
        if (pp is { } q && ppAdjacent && char.IsUpper(text[q.Start]) && !_entries.ContainsKey(q.Folded) && !_context.ContainsKey(q.Folded))
        {
            bool acronym = q.End - q.Start >= 2 && text.AsSpan(q.Start, q.End - q.Start).ToString().All(ch => !char.IsLetter(ch) || char.IsUpper(ch));
            // "Burgemeester Opstelten van Rotterdam": a title before the name before "van" makes it an office
            Word? title = first > 1 ? words[first - 2] : null;
            if (title is { } t && CueGap(text, t.End, q.Start) && LocalOffices.Contains(t.Folded) && !longChain)
            { s += 2; c.Cued = true; ev.Add($"cue '{text[t.Start..words[c.Word - 1].End]}'"); return; }
            if (!acronym && !longChain) { s -= 4; ev.Add($"'{text[q.Start..q.End]} {chain}' before: a surname"); return; }
            if (longChain) { s -= 4; ev.Add($"'{text[q.Start..q.End]} {chain}' before: a surname"); return; }
        }
        if (pp is { } ini && ini.End - ini.Start == 1 && char.IsUpper(text[ini.Start]) && Gap(text, ini.End, words[first].Start) == ". ")
        { s -= 4; ev.Add($"initial '{text[ini.Start..words[c.Word - 1].End]}' before: a surname"); return; }
        if (longChain) { s -= 2; ev.Add($"'{chain}' before: a surname particle"); return; }
        s += 1; c.Cued = true; ev.Add($"cue '{chain}'");
    }

    // Offices held in one municipality: "Burgemeester Opstelten van Rotterdam" (but "Kamerlid Michiel van Nispen").
    private static readonly HashSet<string> LocalOffices = new(StringComparer.Ordinal)
    { "burgemeester", "wethouder", "loco-burgemeester", "gemeentesecretaris", "raadslid", "gedeputeerde" };

    private string? SportsWord(List<Word> words)
    {
        foreach (var w in words) if (_sports.Contains(w.Folded)) return w.Folded;
        return null;
    }

    // "Plein 1940", "Dam 1": a number right after the name makes it a street or square.
    private static bool NumberAfter(string text, int end) =>
        end + 1 < text.Length && text[end] == ' ' && char.IsDigit(text[end + 1]);

    [GeneratedRegex(@"^\s*(,|en|of|&|/|-|–)\s*#?$")]
    private static partial Regex ListGap();

    private string? ForeignContext(string text, List<Word> words, int except, string country)
    {
        for (int j = 0; j < words.Count; j++)
        {
            if (j == except) continue;
            if (!char.IsUpper(text[words[j].Start])) continue;
            if (_foreign.TryGetValue(words[j].Folded, out var c) && c == country) return text[words[j].Start..words[j].End];
            if (j + 1 < words.Count && _foreign.TryGetValue(words[j].Folded + " " + words[j + 1].Folded, out c) && c == country)
                return text[words[j].Start..words[j + 1].End];
        }
        return null;
    }

    // Before the name only quotes, brackets, bullets, '#' or symbols back to the text start or a sentence end.
    private static bool SentenceInitial(string text, int start, out bool hashtag)
    {
        hashtag = start > 0 && text[start - 1] == '#';
        for (int p = start - 1; p >= 0; p--)
        {
            char ch = text[p];
            if (ch is '.' or '!' or '?' or ':' or ';' or '\n' or '\r' or '|' or '•') return true;
            if (char.IsWhiteSpace(ch) || ch is '"' or '\'' or '‘' or '’' or '“' or '”' or '(' or '[' or '#' or '*' or '«' or '»' or '-' or '–') continue;
            var cat = char.GetUnicodeCategory(ch);
            if (cat is UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate or UnicodeCategory.ModifierSymbol or UnicodeCategory.Format
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) return true;
            return false;
        }
        return true;
    }

    private static string Gap(string text, int from, int to) => to - from is > 0 and <= 3 ? text[from..to] : "";

    // A cue belongs to the name when only spaces (or a '#') stand between them.
    private static bool CueGap(string text, int from, int to)
    {
        if (to - from is < 1 or > 3) return false;
        for (int p = from; p < to; p++) if (text[p] is not (' ' or '\u00A0' or '#')) return false;
        return true;
    }

    // "(D66)", "(PVV)", "(25)" right after a name: a person's party or age.
    private static bool PartyOrAgeAfter(string text, int end)
    {
        int p = end;
        while (p < text.Length && text[p] == ' ') p++;
        if (p >= text.Length || text[p] != '(' || p - end > 1) return false;
        int q = p + 1;
        while (q < text.Length && q - p <= 9 && (char.IsUpper(text[q]) || char.IsDigit(text[q]) || text[q] == '-')) q++;
        return q < text.Length && text[q] == ')' && q > p + 1 && !NotParties.Contains(text[(p + 1)..q]);
    }

    // Brackets after a name that are no party: news agencies after a dateline, placeholders.
    private static readonly HashSet<string> NotParties = new(StringComparer.Ordinal)
    { "ANP", "AFP", "AP", "BELGA", "DPA", "REUTERS", "LINK", "URL", "FOTO", "VIDEO", "AUDIO", "NL" };

    // Part of an @handle, a URL, an e-mail address or an identifier_with_underscores: not running text.
    private static bool InHandleOrUrl(string text, int start, int end)
    {
        if (start > 0 && text[start - 1] is '_' or '@') return true;
        if (end < text.Length && text[end] is '_' or '@') return true;
        if (end + 1 < text.Length && text[end] == '.' && char.IsLetter(text[end + 1]) && char.IsLower(text[end + 1])) return true; // domain names
        for (int p = start - 1; p >= 0 && start - p < 80; p--)
        {
            char ch = text[p];
            if (char.IsWhiteSpace(ch)) break;
            if (ch == '@') return true;
            if (ch == '/' && p > 0 && text[p - 1] == '/') return true;
        }
        return false;
    }

    // Municipality names first; then a place in the municipality of the same name; then the most populous.
    private static Entry Choose(List<Entry> entries, string written) =>
        entries.OrderBy(e => e.Kind switch { PlaceKind.Municipality => 0, PlaceKind.Place => 1, _ => 2 })
            .ThenBy(e => e.Name == written ? 0 : 1)
            .ThenBy(e => Key(ShortName(e.Municipality.Name)) == Key(e.Name) ? 0 : 1)
            .ThenByDescending(e => e.Municipality.Population ?? 0)
            .ThenBy(e => e.Municipality.Name, StringComparer.Ordinal)
            .First();

    // Words i..i+n-1 are one name only when separated by spaces, hyphens, apostrophes, periods, commas or brackets on one line.
    private static bool Contiguous(string text, List<Word> words, int i, int n)
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

    private static bool HeadCapitalised(string text, List<Word> words, int i, int n)
    {
        for (int j = i; j < i + n; j++)
            if (!Particles.Contains(words[j].Folded) || j == i + n - 1)
                return char.IsUpper(text[words[j].Start]) || char.IsDigit(text[words[j].Start]);
        return false;
    }

    private void Add(string name, PlaceKind kind, Municipality m, bool generic = false)
    {
        var k = Key(name);
        if (k.Length == 0) return;
        if (!_entries.TryGetValue(k, out var l)) _entries[k] = l = [];
        var e = new Entry(name, kind, m, generic);
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
