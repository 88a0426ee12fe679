using Polder.Behaviour;
using Polder.Behaviour.States;
using Polder.Community;
using Polder.Language;
using Polder.Prediction.Activity;
using Polder.Sentiment;
using Polder.Text;
using Polder.Topics.Alerts;

namespace Polder.Analysis;

/// <summary>
/// The text layer for a community whose posts arrive over time (a live service): each post is read once, when it is
/// added, and what the layers found in it is kept (the language guess before the community's mix, the sentiment label,
/// the predicted topic, whether it has a complaint category or names a place, its id, time and thread; not the text).
/// <see cref="Windows"/> then makes the decisions that need the whole community exactly as the batch text layer does
/// (the language mix as prior of unsure guesses, whether emoji-only posts are read, a thread's topic is that of its
/// first analysed post) and counts sentiment, topics and languages per window; <see cref="Alerts"/> runs the alert
/// detector over the same decisions. Mergeable (disjoint parts), compact
/// binary form. Not thread-safe: a grain serialises its calls.
/// </summary>
public sealed class LiveTextState
{
    private readonly record struct Row(int Language, double Confidence, SentimentLabel Sentiment, int Topic, int Complaint, bool HasPlaces, long Ticks, int Thread);

    private readonly List<Row> _rows = [];
    private readonly List<string> _ids = [];
    private readonly List<string> _labels = [];
    private readonly Dictionary<string, int> _labelIndex = new(StringComparer.Ordinal);

    /// <summary>Posts read.</summary>
    public int Posts => _rows.Count;

    /// <summary>
    /// Reads <paramref name="post"/> with <paramref name="analyzer"/> (every layer, whatever the language: which of the
    /// results count is decided by <see cref="Windows"/>). The caller adds each post once (e.g. when
    /// <see cref="CommunityState.Add(Post, Actor?, PostTextFacts?)"/> took it).
    /// </summary>
    public void Add(Post post, TextAnalyzer analyzer) => Add(post, PostTextReading.Of(post, analyzer));

