using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Interactive;

/// <summary>
/// A notebook of samples/notebooks, run cell by cell in-process by the .NET Interactive C# kernel against the assemblies
/// of this build: the cell that loads the package from NuGet is replaced by <c>#r</c> of the built Polder.Core.dll and
/// Polder.Interactive.dll followed by the package's own extension.dib (what loading the package runs). Every C# cell must
/// run without an error, and every Polder result a cell shows (its value, or a <c>display</c>) must be shown by a Polder view.
/// </summary>
public sealed class NotebookRun : IDisposable
{
    private static readonly string ExtensionPath = Path.Combine(SharedData.RepoRoot, "src", "Polder.Interactive", "extension.dib");

    private NotebookRun(CSharpKernel kernel) => Kernel = kernel;

    /// <summary>The kernel after the last cell (its variables are the notebook's).</summary>
    public CSharpKernel Kernel { get; }

    /// <summary>C# cells run.</summary>
    public int Cells { get; private set; }

    /// <summary>Cells that loaded the package.</summary>
    public int Loaders { get; private set; }

    /// <summary>Results shown through a Polder view (cell values and <c>display</c> calls).</summary>
    public int Views { get; private set; }

    /// <summary>Everything the cells wrote to standard output.</summary>
    public string Output { get; private set; } = "";

    /// <summary>How long each C# cell took, in order (to see where a slow run spends its time).</summary>
    public IReadOnlyList<TimeSpan> CellTimes => _cellTimes;

    private readonly List<TimeSpan> _cellTimes = [];

    /// <summary>Runs samples/notebooks/<paramref name="notebook"/>; <paramref name="rewrite"/> may change a cell's code first (e.g. a parameter).</summary>
    public static async Task<NotebookRun> RunAsync(string notebook, Func<string, string>? rewrite = null)
    {
        var path = Path.Combine(SharedData.RepoRoot, "samples", "notebooks", notebook);
        var document = Notebook.Parse(File.ReadAllText(path), new KernelInfoCollection { new Microsoft.DotNet.Interactive.Documents.KernelInfo("csharp") });
        var cells = document.Elements.Where(e => e.KernelName == "csharp").Select(e => e.Contents).ToList();
        var run = new NotebookRun(new CSharpKernel().UseKernelHelpers());
        var output = new System.Text.StringBuilder();
        foreach (var cell in cells)
        {
            int number = ++run.Cells;
            var code = rewrite?.Invoke(cell) ?? cell;
            if (code.Contains("#r \"nuget: Polder.Interactive", StringComparison.Ordinal))
            {
                code = LocalPackageLoad();
                run.Loaders++;
            }
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await run.Kernel.SubmitCodeAsync(code);
            run._cellTimes.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            var failures = result.Events.OfType<CommandFailed>().Select(f => f.Message)
                .Concat(result.Events.OfType<ErrorProduced>().Select(e => e.Message))
                .Concat(result.Events.OfType<DiagnosticsProduced>().SelectMany(d => d.Diagnostics)
                    .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()))
                .ToList();
            Assert.True(failures.Count == 0, $"{notebook}, cell {number} failed:\n{code}\n---\n{string.Join("\n", failures)}");
            foreach (var text in result.Events.OfType<StandardOutputValueProduced>())
                output.Append(text.FormattedValues.FirstOrDefault(v => v.MimeType == "text/plain")?.Value);

            // a Polder result shows through a Polder view (HTML), not the default property dump
            foreach (var shown in result.Events.OfType<DisplayEvent>().Where(e => e is ReturnValueProduced or DisplayedValueProduced))
            {
                Assert.True(shown.Value is not null && (shown.Value.GetType().Namespace?.StartsWith("Polder", StringComparison.Ordinal) == true
                    || shown.Value is System.Collections.IEnumerable),
                    $"{notebook}, cell {number} showed a {shown.Value?.GetType()}, not a Polder result");
                var html = shown.FormattedValues.SingleOrDefault(v => v.MimeType == "text/html")?.Value;
                Assert.True(html is not null && html.Contains("class=\"polder polder-", StringComparison.Ordinal),
                    $"{notebook}, cell {number} ({shown.Value!.GetType().Name}) was not shown by a Polder view:\n{html?[..Math.Min(html.Length, 400)]}");
                run.Views++;
            }
        }
        run.Output = output.ToString();
        return run;
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

    /// <summary>Disposes the kernel.</summary>
    public void Dispose() => Kernel.Dispose();
}
