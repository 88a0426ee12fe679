using Polder.Behaviour;
using Polder.Behaviour.States;
using Polder.Community;
using Polder.Community.Reading;
using Polder.Language;
using Polder.Sentiment;
using Polder.Text;

namespace Polder.Analysis;

/// <summary>
/// <c>polder analyze --stream</c> (docs/streaming.md): the analysis of a file without holding its posts. Read 1 feeds
/// the mergeable <see cref="CommunityState"/> (behaviour, network links) and, per batch, identifies each post's language
/// and predicts its topic (the topic of a thread is known only when all its posts are); the batch's texts and documents
/// are dropped. Then the community's language mix decides which posts the Dutch layers read, as in the in-memory text
/// layer. Read 2 reads the same records again, batch by batch: sentiment, complaint categories and places, the posts
/// table rows (handed to <c>posts</c> as they are made) and the aggregates; meanwhile the state waits in a temporary
/// file. Then the network's graph from the state, the behaviour report (the state retires into it), and the graph's
/// analysis once the state is dropped. Memory: the state, 18 bytes a post (language guess, topic, thread topic) and
/// one batch, never all three at once, nor the state with the network's working memory (docs/streaming.md).
/// Forecasts need every post and are not made.
/// </summary>
internal static class StreamingAnalysis
{
    /// <summary>
    /// Posts read and analysed together (also the posts table's Parquet row group). Small enough that a batch's posts,
    /// texts and documents die young instead of being promoted to the oldest generation while the batch is worked on.
    /// </summary>
    public const int BatchSize = 1 << 14;

