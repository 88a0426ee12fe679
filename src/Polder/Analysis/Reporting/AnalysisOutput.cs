using Polder.Behaviour;

namespace Polder.Analysis.Reporting;

/// <summary>Writes everything of an analysis into a folder: <c>report.html</c>, <c>summary.json</c> and every table as CSV and Parquet.</summary>
public static class AnalysisOutput
{
    /// <summary>Writes the files into <paramref name="directory"/> (created when missing); returns their paths.</summary>
    public static IReadOnlyList<string> WriteAll(CommunityAnalysis analysis, string directory)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        var html = Path.Combine(directory, "report.html");
        using (var s = File.Create(html)) HtmlReport.Write(analysis, s);
        files.Add(html);
        var json = Path.Combine(directory, "summary.json");
        using (var s = File.Create(json)) SummaryJson.Write(analysis, s);
        files.Add(json);
        // a big table's rows (2.9M threads of a 10M-post community) are garbage that the column buffers keep alive
        // until their group is written, so they reach the old generation: bounded as in a streamed read
        var garbage = new HeapCompaction.Bound(HeapCompaction.GarbageBound);
        files.AddRange(ResultTableWriter.WriteAll(AnalysisTables.From(analysis), directory, garbage.Check));
        return files;
    }
}
