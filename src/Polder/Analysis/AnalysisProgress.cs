namespace Polder.Analysis;

/// <summary>Where an analysis is: the stage being run, as step <paramref name="Step"/> of <paramref name="Steps"/>.</summary>
/// <param name="Stage">Short name of the stage ("reading", "text", "behaviour", "network", "forecasts", "done").</param>
/// <param name="Step">Steps finished so far (0 … <paramref name="Steps"/>).</param>
/// <param name="Steps">Number of steps of the whole analysis.</param>
/// <param name="Detail">Optional detail, e.g. "1,200 / 1,675 posts".</param>
public readonly record struct AnalysisProgress(string Stage, int Step, int Steps, string? Detail = null)
{
    /// <summary>Share of the work done, 0 … 1.</summary>
    public double Fraction => Steps <= 0 ? 1 : Math.Clamp((double)Step / Steps, 0, 1);
}
