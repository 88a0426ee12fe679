using System.Globalization;
using Polder.Analysis;
using Polder.Analysis.Reporting;
using Polder.Behaviour;
using Polder.Community.Reading;
using Spectre.Console;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder analyze [FILE] [--out DIR]</c>: runs the whole pipeline (text, sentiment, topics, places, behaviour and
/// webcare, network, forecasts) over a community — the embedded sample when no FILE is given — prints a summary and
/// writes report.html, summary.json and every table as CSV and Parquet to DIR.
/// </summary>
public sealed class AnalyzeCommand : ICliCommand
{
    /// <inheritdoc/>
    public string Name => "analyze";

    /// <inheritdoc/>
    public string Summary => "the whole pipeline over a community → report.html, summary.json, CSV/Parquet tables (no FILE: a simulated community)";

    /// <inheritdoc/>
    public int Run(CliContext context)
    {
        var a = context.Args;
        if (a.Positional.Count > 1) throw new CliUsageException("give at most one input file");
        string? file = a.Positional.Count == 1 ? a.Positional[0] : null;
        var outDir = a.Option("out");
        var window = Window(a.Option("window", "month")!, "window");
        TimeWindow? trend = a.Option("trend-window") is { } tw ? Window(tw, "trend-window") : null;
        var policy = (a.Option("policy", "skip")!.ToLowerInvariant()) switch
        {
            "skip" => ReadPolicy.SkipAndReport, "fail" => ReadPolicy.FailFast,
            var p => throw new CliUsageException($"--policy: '{p}' is not skip or fail"),
        };
        var formatName = a.Option("format");
        var almanak = a.Option("almanak");
        var topicModel = a.Option("topic-model");
        int seed = a.Int("seed", 42);
        var orgs = (a.Option("org") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        PostMapping? mapping = null;
        if (formatName is not null) mapping = CommunityFormats.ByName(formatName) ?? throw new CliUsageException($"--format: unknown format '{formatName}' (polder, reddit, political-tweets)");
        if (file is not null) InputFile.Require(file);
        if (almanak is not null) InputFile.Require(almanak);

        var options = new AnalysisOptions
        {
            Window = window,
            TrendWindow = trend,
            OrganisationIds = orgs,
            Municipalities = almanak is null ? null : MunicipalitySizes.LoadAlmanak(almanak),
            Seed = seed,
            Mapping = mapping,
            Read = ReadOptions.Default with { Policy = policy },
            Topics = topicModel is null ? null : ModelFiles.LoadTopicClassifier(topicModel),
        };
        bool stream = a.Flag("stream");
        if (stream && file is null) throw new CliUsageException("--stream needs a FILE");
        var analyzer = new CommunityAnalyzer(options with { Streaming = stream });
        // streaming: the posts table is written batch by batch while the file is read
        using var postsTable = stream && outDir is not null ? new TableFileWriter(outDir, "posts", AnalysisTables.PostColumns) : null;
        CommunityAnalysis Analyze(IProgress<AnalysisProgress>? progress) =>
            file is null ? analyzer.AnalyzeSample(progress)
            : stream ? analyzer.AnalyzeFile(file, postsTable is null ? null : batch => postsTable.Write(batch.Select(AnalysisTables.PostRow).ToList()), progress)
            : analyzer.AnalyzeFile(file, progress);

        CommunityAnalysis analysis;
        // the progress bar goes to the terminal's stderr, and only when that is a terminal (never in tests or pipes)
        bool interactive = ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected;
        if (interactive)
        {
            var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes });
            CommunityAnalysis? result = null;
            err.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("lezen", maxValue: 100);
                    result = Analyze(new SyncProgress(p =>
                    {
                        task.Description = StageName(p.Stage) + (p.Detail is null ? "" : " " + p.Detail);
                        task.Value = p.Fraction * 100;
                    }));
                    task.Value = 100;
                });
            analysis = result!;
        }
        else if (Environment.GetEnvironmentVariable("POLDER_TRACE_MEMORY") is "1" or "live" or "steps")
        {
            // diagnostics (docs/streaming.md): memory at each stage on stderr; "live" also forces a full collection
            // to show the live heap, which lowers the peak it measures; "steps" prints at every progress step (batch)
            bool live = Environment.GetEnvironmentVariable("POLDER_TRACE_MEMORY") == "live";
            bool steps = Environment.GetEnvironmentVariable("POLDER_TRACE_MEMORY") == "steps";
            string last = "";
            var clock = System.Diagnostics.Stopwatch.StartNew();
            analysis = Analyze(new SyncProgress(p =>
            {
                if (p.Stage == last && !steps) return;
                last = p.Stage;
                using var self = System.Diagnostics.Process.GetCurrentProcess();
                Console.Error.WriteLine(FormattableString.Invariant(
                    $"{clock.Elapsed.TotalSeconds,7:0.0}s {p.Stage,-10}{(steps ? " " + p.Detail : "")} rss {Environment.WorkingSet / 1e6,6:0} MB  peak {self.PeakWorkingSet64 / 1e6,6:0} MB  heap {GC.GetTotalMemory(false) / 1e6,6:0} MB")
                    + (live ? FormattableString.Invariant($"  live {GC.GetTotalMemory(true) / 1e6,6:0} MB") : ""));
            }));
        }
        else analysis = Analyze(null);
        InputFile.RequireValidUtf8(analysis.Read);   // before any output: a wrongly encoded file is an error, not a skipped row
        // The community the analysis was made from is garbage now (on a million posts half the heap): collect it before
        // the output, which then reuses that memory instead of growing the process (peak resident memory, issue 17).
        GC.Collect();

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.No,
        });
        Print(console, analysis);
        if (outDir is not null)
        {
            var files = AnalysisOutput.WriteAll(analysis, outDir);
            console.MarkupLine($"wrote {files.Count} files to [bold]{Markup.Escape(outDir)}[/] (open {Markup.Escape(Path.Combine(outDir, "report.html"))})");
        }
        return 0;
    }

    private static string StageName(string stage) => stage switch
    {
        "reading" => "lezen", "text" => "tekst", "behaviour" => "gedrag", "network" => "netwerk", "forecasts" => "voorspellingen",
        "summary" => "samenvatten", _ => "klaar",
    };

    private static TimeWindow Window(string value, string option) => value.ToLowerInvariant() switch
    {
        "day" => TimeWindow.Day, "week" => TimeWindow.Week, "month" => TimeWindow.Month, "year" => TimeWindow.Year,
        var w => throw new CliUsageException($"--{option}: '{w}' is not day, week, month or year"),
    };

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and arrive late).</summary>
    private sealed class SyncProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        private readonly Lock _gate = new();
        public void Report(AnalysisProgress value) { lock (_gate) report(value); }
    }

    private static string F(double v, string format = "0.##") => double.IsNaN(v) ? "-" : v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A share key figure as the CLI prints it ("80.6%"; "-" when undefined or absent).</summary>
    private static string Pct(CommunityAnalysis analysis, string key) =>
        analysis.Figure(key) is { } k && !double.IsNaN(k.Value) ? F(100 * k.Value, "0.0") + "%" : "-";

    private static void Print(IAnsiConsole console, CommunityAnalysis analysis)
    {
        var read = analysis.Read;
        var t = new Table().Title("Polder community summary").AddColumn("metric").AddColumn(new Spectre.Console.TableColumn("value").RightAligned());
        void Row(string k, string v) => t.AddRow(Markup.Escape(k), Markup.Escape(v));
        Row("source", read.Source);
        Row("rows read / accepted / rejected", $"{read.RowsRead:N0} / {read.Accepted:N0} / {read.Rejected:N0}");
        if (analysis.Behaviour is { } r)
        {
            var fr = r.FirstResponse;
            Row("posts", r.Posts.ToString("N0", CultureInfo.InvariantCulture));
            Row("period", r.FirstPost is { } f && r.LastPost is { } l ? $"{f:yyyy-MM-dd} … {l:yyyy-MM-dd}" : "-");
            Row("actors (active)", $"{r.Actors:N0} ({r.ActiveActors:N0})");
            Row("threads (mean / median size, max depth)", $"{r.Threads:N0} ({F(r.MeanThreadSize)} / {F(r.MedianThreadSize)}, {r.MaxThreadDepth})");
            Row("replies (self-replies, unknown parents)", $"{r.Replies:N0} ({r.SelfReplies:N0}, {r.UnknownParentReplies:N0})");
            Row("first response: mode", r.ResponderMode.ToString());
            // the shares are the key figures themselves (docs/behaviour-metrics.md): one definition per word
            Row("conversations answered / unanswered (share)", $"{fr.Answered:N0} / {fr.Unanswered:N0} ({Pct(analysis, "conversations_answered_share")})");
            Row("first response mean / median / p90 (hours)", $"{F(fr.MeanHours)} / {F(fr.MedianHours)} / {F(fr.P90Hours)}");
            if (r.Organisations.Count > 0)
                Row("messages to organisations answered directly", $"{Pct(analysis, "organisation_inbound_answered_share")} of {r.OrganisationInbound:N0}");
            Row("messages to anyone answered directly", $"{Pct(analysis, "inbound_answered_share")} of {r.Inbound:N0}");
            Row("burstiness", F(r.Burstiness, "0.00"));
        }
        if (analysis.Posts.Count > 0)
        {
            Row("languages (read by the Dutch layers)", string.Join(", ", analysis.Languages.Take(4).Select(l => $"{l.Language} {l.Posts:N0}{(l.Analysed ? "" : " skipped")}"))
                + $" ({analysis.AnalysedPosts:N0} read)");
            Row("sentiment negative / positive (of posts read)", $"{F(100 * analysis.Figure("negative_share")!.Value, "0.0")}% / {F(100 * analysis.Figure("positive_share")!.Value, "0.0")}%");
            Row("largest topics", string.Join(", ", analysis.Topics.Take(3).Select(x => $"{x.Topic} ({x.Posts:N0})")));
            if (analysis.Complaints.Count > 0) Row("largest complaint categories", string.Join(", ", analysis.Complaints.Take(3).Select(x => $"{x.Topic} ({x.Posts:N0})")));
        }
        if (analysis.Network is { } n)
            Row("network: actors / links / communities (modularity)", $"{n.Nodes:N0} / {n.Edges:N0} / {n.Communities} ({F(n.Modularity, "0.00")})");
        if (analysis.Forecasts is { } fc)
        {
            if (fc.Activity.FirstOrDefault() is { } all)
                Row($"forecast: posts next {analysis.TrendWindow.ToString().ToLowerInvariant()} (80% interval)", $"{F(all.Forecast, "0")} ({F(all.Lower, "0")}–{F(all.Upper, "0")})");
            if (fc.Engagement is { } e)
                Row("open posts; reply model AUC on later posts", $"{e.Open.Count:N0}; {F(e.EvaluationAuc, "0.00")}");
        }
        console.Write(t);
        if (analysis.Behaviour is { } b)
        {
            var bands = new Table().Title("first response time bands").AddColumn("band").AddColumn(new Spectre.Console.TableColumn("conversations").RightAligned());
            for (int i = 0; i < b.FirstResponse.BandCounts.Count; i++) bands.AddRow(Markup.Escape(ResponseTimeBands.Labels[i]), b.FirstResponse.BandCounts[i].ToString("N0", CultureInfo.InvariantCulture));
            console.Write(bands);
            if (b.Organisations.Count > 0)
            {
                var o = new Table().Title("organisations").AddColumns("organisation", "community", "posts", "reply share", "messages answered", "conversations answered", "median h");
                foreach (var org in b.Organisations.Take(10))
                    o.AddRow(Markup.Escape(org.ActorId), org.CommunitySize.ToString(CultureInfo.InvariantCulture), org.Actor.Posts.ToString(CultureInfo.InvariantCulture),
                        F(org.Actor.ReplyShare * 100, "0") + "%", F(org.Actor.ResponseRate * 100, "0.0") + "%",
                        $"{org.FirstResponse.Answered}/{org.FirstResponse.Conversations} ({F(org.FirstResponse.AnsweredShare * 100, "0.0")}%)", F(org.FirstResponse.MedianHours));
                console.Write(o);
            }
        }
        if (read.Rejected > 0)
        {
            var issues = new Table().Title($"rejected rows (first {Math.Min(10, read.Issues.Count)} of {read.Rejected:N0})").AddColumns("line", "field", "reason");
            foreach (var i in read.Issues.Take(10)) issues.AddRow(i.Line.ToString(CultureInfo.InvariantCulture), Markup.Escape(i.Field ?? "(row)"), Markup.Escape(i.Reason));
            console.Write(issues);
        }
    }
}