    /// <summary>
    /// Adds <paramref name="post"/> with what <see cref="PostTextReading.Of"/> found in it (read beforehand, e.g. in
    /// parallel outside the caller's lock); the same as <see cref="Add(Post, TextAnalyzer)"/> with that analyser.
    /// </summary>
    public void Add(Post post, PostTextReading reading)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(reading.Language);
        _rows.Add(new Row(Label(reading.Language), reading.Confidence, reading.Sentiment, reading.Topic is null ? -1 : Label(reading.Topic),
            reading.Complaint is null ? -1 : Label(reading.Complaint), reading.HasPlaces, post.Time.UtcTicks, Label(CommunityState.ThreadIdOf(post))));
        _ids.Add(post.Id);
    }

    private int Label(string s)
    {
        if (!_labelIndex.TryGetValue(s, out int i)) { _labelIndex[s] = i = _labels.Count; _labels.Add(s); }
        return i;
    }

    /// <summary>Adds the posts of a disjoint part (their order after this state's own).</summary>
    public void Merge(LiveTextState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var r in other._rows)
        {
            string L(int i) => other._labels[i];
            _rows.Add(r with
            {
                Language = Label(L(r.Language)), Topic = r.Topic < 0 ? -1 : Label(L(r.Topic)), Complaint = r.Complaint < 0 ? -1 : Label(L(r.Complaint)),
                Thread = Label(L(r.Thread)),
            });
        }
        _ids.AddRange(other._ids);
    }

    // the batch text layer's decisions over every post held: the language (the mix as prior), which layers read each
    // post, and each thread's topic (that of its first analysed post; time order, ties: order added)
    private (LanguageGuess[] Guesses, DutchReading[] Reading, Dictionary<int, int> ThreadTopic) Decide(IReadOnlyList<string> languages)
    {
        int n = _rows.Count;
        var guesses = new LanguageGuess[n];
        for (int i = 0; i < n; i++) guesses[i] = new LanguageGuess(_labels[_rows[i].Language], _rows[i].Confidence);
        var mix = LanguageMix.Of(guesses, languages);
        bool anyDutch = false;
        for (int i = 0; i < n; i++) { guesses[i] = TextLanguages.Decide(guesses[i], mix); anyDutch |= guesses[i].IsDutch; }
        var reading = new DutchReading[n];
        var threadFirst = new Dictionary<int, (long Ticks, int Topic)>();
        for (int i = 0; i < n; i++)
        {
            reading[i] = TextLanguages.ReadingOf(guesses[i], anyDutch);
            var r = _rows[i];
            if (reading[i] != DutchReading.All || r.Topic < 0) continue;
            if (!threadFirst.TryGetValue(r.Thread, out var f) || r.Ticks < f.Ticks) threadFirst[r.Thread] = (r.Ticks, r.Topic);
        }
        return (guesses, reading, threadFirst.ToDictionary(kv => kv.Key, kv => kv.Value.Topic));
    }

    /// <summary>
    /// The alerts of every post held, as <see cref="CommunityAlerts.Of"/> finds them in a batch analysis of the same
    /// posts (<see cref="AlertTopicSource.Auto"/> topics, default settings).
    /// </summary>
    public CommunityAlerts Alerts(IReadOnlyList<string> languages, AlertOptions? options = null)
    {
        var (guesses, reading, threadTopic) = Decide(languages);
        var posts = new PostAnalysis[_rows.Count];
        for (int i = 0; i < posts.Length; i++)
        {
            // only what AlertInputs reads: time, thread, sentiment, thread topic and complaint
            var r = _rows[i];
            bool read = reading[i] != DutchReading.None, all = reading[i] == DutchReading.All;
            posts[i] = new PostAnalysis(_ids[i], "", _labels[r.Thread], new DateTimeOffset(r.Ticks, TimeSpan.Zero), PostKind.Post,
                read ? r.Sentiment : null, null, null, 0, read && threadTopic.TryGetValue(r.Thread, out int t) ? _labels[t] : null,
                all && r.Complaint >= 0 ? _labels[r.Complaint] : null, [], guesses[i].Language, guesses[i].Confidence) { IsAnalysed = read };
        }
        var source = AlertInputs.Resolve(posts, AlertTopicSource.Auto);
        var o = options ?? new AlertOptions();
        return new CommunityAlerts(source, AlertDetector.Detect(AlertInputs.From(posts, source), o), o);
    }

    /// <summary>
    /// The activity forecasts of the batch forecast layer over every post held: posts in the next window, for the whole
    /// community and per thread topic (analysed posts), in <paramref name="window"/> (null: the window
    /// <c>polder analyze</c> picks for the period held). Returns the window used, its length and the forecaster's result.
    /// </summary>
    public (TimeWindow Window, TimeSpan Length, ActivityForecastResult Result) Forecast(IReadOnlyList<string> languages, TimeWindow? window = null)
    {
        var (_, reading, threadTopic) = Decide(languages);
        int n = _rows.Count;
        var times = new DateTimeOffset[n];
        var series = new string?[n];
        for (int i = 0; i < n; i++)
        {
            var r = _rows[i];
            times[i] = new DateTimeOffset(r.Ticks, TimeSpan.Zero);
            series[i] = reading[i] != DutchReading.None && threadTopic.TryGetValue(r.Thread, out int t) ? _labels[t] : null;
        }
        var w = window ?? TrendWindows.Auto(n == 0 ? null : times.Min(), n == 0 ? null : times.Max());
        return (w, TrendWindows.Length(w), ActivityForecaster.Forecast(times, series, TextLayer.All, TrendWindows.Length(w)));
    }

    /// <summary>
    /// Sentiment, topic and language counts per <paramref name="options"/>' window and time zone, with the batch text
    /// layer's decisions over every post held; <paramref name="languages"/> are the identifier's languages (the mix).
    /// </summary>
    public TextWindowsState Windows(BehaviourOptions options, IReadOnlyList<string> languages)
    {
        ArgumentNullException.ThrowIfNull(options);
        int n = _rows.Count;
        var (guesses, reading, threadTopic) = Decide(languages);
        var windows = new TextWindowsState(options.Window);
        for (int i = 0; i < n; i++)
        {
            var r = _rows[i];
            bool all = reading[i] == DutchReading.All, read = reading[i] != DutchReading.None;
            string? topic = read && threadTopic.TryGetValue(r.Thread, out int t) ? _labels[t] : null;
            var facts = new PostTextFacts(read, read ? r.Sentiment : null, topic, all && r.Complaint >= 0 ? _labels[r.Complaint] : null, all && r.HasPlaces, guesses[i].Language);
            var utc = new DateTime(r.Ticks, DateTimeKind.Utc);
            long local = r.Ticks + options.TimeZone.GetUtcOffset(utc).Ticks;
            windows.Add((int)(local / TimeSpan.TicksPerDay), facts);
        }
        return windows;
    }

    /// <summary>The compact form.</summary>
    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms))
        {
            w.Write((byte)1);
            w.Write(_labels.Count); foreach (var l in _labels) w.Write(l);
            w.Write(_rows.Count);
            foreach (var r in _rows)
            {
                w.Write(r.Language); w.Write(r.Confidence); w.Write((byte)r.Sentiment); w.Write(r.Topic); w.Write(r.Complaint);
                w.Write(r.HasPlaces); w.Write(r.Ticks); w.Write(r.Thread);
            }
            foreach (var id in _ids) w.Write(id);
        }
        return ms.ToArray();
    }

    /// <summary>A state from its compact form (empty bytes: an empty state); <see cref="InvalidDataException"/> when malformed.</summary>
    public static LiveTextState FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var s = new LiveTextState();
        if (bytes.Length == 0) return s;
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes));
            if (r.ReadByte() != 1) throw new InvalidDataException("text state: unknown version");
            int labels = StateFormat.ReadCount(r, 100_000_000, "labels");
            for (int i = 0; i < labels; i++) s.Label(r.ReadString());
            int rows = StateFormat.ReadCount(r, 100_000_000, "text rows");
            for (int i = 0; i < rows; i++)
            {
                var row = new Row(r.ReadInt32(), r.ReadDouble(), (SentimentLabel)r.ReadByte(), r.ReadInt32(), r.ReadInt32(), r.ReadBoolean(), r.ReadInt64(), r.ReadInt32());
                if ((uint)row.Language >= (uint)labels || row.Topic >= labels || row.Complaint >= labels || (uint)row.Thread >= (uint)labels
                    || !Enum.IsDefined(row.Sentiment)) throw new InvalidDataException("text state: label out of range");
                s._rows.Add(row);
            }
            for (int i = 0; i < rows; i++) s._ids.Add(r.ReadString());
            return s;
        }
        catch (EndOfStreamException e) { throw new InvalidDataException("text state: truncated", e); }
    }
}
