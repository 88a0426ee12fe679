using System.Globalization;
using Polder.Behaviour;
using Polder.Community;
using Polder.Community.Reading;
using Spectre.Console;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder analyze [FILE] [--out DIR]</c>: reads a community (the embedded sample when no FILE is given), prints a
/// summary and writes the behaviour tables as CSV and Parquet to DIR.
/// </summary>
public sealed class AnalyzeCommand : ICliCommand
{
    /// <summary>Name of the embedded sample community.</summary>
    public const string SampleResource = "Polder.Cli.community-sample.csv";

    /// <inheritdoc/>
    public string Name => "analyze";

    /// <inheritdoc/>
    public string Summary => "behaviour and webcare metrics of a community [FILE] [--out DIR] [--format polder|reddit|political-tweets] [--window day|week|month|year] [--policy skip|fail] [--almanak CSV] [--org ID,ID]";

    /// <inheritdoc/>
    public int Run(CliContext context)
    {
        var a = context.Args;
        if (a.Positional.Count > 1) throw new CliUsageException("give at most one input file");
        string? file = a.Positional.Count == 1 ? a.Positional[0] : null;
        var outDir = a.Option("out");
        var window = (a.Option("window", "month")!.ToLowerInvariant()) switch
        {
            "day" => TimeWindow.Day, "week" => TimeWindow.Week, "month" => TimeWindow.Month, "year" => TimeWindow.Year,
            var w => throw new CliUsageException($"--window: '{w}' is not day, week, month or year"),
        };
        var policy = (a.Option("policy", "skip")!.ToLowerInvariant()) switch
        {
            "skip" => ReadPolicy.SkipAndReport, "fail" => ReadPolicy.FailFast,
            var p => throw new CliUsageException($"--policy: '{p}' is not skip or fail"),
        };
        var formatName = a.Option("format");
        var almanak = a.Option("almanak");
        var orgs = (a.Option("org") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

        Stream input;
        string source, ext;
        if (file is null)
        {
            input = typeof(AnalyzeCommand).Assembly.GetManifestResourceStream(SampleResource)
                ?? throw new CliUsageException("this build has no embedded sample; give a FILE");
            source = "community-sample.csv (embedded)";
            ext = ".csv";
        }
        else
        {
            if (!File.Exists(file)) throw new CliUsageException($"file not found: {file}");
            input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            source = Path.GetFileName(file);
            ext = Path.GetExtension(file).ToLowerInvariant();
        }
        PostMapping mapping;
        if (formatName is not null) mapping = CommunityFormats.ByName(formatName) ?? throw new CliUsageException($"--format: unknown format '{formatName}' (polder, reddit, political-tweets)");
        else if (ext is ".csv" or ".tsv" or ".txt" && input.CanSeek)
        {
            mapping = CommunityFormats.Detect(ReadHeaderLine(input));
            input.Position = 0;
        }
        else mapping = CommunityFormats.PolderCsv;

        mapping = mapping with { KeepText = false }; // behaviour needs markers and structure, not the words
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = ReferenceEquals(context.Out, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = ReferenceEquals(context.Out, Console.Out) && !Console.IsOutputRedirected ? InteractionSupport.Detect : InteractionSupport.No,
        });
        var records = CommunityLoader.Read(input, source, ext, mapping, new ReadOptions { Policy = policy }, out var report);
        OnlineCommunity community;
        bool showProgress = console.Profile.Capabilities.Interactive && input.CanSeek && input.Length > 20_000_000;
        if (showProgress)
        {
            OnlineCommunity? built = null;
            long length = input.Length;
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("reading " + source, maxValue: length);
                long k = 0;
                var tracked = records.Select(r => { if (++k % 20_000 == 0) task.Value = input.CanSeek ? SafePosition(input) : task.Value; return r; });
                built = CommunityLoader.Build(tracked, report, policy);
                task.Value = length;
            });
            community = built!;
        }
        else community = CommunityLoader.Build(records, report, policy);

        var options = new BehaviourOptions
        {
            Window = window,
            OrganisationIds = orgs,
            Municipalities = almanak is null ? null : MunicipalitySizes.LoadAlmanak(almanak),
        };
        var behaviour = BehaviourAnalyzer.Analyze(community, options);
        Print(console, report, behaviour);
        if (outDir is not null)
        {
            var files = BehaviourTableWriter.WriteAll(BehaviourTables.From(behaviour), outDir);
            console.MarkupLine($"wrote {files.Count} files to [bold]{Markup.Escape(outDir)}[/]");
        }
        return 0;
    }

    private static long SafePosition(Stream s) { try { return s.Position; } catch (ObjectDisposedException) { return 0; } }

    private static string ReadHeaderLine(Stream s)
    {
        var buf = new byte[4096];
        int n = s.Read(buf, 0, buf.Length);
        int nl = Array.IndexOf(buf, (byte)'\n', 0, Math.Max(0, n));
        return System.Text.Encoding.UTF8.GetString(buf, 0, nl < 0 ? n : nl);
    }

    private static string F(double v, string format = "0.##") => double.IsNaN(v) ? "-" : v.ToString(format, CultureInfo.InvariantCulture);

    private static void Print(IAnsiConsole console, ReadReport read, BehaviourReport r)
    {
        var fr = r.FirstResponse;
        var t = new Table().Title("Polder community summary").AddColumn("metric").AddColumn(new Spectre.Console.TableColumn("value").RightAligned());
        void Row(string k, string v) => t.AddRow(Markup.Escape(k), Markup.Escape(v));
        Row("source", read.File);
        Row("rows read / accepted / rejected", $"{read.RowsRead:N0} / {read.Accepted:N0} / {read.Rejected:N0}");
        Row("posts", r.Posts.ToString("N0", CultureInfo.InvariantCulture));
        Row("period", r.FirstPost is { } f && r.LastPost is { } l ? $"{f:yyyy-MM-dd} … {l:yyyy-MM-dd}" : "-");
        Row("actors (active)", $"{r.Actors:N0} ({r.ActiveActors:N0})");
        Row("threads (mean / median size, max depth)", $"{r.Threads:N0} ({F(r.MeanThreadSize)} / {F(r.MedianThreadSize)}, {r.MaxThreadDepth})");
        Row("replies (self-replies, unknown parents)", $"{r.Replies:N0} ({r.SelfReplies:N0}, {r.UnknownParentReplies:N0})");
        Row("first response: mode", r.ResponderMode.ToString());
        Row("conversations answered / unanswered", $"{fr.Answered:N0} / {fr.Unanswered:N0}");
        Row("first response mean / median / p90 (hours)", $"{F(fr.MeanHours)} / {F(fr.MedianHours)} / {F(fr.P90Hours)}");
        Row("response rate (inbound answered)", r.Inbound == 0 ? "-" : $"{F(100.0 * r.InboundAnswered / r.Inbound, "0.0")}% of {r.Inbound:N0}");
        Row("burstiness", F(r.Burstiness, "0.00"));
        console.Write(t);
        var bands = new Table().Title("first response time bands").AddColumn("band").AddColumn(new Spectre.Console.TableColumn("conversations").RightAligned());
        for (int i = 0; i < fr.BandCounts.Count; i++) bands.AddRow(Markup.Escape(ResponseTimeBands.Labels[i]), fr.BandCounts[i].ToString("N0", CultureInfo.InvariantCulture));
        console.Write(bands);
        if (r.Organisations.Count > 0)
        {
            var o = new Table().Title("organisations").AddColumns("organisation", "community", "posts", "reply share", "response rate", "answered", "median h");
            foreach (var org in r.Organisations.Take(10))
                o.AddRow(Markup.Escape(org.ActorId), org.CommunitySize.ToString(CultureInfo.InvariantCulture), org.Actor.Posts.ToString(CultureInfo.InvariantCulture),
                    F(org.Actor.ReplyShare * 100, "0") + "%", F(org.Actor.ResponseRate * 100, "0") + "%",
                    $"{org.FirstResponse.Answered}/{org.FirstResponse.Conversations}", F(org.FirstResponse.MedianHours));
            console.Write(o);
        }
        if (read.Rejected > 0)
        {
            var issues = new Table().Title($"rejected rows (first {Math.Min(10, read.Issues.Count)} of {read.Rejected:N0})").AddColumns("line", "field", "reason");
            foreach (var i in read.Issues.Take(10)) issues.AddRow(i.Line.ToString(CultureInfo.InvariantCulture), Markup.Escape(i.Field ?? "(row)"), Markup.Escape(i.Reason));
            console.Write(issues);
        }
    }
}
