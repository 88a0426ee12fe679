using System.Diagnostics;
using Polder.Behaviour;
using Polder.Community;
using Polder.Community.Reading;

namespace Polder.Analysis;

/// <summary>
/// The whole pipeline in one call, as <c>polder analyze</c> runs it: read a community (a file, a stream, posts in
/// memory or the embedded sample), then the text layer (sentiment, topics, complaint categories, places), behaviour and
/// webcare metrics, the interaction network and the forecasts, into one immutable <see cref="CommunityAnalysis"/>.
/// Every building block stays usable on its own (<see cref="Polder.Sentiment.SentimentAnalyzer"/>,
/// <see cref="BehaviourAnalyzer"/>, <see cref="Polder.Networks.Leiden"/> …). Thread-safe: one analyser can run many
/// analyses at once.
/// </summary>
/// <remarks>
/// Mistakes in the input (a missing file, a column the mapping needs, an input without usable posts, a corrupt model
/// file) raise <see cref="PolderInputException"/>; cancellation raises <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class CommunityAnalyzer
{
    private static readonly Lazy<CommunityAnalyzer> LazyDefault = new(() => new CommunityAnalyzer());

    /// <summary>Creates an analyser with <paramref name="options"/> (the defaults when null).</summary>
    public CommunityAnalyzer(AnalysisOptions? options = null) => Options = options ?? AnalysisOptions.Default;

    /// <summary>The analyser with the default options and the embedded models.</summary>
    public static CommunityAnalyzer Default => LazyDefault.Value;

    /// <summary>The options.</summary>
    public AnalysisOptions Options { get; }

    private const string ReadStage = "reading";

    /// <summary>Analyses the community in a file (.csv/.tsv/.txt delimited text, .jsonl/.ndjson, .parquet).</summary>
    public CommunityAnalysis AnalyzeFile(string path, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) throw new PolderInputException("is a directory, not a file", path);
        if (!File.Exists(path)) throw new PolderInputException("file not found", path);
        if (Options.Streaming) return AnalyzeFile(path, null, progress, cancellationToken);
        return Analyze(OpenFile(path), Path.GetFileName(path), Path.GetExtension(path), progress, cancellationToken);
    }

    /// <summary>
    /// Analyses the community in a file as a stream (<see cref="AnalysisOptions.Streaming"/>, docs/streaming.md),
    /// whatever the options say: the file is read twice and its posts are never held; each batch of the posts' text
    /// analyses is handed to <paramref name="posts"/> (null: dropped) in file order, and the result's
    /// <see cref="CommunityAnalysis.Posts"/> is empty.
    /// </summary>
    public CommunityAnalysis AnalyzeFile(string path, Action<IReadOnlyList<PostAnalysis>>? posts, IProgress<AnalysisProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) throw new PolderInputException("is a directory, not a file", path);
        if (!File.Exists(path)) throw new PolderInputException("file not found", path);
        var sw = Stopwatch.StartNew();
        string name = Path.GetFileName(path), ext = Extension(Path.GetExtension(path));
        return Translated(name, () =>
        {
            var mapping = MappingFor(OpenFile(path), ext, name, dispose: true);
            return StreamingAnalysis.Run(Options, () => OpenFile(path), name, ext, mapping, posts, progress, cancellationToken, sw);
        });
    }

    private static Stream OpenFile(string path)
    {
        try { return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new PolderInputException("cannot be opened: " + e.Message, path, inner: e); }
    }

    private static string Extension(string? extension)
    {
        var ext = (extension ?? "").ToLowerInvariant();
        return ext.Length > 0 && ext[0] != '.' ? "." + ext : ext;
    }

    /// <summary>The options' mapping, or the one the header line names; keeps the words when a text layer needs them.</summary>
    private PostMapping MappingFor(Stream stream, string ext, string sourceName, bool dispose)
    {
        try
        {
            var mapping = Options.Mapping;
            if (mapping is null)
            {
                mapping = CommunityFormats.PolderCsv;
                if (ext is ".csv" or ".tsv" or ".txt" or "" && stream.CanSeek)
                {
                    var header = CommunityFormats.HeaderLine(stream);
                    stream.Position = 0;
                    if (header.Trim().Length == 0) throw new PolderInputException("the file is empty: no header line and no posts", sourceName, 1);
                    mapping = CommunityFormats.Detect(header);
                }
            }
            // the text layer needs the words; behaviour alone does not
            return mapping with { KeepText = (Options.Layers & (AnalysisLayers.Text | AnalysisLayers.Forecasts)) != 0 || mapping.KeepText };
        }
        finally { if (dispose) stream.Dispose(); }
    }

    /// <summary>Runs <paramref name="read"/>, turning read failures into <see cref="PolderInputException"/>.</summary>
    private static T Translated<T>(string sourceName, Func<T> read)
    {
        try { return read(); }
        catch (CommunityReadException e)
        {
            throw new PolderInputException(e.Issue.Reason, e.Issue.File, e.Issue.Line == 0 ? null : e.Issue.Line, e.Issue.Field, e);
        }
        catch (Exception e) when (e is not (PolderInputException or OperationCanceledException or OutOfMemoryException))
        {
            // whatever a reader throws on a damaged file (Parquet, JSON, I/O …) is an input problem for the user
            throw new PolderInputException("cannot be read: " + e.Message, sourceName, inner: e);
        }
    }

    /// <summary>Analyses the sample community embedded in the library (see <see cref="SampleCommunity"/>).</summary>
    public CommunityAnalysis AnalyzeSample(IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Analyze(SampleCommunity.Open(), SampleCommunity.SourceName, ".csv", progress, cancellationToken);

    /// <summary>
    /// Analyses the community in <paramref name="stream"/> (disposed at the end); <paramref name="extension"/> (".csv",
    /// ".tsv", ".jsonl", ".parquet" …) picks the reader, <paramref name="sourceName"/> names the source in messages.
    /// </summary>
    public CommunityAnalysis Analyze(Stream stream, string sourceName, string extension, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        var sw = Stopwatch.StartNew();
        var (community, read) = Load(stream, sourceName, extension, progress, cancellationToken);
        HeapCompaction.AfterStage(community.Posts.Count);
        return Run(community, read, sourceName, progress, cancellationToken, sw);
    }

    /// <summary>
    /// Analyses posts given in memory (any order; a repeated id is rejected as a duplicate). <paramref name="actors"/>
    /// optionally describes the authors (role, attributes); authors not described get the role unknown.
    /// </summary>
    public CommunityAnalysis Analyze(IEnumerable<Post> posts, IEnumerable<Actor>? actors = null, string sourceName = "posts",
        IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var sw = Stopwatch.StartNew();
        var builder = new CommunityBuilder();
        if (actors is not null) foreach (var a in actors) builder.AddActor(a);
        long seen = 0, duplicates = 0;
        var issues = new List<ReadIssue>();
        foreach (var p in posts)
        {
            seen++;
            if ((seen & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (!builder.Add(p))
            {
                duplicates++;
                if (issues.Count < Options.Read.MaxIssuesKept) issues.Add(new ReadIssue(sourceName, seen, "id", $"duplicate id '{p.Id}'"));
            }
        }
        var community = builder.Build();
        var read = ReadSummary.InMemory(sourceName, seen, duplicates, issues);
        return Run(community, read, sourceName, progress, cancellationToken, sw);
    }

    /// <summary>Analyses a community that is already built; <paramref name="read"/> describes how it was read (when known).</summary>
    public CommunityAnalysis Analyze(OnlineCommunity community, ReadSummary? read = null, string sourceName = "community",
        IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        read ??= ReadSummary.InMemory(sourceName, community.Posts.Count, 0, []);
        return Run(community, read, sourceName, progress, cancellationToken, Stopwatch.StartNew());
    }

    /// <summary>
    /// Reads and builds a community from a stream (disposed at the end) with this analyser's mapping and read options,
    /// turning read failures into <see cref="PolderInputException"/>. Used by the Analyze methods; public for callers
    /// that want the community itself.
    /// </summary>
    public (OnlineCommunity Community, ReadSummary Read) Load(Stream stream, string sourceName, string extension,
        IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var ext = Extension(extension);
        try
        {
            return Translated(sourceName, () =>
            {
                progress?.Report(new AnalysisProgress(ReadStage, 0, Steps));
                var mapping = MappingFor(stream, ext, sourceName, dispose: false);
                var records = CommunityLoader.Read(stream, sourceName, ext, mapping, Options.Read, out var report);
                long k = 0;
                var tracked = records.Select(r =>
                {
                    if ((++k & 4095) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        progress?.Report(new AnalysisProgress(ReadStage, 0, Steps, $"{k:N0} rows"));
                    }
                    return r;
                });
                var community = CommunityLoader.Build(tracked, report, Options.Read.Policy);
                var read = ReadSummary.From(report);
                if (community.Posts.Count == 0)
                {
                    var first = read.Issues.FirstOrDefault();
                    if (read.RowsRead == 0) throw new PolderInputException("no posts: the input has a header but no data rows", sourceName, 2);
                    throw new PolderInputException($"no usable posts: all {read.RowsRead:N0} rows were rejected (first: {first?.Reason ?? "unknown"})",
                        sourceName, first?.Line, first?.Field);
                }
                return (community, read);
            });
        }
        finally
        {
            stream.Dispose();
        }
    }


    internal const int Steps = 6; // reading, text, behaviour, network, forecasts, summary

    private CommunityAnalysis Run(OnlineCommunity community, ReadSummary read, string source, IProgress<AnalysisProgress>? progress, CancellationToken ct, Stopwatch sw)
    {
        var o = Options;
        var layers = o.Layers;
        ct.ThrowIfCancellationRequested();
        var posts = community.Posts;
        DateTimeOffset? first = posts.Count > 0 ? posts[0].Time : null, last = posts.Count > 0 ? posts[^1].Time : null;
        var trendWindow = o.TrendWindow ?? TrendWindows.Auto(first, last);

        progress?.Report(new AnalysisProgress("text", 1, Steps));
        TextLayerResult text = TextLayerResult.Empty;
        var discovered = TopicDiscoveryLayerResult.Empty;
        if ((layers & AnalysisLayers.Text) != 0)
        {
            TextAnalyzer analyzer;
            try { analyzer = TextAnalyzer.From(o); }
            catch (InvalidDataException e) { throw new PolderInputException("the embedded topic model cannot be read: " + e.Message, inner: e); }
            text = TextLayer.Run(community, analyzer, trendWindow, o.TimeZone, progress, ct, o.Seed);
            discovered = TopicDiscoveryLayer.Summarise(text.Discovery, text.Posts);
            text = text with { Discovery = null }; // its per-post assignments are summarised now
            HeapCompaction.AfterStage(community.Posts.Count);
        }

        ct.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("behaviour", 2, Steps));
        BehaviourReport? behaviour = null;
        IReadOnlyList<ResponseTimeDistribution> responseTimes = [];
        ActivityRhythm? rhythm = null;
        if ((layers & AnalysisLayers.Behaviour) != 0)
        {
            behaviour = BehaviourAnalyzer.Analyze(community, new BehaviourOptions
            {
                Window = o.Window, OrganisationIds = o.OrganisationIds, Municipalities = o.Municipalities, TimeZone = o.TimeZone,
            });
            responseTimes = ResponseTimes.Of(behaviour);
            rhythm = new ActivityRhythm(behaviour.HourOfWeek.ToArray());
        }

        ct.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("network", 3, Steps));
        NetworkAnalysis? network = (layers & AnalysisLayers.Network) != 0 ? NetworkLayer.Run(community, o) : null;

        ct.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("forecasts", 4, Steps));
        ForecastSet? forecasts = (layers & AnalysisLayers.Forecasts) != 0 ? ForecastLayer.Run(community, text.Posts, trendWindow, o, ct) : null;

        progress?.Report(new AnalysisProgress("summary", 5, Steps));
        var analysis = new CommunityAnalysis
        {
            Source = source,
            Options = o,
            Read = read,
            Posts = text.Posts,
            Topics = text.Topics,
            DiscoveredTopics = discovered.Topics,
            PostDiscoveredTopics = discovered.PostTopics,
            ThemeModel = discovered.Themes,
            Complaints = text.Complaints,
            SentimentTrend = text.Trend,
            Languages = text.Languages,
            TrendWindow = trendWindow,
            Behaviour = behaviour,
            ResponseTimes = responseTimes,
            Rhythm = rhythm,
            Network = network,
            Forecasts = forecasts,
            KeyFigures = [],
            FirstPost = first,
            LastPost = last,
        };
        analysis = analysis with { KeyFigures = KeyFigureBuilder.Of(analysis, community.Posts.Count), Elapsed = sw.Elapsed };
        progress?.Report(new AnalysisProgress("done", Steps, Steps));
        return analysis;
    }
}
