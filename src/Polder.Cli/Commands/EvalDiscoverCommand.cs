using System.Diagnostics;
using System.Globalization;
using Polder.Topics.Discovery;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder eval discover --data CSV --text-column C --label-column L [--where …] [--topics K] [--seed N] [--method M]</c>:
/// discovers topics in the labelled rows (K = number of distinct labels unless given) and scores them against the
/// labels: NMI (arithmetic normalisation) and the NPMI coherence of the top ten terms, as one JSON line.
/// </summary>
public sealed class EvalDiscoverCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "eval discover";

    /// <inheritdoc />
    public string Summary => "score discovered topics against gold labels: NMI and NPMI as JSON";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        var rows = TopicData.Read(a);
        if (rows.Texts.Count == 0) throw new CliUsageException($"no labelled rows in --data ({rows.Accounting()})");
        var options = DiscoverCommand.Options(a);
        options = options with
        {
            LsaDimensions = a.Int("dimensions", options.LsaDimensions),
            Restarts = a.Int("restarts", options.Restarts),
            MinDocumentFrequency = a.Int("min-df", options.MinDocumentFrequency),
            Phrases = !a.Flag("no-phrases"),
        };
        if (options.Topics == 0) options = options with { Topics = rows.Labels.Distinct(StringComparer.Ordinal).Count() };
        var watch = Stopwatch.StartNew();
        var result = TopicDiscovery.Discover(rows.Texts, options);
        double seconds = watch.Elapsed.TotalSeconds;
        double nmi = ClusterAgreement.NormalizedMutualInformation(result.Assignments.Select(x => x.Topic).ToArray(), rows.Labels);
        double npmi = TopicCoherence.Npmi(result.Topics, rows.Texts);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"method\":\"{DiscoverCommand.MethodName(options.Method)}\",\"seed\":{options.Seed},\"count\":{rows.Texts.Count},\"k\":{options.Topics},\"nmi\":{Math.Round(nmi, 4)},\"npmi\":{Math.Round(npmi, 4)},\"seconds\":{Math.Round(seconds, 2)}}}"));
        return 0;
    }
}
