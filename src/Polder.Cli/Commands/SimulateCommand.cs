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
        };
        if (options.Days < 1 || options.Citizens < 2) throw new CliUsageException("--days must be at least 1 and --citizens at least 2");
        var output = a.Required("out");
        if (a.Positional.Count > 0) throw new CliUsageException($"unexpected argument '{a.Positional[0]}'");
        var dir = Path.GetDirectoryName(Path.GetFullPath(output));
        if (dir is not null) Directory.CreateDirectory(dir);
        long n;
        SimulationTruth truth;
        using (var stream = File.Create(output))
        using (var writer = new PolderCsvWriter(stream))
        {
            foreach (var r in CommunitySimulator.Stream(options, out truth)) writer.Write(r);
            n = writer.Count;
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{output}: {n:N0} posts in {truth.Threads:N0} threads, seed {options.Seed}; planted: median response {options.MedianResponseHours} h, answer probability {options.ResponseProbability}, {truth.Answered:N0}/{truth.Conversations:N0} conversations answered"));
        return 0;
    }

    private static double Real(CliArguments a, string name, double fallback)
    {
        var v = a.Option(name);
        if (v is null) return fallback;
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && d >= 0
            ? d : throw new CliUsageException($"--{name}: '{v}' is not a non-negative number");
    }
}
