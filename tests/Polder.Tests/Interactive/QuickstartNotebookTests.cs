using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Polder.Analysis;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Interactive;

/// <summary>
/// samples/notebooks/quickstart.ipynb, run cell by cell in-process by the .NET Interactive C# kernel against the
/// assemblies of this build: the cell that loads the package from NuGet is replaced by <c>#r</c> of the built
/// Polder.Core.dll and Polder.Interactive.dll followed by the package's own extension.dib (what loading the package runs).
/// </summary>
public sealed class QuickstartNotebookTests
{
    private static readonly string NotebookPath = Path.Combine(SharedData.RepoRoot, "samples", "notebooks", "quickstart.ipynb");
    private static readonly string ExtensionPath = Path.Combine(SharedData.RepoRoot, "src", "Polder.Interactive", "extension.dib");

    [Fact]
    public async Task Every_csharp_cell_runs_and_results_show_as_Polder_html()
    {
        var notebook = Notebook.Parse(File.ReadAllText(NotebookPath), new KernelInfoCollection { new Microsoft.DotNet.Interactive.Documents.KernelInfo("csharp") });
        var cells = notebook.Elements.Where(e => e.KernelName == "csharp").ToList();
        Assert.True(cells.Count >= 10, $"expected the quickstart's C# cells, found {cells.Count}");

        using var kernel = new CSharpKernel().UseKernelHelpers();
        int loaders = 0, views = 0;
        for (int i = 0; i < cells.Count; i++)
        {
            var code = cells[i].Contents;
            if (code.Contains("#r \"nuget: Polder.Interactive", StringComparison.Ordinal))
            {
                code = LocalPackageLoad();
                loaders++;
            }
            var result = await kernel.SubmitCodeAsync(code);
            var failures = result.Events.OfType<CommandFailed>().Select(f => f.Message)
                .Concat(result.Events.OfType<ErrorProduced>().Select(e => e.Message))
                .Concat(result.Events.OfType<DiagnosticsProduced>().SelectMany(d => d.Diagnostics)
                    .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()))
                .ToList();
            Assert.True(failures.Count == 0, $"cell {i + 1} failed:\n{code}\n---\n{string.Join("\n", failures)}");

            // a cell that ends in a Polder result shows it through a Polder view (HTML), not the default property dump
            foreach (var shown in result.Events.OfType<ReturnValueProduced>())
            {
                Assert.True(shown.Value.GetType().Namespace?.StartsWith("Polder", StringComparison.Ordinal) == true
                    || shown.Value is System.Collections.IEnumerable,
                    $"cell {i + 1} returned a {shown.Value.GetType()}, not a Polder result");
                var html = shown.FormattedValues.SingleOrDefault(v => v.MimeType == "text/html")?.Value;
                Assert.True(html is not null && html.Contains("class=\"polder polder-", StringComparison.Ordinal),
                    $"cell {i + 1} ({shown.Value.GetType().Name}) was not shown by a Polder view:\n{html?[..Math.Min(html.Length, 400)]}");
                views++;
            }
        }
        Assert.Equal(1, loaders);
        Assert.True(views >= cells.Count - 2, $"only {views} of {cells.Count} cells showed a Polder view");

        // the variable the notebook built is the real analysis of the sample
        Assert.True(kernel.TryGetValue<CommunityAnalysis>("analysis", out var analysis));
        Assert.Equal(SampleCommunity.SourceName, analysis.Source);
        Assert.True(analysis.Posts.Count > 1000);
    }

    /// <summary>What <c>#r "nuget: Polder.Interactive"</c> does, with this build's assemblies: reference them, run extension.dib.</summary>
    private static string LocalPackageLoad()
    {
        var bin = AppContext.BaseDirectory;
        var extension = string.Join('\n', File.ReadAllLines(ExtensionPath).Where(l => !l.StartsWith("#!", StringComparison.Ordinal)));
        return $"""
            #r "{Path.Combine(bin, "Polder.Core.dll")}"
            #r "{Path.Combine(bin, "Polder.Interactive.dll")}"
            {extension}
            """;
    }
}
