using Polder.Prediction.Opinion;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>
/// Backtests side by side (e.g. a dictionary of method names to <see cref="BacktestResult"/>s): the mean absolute error
/// as a bar on a common scale (shorter is better), the number of forecasts, for methods with intervals their coverage,
/// and the error per target wave when the results carry it (<see cref="BacktestResult.ByWave"/>).
/// </summary>
internal static class BacktestView
{
    public static void Write(BacktestResult result, TextWriter w) => Write([new KeyValuePair<string, BacktestResult>("backtest", result)], w);

    public static void Write(IEnumerable<KeyValuePair<string, BacktestResult>> results, TextWriter w)
    {
        var list = results.ToArray();
        double max = list.Select(r => r.Value.Mae).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        // A column per target wave when the results carry per-wave scores: where each method wins or loses.
        var waves = list.SelectMany(r => r.Value.ByWave).Select(x => x.Wave).Distinct().Order().ToArray();
        var waveHeaders = string.Concat(waves.Select(x => $"<th class=\"n\">wave {x}</th>"));
        Open(w, "backtest");
        NamedRows(list, "method", "<th>mean absolute error</th><th class=\"n\">forecasts</th><th class=\"n\">inside 80 % interval</th>" + waveHeaders, (r, w) =>
        {
            w.Write($"<td>{BarOf(max <= 0 ? 0 : r.Mae / max, Bar, 160)} {N(r.Mae, 3)}</td><td class=\"n\">{N(r.Count)}</td>"
                + $"<td class=\"n\">{(double.IsNaN(r.IntervalCoverage) ? "–" : Pct(r.IntervalCoverage))}</td>");
            foreach (var x in waves)
                w.Write(r.ByWave.FirstOrDefault(b => b.Wave == x) is { Count: > 0 } b ? $"<td class=\"n\">{N(b.Mae, 3)}</td>" : "<td class=\"n\">–</td>");
        }, w);
        Close(w);
    }
}
