using Polder.Analysis;
using Polder.Analysis.Reporting;

namespace Polder.Tests.Analysis;

/// <summary>Analyses the embedded sample once (about ten seconds) and writes its output folder, shared by the analysis tests.</summary>
public sealed class SampleAnalysisFixture : IDisposable
{
    public SampleAnalysisFixture()
    {
        Progress = [];
        Analysis = CommunityAnalyzer.Default.AnalyzeSample(new ListProgress(Progress));
        Directory = Path.Combine(Path.GetTempPath(), "polder-analysis-" + Guid.NewGuid().ToString("N"));
        Files = AnalysisOutput.WriteAll(Analysis, Directory);
    }

    public CommunityAnalysis Analysis { get; }

    public List<AnalysisProgress> Progress { get; }

    public string Directory { get; }

    public IReadOnlyList<string> Files { get; }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, true);
    }

    private sealed class ListProgress(List<AnalysisProgress> list) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) { lock (list) list.Add(value); }
    }
}
