using Polder.Analysis;

namespace Polder.Tests.Interactive;

/// <summary>samples/notebooks/quickstart.ipynb, every C# cell run in-process against this build (<see cref="NotebookRun"/>).</summary>
public sealed class QuickstartNotebookTests
{
    [Fact]
    public async Task Every_csharp_cell_runs_and_results_show_as_Polder_html()
    {
        using var run = await NotebookRun.RunAsync("quickstart.ipynb");
        Assert.True(run.Cells >= 10, $"expected the quickstart's C# cells, found {run.Cells}");
        Assert.Equal(1, run.Loaders);
        Assert.True(run.Views >= run.Cells - 2, $"only {run.Views} of {run.Cells} cells showed a Polder view");

        // the variable the notebook built is the real analysis of the sample
        Assert.True(run.Kernel.TryGetValue<CommunityAnalysis>("analysis", out var analysis));
        Assert.Equal(SampleCommunity.SourceName, analysis.Source);
        Assert.True(analysis.Posts.Count > 1000);
    }
}