    public static CommunityAnalysis Run(AnalysisOptions o, Func<Stream> open, string sourceName, string extension, PostMapping mapping,
        Action<IReadOnlyList<PostAnalysis>>? posts, IProgress<AnalysisProgress>? progress, CancellationToken ct, System.Diagnostics.Stopwatch sw)
    {
        var layers = o.Layers;
        bool textLayer = (layers & AnalysisLayers.Text) != 0;
        TextAnalyzer? analyzer = null;
        if (textLayer)
        {
            try { analyzer = TextAnalyzer.From(o); }
            catch (InvalidDataException e) { throw new PolderInputException("the embedded topic model cannot be read: " + e.Message, inner: e); }
        }
        var garbage = new HeapCompaction.Bound(HeapCompaction.GarbageBound);
        var stateOptions = new BehaviourOptions { Window = o.Window, OrganisationIds = o.OrganisationIds, Municipalities = o.Municipalities, TimeZone = o.TimeZone };
        var state = new CommunityState(stateOptions);

        // ---- read 1: the state; per post the language guess and the topic (16 bytes; the time and the thread are in
        // the state's links, by the same index: the state holds exactly the kept posts, in the same order)
        var guesses = new GuessColumn();
        var duplicates = new HashSet<long>();
        var duplicateIssues = new List<(long Line, string Id)>();
        long ordinal = 0;
        var report = Read(o, open, sourceName, extension, mapping, (batch, first) =>
        {
            ct.ThrowIfCancellationRequested();
            var kept = new List<PostRecord>(batch.Count);
            for (int i = 0; i < batch.Count; i++)
            {
                if (state.Add(batch[i])) { kept.Add(batch[i]); continue; }
                duplicates.Add(first + i);
                duplicateIssues.Add((batch[i].Line, batch[i].Post.Id));
            }
            if (analyzer is not null)
            {
                var g = new LanguageGuess[kept.Count];
                var t = new (string?, float)[kept.Count];
                Parallel.For(0, kept.Count, new ParallelOptions { CancellationToken = ct }, i =>
                {
                    var document = TextDocument.Create(kept[i].Post.TitleAndText);
                    g[i] = analyzer.Languages.Identify(document);
                    var tp = analyzer.Topics.Predict(document, 1);
                    t[i] = (tp.Label, tp.Confidence);
                });
                for (int i = 0; i < kept.Count; i++) guesses.Add(g[i], t[i]);
            }
            progress?.Report(new AnalysisProgress("reading", 0, CommunityAnalyzer.Steps, $"{ordinal += batch.Count:N0} rows"));
            garbage.Check();
        }, ct);
        foreach (var (line, id) in duplicateIssues)
        {
            // as CommunityLoader.Build: a repeated id moves its row from accepted to rejected
            var issue = new Polder.Community.Reading.ReadIssue(report.File, line, "id", $"duplicate id '{Polder.Community.Reading.RowConverter.Clip(id)}'");
            report.Demote(issue);
            if (o.Read.Policy == Polder.Community.Reading.ReadPolicy.FailFast) throw new Polder.Community.Reading.CommunityReadException(issue);
        }
        var read = ReadSummary.From(report);
        if (state.Posts == 0)
        {
            var firstIssue = read.Issues.FirstOrDefault();
            if (read.RowsRead == 0) throw new PolderInputException("no posts: the input has a header but no data rows", sourceName, 2);
            throw new PolderInputException($"no usable posts: all {read.RowsRead:N0} rows were rejected (first: {firstIssue?.Reason ?? "unknown"})",
                sourceName, firstIssue?.Line, firstIssue?.Field);
        }
        DateTimeOffset? firstPost = state.Counts.FirstPost, lastPost = state.Counts.LastPost;
        var trendWindow = o.TrendWindow ?? TrendWindows.Auto(firstPost, lastPost);

        // ---- text: decide with the community's language mix, then read 2
        TextAggregates? text = null;
        if (analyzer is not null)
        {
            progress?.Report(new AnalysisProgress("text", 1, CommunityAnalyzer.Steps));
            int n = guesses.Count;
            var mix = LanguageMix.Of(guesses.Languages(), analyzer.Languages.Languages);
            bool anyDutch = false;
            for (int i = 0; i < n; i++) { var d = TextLanguages.Decide(guesses.Language(i), mix); guesses.SetLanguage(i, d); anyDutch |= d.IsDutch; }
            var links = state.Links;
            // a thread is about what its first analysed post is about (time order; ties: input order)
            // per thread its first analysed post + 1 (0: none): 4 bytes a thread, where a dictionary took ~60
            var threadFirst = new int[state.Threads.Count];
            for (int i = 0; i < n; i++)
            {
                if (TextLanguages.ReadingOf(guesses.Language(i), anyDutch) != DutchReading.All || guesses.Topic(i).Label is null) continue;
                var l = links[i];
                int f = threadFirst[l.Thread];
                if (f == 0 || l.Ticks < links[f - 1].Ticks) threadFirst[l.Thread] = i + 1;
            }
            for (int i = 0; i < n; i++) guesses.SetThreadTopic(i, threadFirst[links[i].Thread] is var f and > 0 ? guesses.TopicIndex(f - 1) : (ushort)0);
            threadFirst = null!;
            links = null!;
            // read 2 needs nothing more of the state: it waits in a temporary file (deleted when closed), so the second
            // read holds the per-post columns, the reader's batch and the models only (10M posts: ~700 MB on disk)
            using var spill = new FileStream(Path.Combine(Path.GetTempPath(), "polder-state-" + Guid.NewGuid().ToString("N") + ".bin"), FileMode.CreateNew,
                FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            state.WriteTo(spill);
            var knownActors = state.Actors;   // the second read's authors are these actors, not a second copy
            state = null!;
            HeapCompaction.Compact();
            text = new TextAggregates(trendWindow, o.TimeZone);
            int index = 0;
            long seen = 0;
            Read(o, open, sourceName, extension, mapping, (batch, first) =>
            {
                ct.ThrowIfCancellationRequested();
                var kept = new List<PostRecord>(batch.Count);
                for (int i = 0; i < batch.Count; i++) if (!duplicates.Contains(first + i)) kept.Add(batch[i]);
                var result = new PostAnalysis[kept.Count];
                int start = index;
                Parallel.For(0, kept.Count, new ParallelOptions { CancellationToken = ct }, i =>
                {
                    int k = start + i;
                    var p = kept[i].Post;
                    var guess = guesses.Language(k);
                    var reading = TextLanguages.ReadingOf(guess, anyDutch);
                    SentimentLabel? label = null; double? score = null;
                    string? topic = null; float confidence = 0; string? complaint = null;
                    IReadOnlyList<string> evidence = []; IReadOnlyList<Polder.Places.PlaceMention> places = [];
                    if (reading != DutchReading.None)
                    {
                        var document = TextDocument.Create(p.TitleAndText);
                        double s = analyzer.Sentiment.Score(document);
                        score = s; label = analyzer.Sentiment.LabelOf(s);
                        if (reading == DutchReading.All)
                        {
                            (topic, confidence) = guesses.Topic(k);
                            (complaint, evidence) = analyzer.ComplaintWithEvidence(document);
                            places = analyzer.Places.Find(document);
                        }
                    }
                    result[i] = new PostAnalysis(p.Id, p.AuthorId, CommunityState.ThreadIdOf(p), p.Time, p.Kind, label, score, topic, confidence,
                        label is null ? null : guesses.ThreadTopic(k), complaint, places, guess.Language, guess.Confidence)
                    {
                        ComplaintEvidence = evidence,
                        IsAnalysed = label is not null,
                    };
                });
                index += kept.Count;
                foreach (var r in result) text.Add(r);
                posts?.Invoke(result);
                progress?.Report(new AnalysisProgress("text", 1, CommunityAnalyzer.Steps, $"{seen += batch.Count:N0} / {ordinal:N0} posts"));
                garbage.Check();
            }, ct, id => knownActors.IndexOf(id) is var a and >= 0 ? knownActors[a] : null);
            guesses.Release();   // read 2 was its last reader: the behaviour and network steps need the room
            knownActors = null!;
            HeapCompaction.Compact();
            spill.Position = 0;
            state = CommunityState.ReadFrom(spill, stateOptions);
        }

        // ---- behaviour and network from the state
        ct.ThrowIfCancellationRequested();
        // the reads leave the batches' garbage in the old generations; the report and the graph allocate on top of it,
        // so one compacting collection here lowers the peak resident memory (docs/streaming.md)
        HeapCompaction.Compact();
        // the network's graph first, while the state has its lookups; then the report, during which the state retires
        // (drops its lookups, collections between its phases); the state goes before the graph is analysed, whose working
        // memory (undirected view, Leiden, PageRank) is the largest of all and so never sits beside it (10M posts:
        // network beside the state 1.8 GB)
        progress?.Report(new AnalysisProgress("network", 2, CommunityAnalyzer.Steps, "graph"));
        var graph = (layers & AnalysisLayers.Network) != 0 ? StateInteractionGraph.Of(state) : null;
        HeapCompaction.Compact();
        progress?.Report(new AnalysisProgress("behaviour", 3, CommunityAnalyzer.Steps));
        BehaviourReport? behaviour = (layers & AnalysisLayers.Behaviour) != 0 ? state.RetireIntoReport(HeapCompaction.Compact) : null;
        var actors = state.Actors;   // the network's actors' roles
        long postCount = state.Posts;
        state = null!;   // done with: what follows reuses its room
        HeapCompaction.Compact();
        progress?.Report(new AnalysisProgress("network", 3, CommunityAnalyzer.Steps, "communities and centrality"));
        NetworkAnalysis? network = graph is null ? null
            : NetworkLayer.Run(graph, id => actors.IndexOf(id) is var a and >= 0 ? actors[a].Role : ActorRole.Unknown, o);
        graph = null;
        HeapCompaction.Compact();
        IReadOnlyList<ResponseTimeDistribution> responseTimes = behaviour is null ? [] : ResponseTimes.Of(behaviour);
        ActivityRhythm? rhythm = behaviour is null ? null : new ActivityRhythm(behaviour.HourOfWeek.ToArray());

        progress?.Report(new AnalysisProgress("summary", 5, CommunityAnalyzer.Steps));
        var analysis = new CommunityAnalysis
        {
            Source = sourceName,
            Options = o,
            Read = read,
            Posts = [],
            Streamed = text?.Counts,
            Topics = text?.Topics() ?? [],
            Complaints = text?.Complaints() ?? [],
            SentimentTrend = text?.Trend() ?? [],
            Languages = text?.Languages() ?? [],
            TrendWindow = trendWindow,
            Behaviour = behaviour,
            ResponseTimes = responseTimes,
            Rhythm = rhythm,
            Network = network,
            Forecasts = null,
            KeyFigures = [],
            FirstPost = firstPost,
            LastPost = lastPost,
        };
        analysis = analysis with { KeyFigures = KeyFigureBuilder.Of(analysis, postCount), Elapsed = sw.Elapsed };
        progress?.Report(new AnalysisProgress("done", CommunityAnalyzer.Steps, CommunityAnalyzer.Steps));
        return analysis;
    }

    /// <summary>Reads the file once, handing batches of accepted records (with the ordinal of the batch's first record) to <paramref name="batch"/>.</summary>
    private static Polder.Community.Reading.ReadReport Read(AnalysisOptions o, Func<Stream> open, string sourceName, string extension, PostMapping mapping,
        Action<List<PostRecord>, long> batch, CancellationToken ct, Func<string, Actor?>? knownActors = null)
    {
        using var stream = open();
        var records = Polder.Community.Reading.CommunityLoader.Read(stream, sourceName, extension, mapping, o.Read with { KnownActors = knownActors }, out var report);
        int size = Math.Max(1, o.StreamBatchSize);
        var buffer = new List<PostRecord>(size);
        long first = 0;
        foreach (var r in records)
        {
            buffer.Add(r);
            if (buffer.Count == size) { batch(buffer, first); first += buffer.Count; buffer = new List<PostRecord>(size); }
        }
        if (buffer.Count > 0) batch(buffer, first);
        return report;
    }

    /// <summary>
    /// Per post the language guess and the predicted topic in 16 bytes: the language and the topic label as indexes into
    /// small tables (a model has a few labels), the confidences as they are (the language confidence is written out).
    /// </summary>
    private sealed class GuessColumn
    {
        private struct Guess
        {
            public double LanguageConfidence;
            public float TopicConfidence;
            public ushort Language, Topic;   // topic 0: none
        }

        private readonly ChunkedColumn<Guess> _guesses = new();
        private readonly ChunkedColumn<ushort> _threadTopics = new();   // per post its thread's topic (0: none), set before read 2
        private readonly List<string?> _languages = [];
        private readonly List<string?> _topics = [null];
        private readonly Dictionary<string, ushort> _languageIndex = new(StringComparer.Ordinal), _topicIndex = new(StringComparer.Ordinal);

        public int Count => _guesses.Count;

        public void Add(LanguageGuess language, (string? Label, float Confidence) topic) =>
            _guesses.Add(new Guess
            {
                LanguageConfidence = language.Confidence, Language = Intern(_languageIndex, _languages, language.Language),
                TopicConfidence = topic.Confidence, Topic = topic.Label is null ? (ushort)0 : Intern(_topicIndex, _topics, topic.Label),
            });

        public LanguageGuess Language(int i) { var g = _guesses[i]; return new LanguageGuess(_languages[g.Language]!, g.LanguageConfidence); }

        public void SetLanguage(int i, LanguageGuess language)
        {
            var g = _guesses[i];
            g.Language = Intern(_languageIndex, _languages, language.Language); g.LanguageConfidence = language.Confidence;
            _guesses[i] = g;
        }

        public (string? Label, float Confidence) Topic(int i) { var g = _guesses[i]; return (_topics[g.Topic], g.TopicConfidence); }

        public ushort TopicIndex(int i) => _guesses[i].Topic;

        /// <summary>Sets post <paramref name="i"/>'s thread topic (a <see cref="TopicIndex"/>; posts in order from 0).</summary>
        public void SetThreadTopic(int i, ushort topic)
        {
            if (i != _threadTopics.Count) throw new InvalidOperationException("thread topics are set in post order");
            _threadTopics.Add(topic);
        }

        public string? ThreadTopic(int i) => _topics[_threadTopics[i]];

        public IEnumerable<LanguageGuess> Languages() { for (int i = 0; i < Count; i++) yield return Language(i); }

        public void Release() { _guesses.Clear(); _threadTopics.Clear(); }

        private static ushort Intern(Dictionary<string, ushort> index, List<string?> labels, string label)
        {
            if (index.TryGetValue(label, out ushort k)) return k;
            if (labels.Count > ushort.MaxValue) throw new InvalidOperationException("more than 65,535 language or topic labels");
            index[label] = k = (ushort)labels.Count;
            labels.Add(label);
            return k;
        }
    }
}
