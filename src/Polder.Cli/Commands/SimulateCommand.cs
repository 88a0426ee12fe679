using System.Globalization;
using Polder.Community;
using Polder.Community.Simulation;

namespace Polder.Cli.Commands;

/// <summary><c>polder simulate --seed N --out FILE</c>: writes a simulated municipality community as Polder CSV.</summary>
public sealed class SimulateCommand : ICliCommand
{
    /// <inheritdoc/>
    public string Name => "simulate";

    /// <inheritdoc/>
    public string Summary => "simulate a Dutch municipality's online community as a Polder CSV";

    /// <inheritdoc/>
    public int Run(CliContext context)
    {
        var a = context.Args;
        var defaults = new SimulationOptions();
        var options = defaults with
        {
            Seed = a.Int("seed", defaults.Seed),
            Days = a.Int("days", defaults.Days),
            Citizens = a.Int("citizens", defaults.Citizens),
            ThreadsPerDay = Real(a, "threads-per-day", defaults.ThreadsPerDay),
            MedianResponseHours = Real(a, "median-hours", defaults.MedianResponseHours),
            ResponseProbability = Real(a, "response-probability", defaults.ResponseProbability),
            Municipality = a.Option("municipality", defaults.Municipality)!,
            Events = Events(a.Option("event")),
        };
        if (options.Days < 1 || options.Citizens < 2) throw new CliUsageException("--days must be at least 1 and --citizens at least 2");
        var output = a.Required("out");
        var truthFile = a.Option("truth");
        if (a.Positional.Count > 0) throw new CliUsageException($"unexpected argument '{a.Positional[0]}'");
        var dir = Path.GetDirectoryName(Path.GetFullPath(output));
        if (dir is not null) Directory.CreateDirectory(dir);
        long n;
        SimulationTruth truth;
        using (var stream = File.Create(output))
        using (var writer = new PolderCsvWriter(stream))
        {
            IEnumerable<PostRecord> posts;
            try { posts = CommunitySimulator.Stream(options, out truth); }
            catch (ArgumentException e) { throw new CliUsageException(e.Message); }
            foreach (var r in posts) writer.Write(r);
            n = writer.Count;
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{output}: {n:N0} posts in {truth.Threads:N0} threads, seed {options.Seed}; planted: median response {options.MedianResponseHours} h, answer probability {options.ResponseProbability}, {truth.Answered:N0}/{truth.Conversations:N0} conversations answered"));
        foreach (var e in truth.Events)
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"planted event {e.Event}: {e.ExtraThreads:N0} extra threads, {e.ExtraPosts:N0} extra posts"));
        if (truthFile is not null) WriteTruth(truthFile, truth, n);
        return 0;
    }

    private static IReadOnlyList<PlantedEvent> Events(string? text)
    {
        if (text is null) return [];
        try { return PlantedEvent.ParseList(text); }
        catch (FormatException e) { throw new CliUsageException("--event: " + e.Message); }
    }

    // what was planted, so an evaluation can score against it
    private static void WriteTruth(string path, SimulationTruth truth, long posts)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var stream = File.Create(path);
        using var w = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions { Indented = true });
        var o = truth.Options;
        w.WriteStartObject();
        w.WriteNumber("seed", o.Seed);
        w.WriteString("start", o.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteNumber("days", o.Days);
        w.WriteNumber("threads_per_day", o.ThreadsPerDay);
        w.WriteNumber("posts", posts);
        w.WriteNumber("threads", truth.Threads);
        w.WriteString("organisation", truth.OrganisationId);
        w.WriteNumber("median_response_hours", o.MedianResponseHours);
        w.WriteNumber("response_probability", o.ResponseProbability);
        w.WriteStartArray("events");
        foreach (var e in truth.Events)
        {
            w.WriteStartObject();
            w.WriteString("topic", e.Event.Topic);
            w.WriteString("onset", e.Onset);
            w.WriteString("end", e.End);
            w.WriteNumber("size", e.Event.Size);
            w.WriteNumber("days", e.Event.Days);
            w.WriteBoolean("negative", e.Event.Negative);
            w.WriteNumber("extra_threads", e.ExtraThreads);
            w.WriteNumber("extra_posts", e.ExtraPosts);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static double Real(CliArguments a, string name, double fallback)
    {
        var v = a.Option(name);
        if (v is null) return fallback;
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && d >= 0
            ? d : throw new CliUsageException($"--{name}: '{v}' is not a non-negative number");
    }
}
