using Polder.Tests.Infrastructure;
using Xunit.Abstractions;
using Polder.Prediction.Features;
using Polder.Prediction.Opinion;
using Polder.Prediction.Reaction;

namespace Polder.Tests.Interactive;

/// <summary>
/// samples/notebooks/prediction.ipynb, every C# cell run in-process against this build (<see cref="NotebookRun"/>): with
/// the real data of ../shared/data, and as a user's clone without it (the notebook's <c>useSharedData</c> parameter set to
/// false), where the data cells must say so and do nothing.
/// </summary>
public sealed class PredictionNotebookTests(ITestOutputHelper output)
{
    private const string Notebook = "prediction.ipynb";
    private const string Parameter = "bool useSharedData = true;";
    private const string Rivm = "groups/rivm-covid-gedrag-waves01-09.csv";
    private const string Annotations = "groups/dpgmedia2019-annotations.csv", Annotators = "groups/dpgmedia2019-annotatorData.csv",
        Articles = "groups/dpgMedia2019-articles-byarticle-all.jsonl";

    [SharedDataFact(Rivm, Annotations, Annotators, Articles)]
    public async Task With_the_shared_data_every_cell_runs_and_the_models_are_trained()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        using var run = await NotebookRun.RunAsync(Notebook);
        Report(run, sw.Elapsed);
        AssertFeatureTableParts(run);
        Assert.True(run.Kernel.TryGetValue<GroupOpinionModel?>("opinion", out var opinion) && opinion is not null, "the opinion model was not trained");
        Assert.Equal(7, opinion.TrainedThroughWave);
        Assert.True(run.Kernel.TryGetValue<TextReactionModel?>("reaction", out var reaction) && reaction is not null, "the reaction model was not trained");
        Assert.DoesNotContain("absent", run.Output, StringComparison.Ordinal);
        Assert.Contains("wave 9, all ", run.Output, StringComparison.Ordinal);
        // feature tables (2), opinion forecasts, the explained forecast and its parts, the backtests (2), share intervals, the text's explanation
        Assert.True(run.Views >= 10, $"only {run.Views} Polder views");
    }

    [Fact]
    public async Task Without_the_shared_data_every_cell_runs_and_the_data_cells_say_so()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        int rewritten = 0;
        using var run = await NotebookRun.RunAsync(Notebook, code =>
        {
            if (!code.Contains(Parameter, StringComparison.Ordinal)) return code;
            rewritten++;
            return code.Replace(Parameter, "bool useSharedData = false;", StringComparison.Ordinal);
        });
        Report(run, sw.Elapsed);
        Assert.Equal(1, rewritten);
        AssertFeatureTableParts(run);
        Assert.True(run.Kernel.TryGetValue<GroupOpinionModel?>("opinion", out var opinion) && opinion is null);
        Assert.True(run.Kernel.TryGetValue<TextReactionModel?>("reaction", out var reaction) && reaction is null);
        Assert.Contains("The RIVM survey (shared/data/groups/rivm-covid-gedrag-waves01-09.csv) is absent", run.Output, StringComparison.Ordinal);
        Assert.Contains("The DPG Media 2019 survey files (shared/data/groups/dpgmedia2019-*) are absent", run.Output, StringComparison.Ordinal);
        Assert.Equal(3, run.Views); // the two feature tables and the sample's group backtest; the data cells show nothing
    }

    private void Report(NotebookRun run, TimeSpan elapsed)
    {
        output.WriteLine(run.Output);
        output.WriteLine($"{run.Cells} cells, {run.Views} Polder views, {elapsed.TotalSeconds:F1} s; by cell: "
            + string.Join(" ", run.CellTimes.Select(t => t.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture))));
    }

    // Parts 1 and 2 need no shared data: the sample's tables and the ML.NET model on them.
    private static void AssertFeatureTableParts(NotebookRun run)
    {
        Assert.Equal(1, run.Loaders);
        Assert.True(run.Kernel.TryGetValue<FeatureTable>("actors", out var actors) && actors.RowCount > 100);
        Assert.True(run.Kernel.TryGetValue<FeatureTable>("weeks", out var weeks) && weeks.RowCount > 0);
        Assert.Matches(@"test AUC 0\.\d{3}, log loss \d+\.\d{3}; the post count alone: AUC 0\.\d{3}", run.Output);
        // The community's groups forecast week by week from the sample alone (60 days: nine weeks).
        Assert.True(run.Kernel.TryGetValue<GroupSeriesTable>("moods", out var moods) && moods.WaveCount == 9 && moods.Series.Count == 14);
    }
}
