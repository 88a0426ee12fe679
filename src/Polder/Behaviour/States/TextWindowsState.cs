using Polder.Sentiment;

namespace Polder.Behaviour.States;

/// <summary>
/// Sentiment and topic counts per calendar window (local time), from the <see cref="PostTextFacts"/> given with the
/// posts: posts read by the Dutch layers, per sentiment label, with a complaint category, naming a place, per topic and
/// per language. Shares are counts over analysed posts, so merging (adding the counts) is exact. Not thread-safe.
/// </summary>
public sealed class TextWindowsState
{
    /// <summary>The counts of one window.</summary>
    public sealed class Counts
    {
        /// <summary>Posts with text facts.</summary>
        public long Posts { get; internal set; }
        /// <summary>Posts the Dutch layers read.</summary>
        public long Analysed { get; internal set; }
        /// <summary>Analysed posts per sentiment label (negative, neutral, positive).</summary>
        public long[] Sentiment { get; } = new long[3];
        /// <summary>Analysed posts with a complaint category.</summary>
        public long WithComplaint { get; internal set; }
        /// <summary>Analysed posts naming a place.</summary>
        public long WithPlaces { get; internal set; }
        /// <summary>Analysed posts per topic.</summary>
        public SortedDictionary<string, long> Topics { get; } = new(StringComparer.Ordinal);
        /// <summary>Posts per language.</summary>
        public SortedDictionary<string, long> Languages { get; } = new(StringComparer.Ordinal);

        /// <summary>Share of analysed posts with this label (NaN without analysed posts).</summary>
        public double Share(SentimentLabel label) => Analysed == 0 ? double.NaN : (double)Sentiment[(int)label] / Analysed;

        internal void Add(PostTextFacts f)
        {
            Posts++;
            Languages[f.Language] = Languages.GetValueOrDefault(f.Language) + 1;
            if (!f.Analysed) return;
            Analysed++;
            if (f.Sentiment is { } s) Sentiment[(int)s]++;
            if (f.Complaint is not null) WithComplaint++;
            if (f.HasPlaces) WithPlaces++;
            if (f.Topic is { } t) Topics[t] = Topics.GetValueOrDefault(t) + 1;
        }

        internal void Merge(Counts o)
        {
            Posts += o.Posts; Analysed += o.Analysed; WithComplaint += o.WithComplaint; WithPlaces += o.WithPlaces;
            for (int i = 0; i < 3; i++) Sentiment[i] += o.Sentiment[i];
            foreach (var (k, v) in o.Topics) Topics[k] = Topics.GetValueOrDefault(k) + v;
            foreach (var (k, v) in o.Languages) Languages[k] = Languages.GetValueOrDefault(k) + v;
        }

        internal void Write(BinaryWriter w)
        {
            w.Write(Posts); w.Write(Analysed); foreach (var s in Sentiment) w.Write(s); w.Write(WithComplaint); w.Write(WithPlaces);
            WriteMap(w, Topics); WriteMap(w, Languages);
        }

        internal static Counts Read(BinaryReader r)
        {
            var c = new Counts { Posts = r.ReadInt64(), Analysed = r.ReadInt64() };
            for (int i = 0; i < 3; i++) c.Sentiment[i] = r.ReadInt64();
            c.WithComplaint = r.ReadInt64(); c.WithPlaces = r.ReadInt64();
            ReadMap(r, c.Topics); ReadMap(r, c.Languages);
            if (c.Analysed > c.Posts || c.Sentiment.Sum() > c.Analysed) throw new InvalidDataException("state: text counts do not add up");
            return c;
        }

        private static void WriteMap(BinaryWriter w, SortedDictionary<string, long> m) { w.Write(m.Count); foreach (var (k, v) in m) { w.Write(k); w.Write(v); } }

        private static void ReadMap(BinaryReader r, SortedDictionary<string, long> m)
        {
            int n = StateFormat.ReadCount(r, 100_000, "labels");
            for (int i = 0; i < n; i++) m[StateFormat.ReadPlain(r)] = r.ReadInt64();
        }
    }

    internal readonly SortedDictionary<int, Counts> ByWindow = [];

    /// <summary>The window of the counts.</summary>
    public TimeWindow Window { get; }

    /// <summary>Creates an empty state counting per <paramref name="window"/>.</summary>
    public TextWindowsState(TimeWindow window) => Window = window;

    /// <summary>All windows together.</summary>
    public Counts Total()
    {
        var t = new Counts();
        foreach (var c in ByWindow.Values) t.Merge(c);
        return t;
    }

    /// <summary>The windows with text facts, by their first local day.</summary>
    public IReadOnlyList<(DateOnly Start, Counts Counts)> Windows() => ByWindow.Select(kv => (LocalClock.WindowStart(kv.Key, Window), kv.Value)).ToList();

    internal void Add(int localDay, PostTextFacts facts)
    {
        int w = LocalClock.WindowOfDay(localDay, Window);
        if (!ByWindow.TryGetValue(w, out var c)) ByWindow[w] = c = new Counts();
        c.Add(facts);
    }

    internal void Merge(TextWindowsState o)
    {
        if (o.Window != Window) throw new InvalidOperationException($"text windows differ: {Window} and {o.Window}");
        foreach (var (w, c) in o.ByWindow)
        {
            if (!ByWindow.TryGetValue(w, out var mine)) ByWindow[w] = mine = new Counts();
            mine.Merge(c);
        }
    }

    internal void Write(BinaryWriter w)
    {
        w.Write((byte)Window); w.Write(ByWindow.Count);
        foreach (var (k, c) in ByWindow) { w.Write(k); c.Write(w); }
    }

    internal static TextWindowsState Read(BinaryReader r)
    {
        byte win = r.ReadByte();
        if (!Enum.IsDefined((TimeWindow)win)) throw new InvalidDataException($"state: window {win}");
        var s = new TextWindowsState((TimeWindow)win);
        int n = StateFormat.ReadCount(r, 10_000_000, "text windows");
        for (int i = 0; i < n; i++) s.ByWindow[r.ReadInt32()] = Counts.Read(r);
        return s;
    }
}
