using Polder.Analysis;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>
/// A <see cref="ForecastSet"/>: next-window activity per topic with its 80 % interval, the backtest of that method,
/// and the reply forecasts of open posts with the model's measured quality; why a forecast is missing.
/// </summary>
internal static class ForecastSetView
{
    public static void Write(ForecastSet f, TextWriter w)
    {
        Open(w, "forecasts");
        Body(f, w);
        Close(w);
    }

    public static void Write(ActivityForecast f, TextWriter w)
    {
        Open(w, "forecasts");
        Activity([f], w);
        Close(w);
    }

    public static void Body(ForecastSet f, TextWriter w)
    {
        if (f.Activity.Count > 0)
        {
            var first = f.Activity[0];
            w.Write($"<h4>Posts expected {When(first.From)} … {When(first.To)} <span class=\"muted\">(80 % interval)</span></h4>");
            Activity(f.Activity, w);
            w.Write($"<div class=\"muted\">backtest of the method: mean absolute error {N(f.ActivityBacktestMae, 1)} posts over {N(f.ActivityBacktestCount)} forecasts; "
                + $"{Pct(f.ActivityBacktestCoverage)} inside their interval (in-sample)</div>");
        }
        if (f.Engagement is { } e)
        {
            w.Write($"<h4>Replies within 24 hours to open posts <span class=\"muted\">(as of {When(e.AsOf)})</span></h4>");
            w.Write($"<div class=\"muted\">trained on {N(e.TrainingPosts)} closed posts; on a later slice of {N(e.EvaluationPosts)}: "
                + $"AUC {N(e.EvaluationAuc, 3)}, Brier {N(e.EvaluationBrier, 3)}, base rate {Pct(e.BaseRate)}</div>");
            if (e.Open.Count == 0) w.Write("<div class=\"muted\">no open posts</div>");
            else
            {
                w.Write("<table><thead><tr><th>post</th><th>author</th><th>topic</th><th>reply probability</th></tr></thead><tbody>");
                foreach (var o in e.Open.Take(10))
                    w.Write($"<tr><td>{E(o.PostId)}</td><td>{E(o.AuthorId)}</td><td>{E(o.Topic)}</td><td>{BarOf(o.ReplyProbability, Bar, 120)} {Pct(o.ReplyProbability)}</td></tr>");
                w.Write("</tbody></table>");
                if (e.Open.Count > 10) w.Write($"<div class=\"muted\">… {e.Open.Count - 10} more open posts</div>");
            }
        }
        foreach (var note in f.Notes) w.Write($"<div class=\"muted\">{E(note)}</div>");
    }

    /// <summary>One row per activity forecast: the value, the interval on a common scale, the recent history.</summary>
    public static void Activity(IReadOnlyList<ActivityForecast> list, TextWriter w)
    {
        double max = list.Select(a => Math.Max(a.Upper, a.History.Count == 0 ? 0 : a.History.Max())).DefaultIfEmpty(1).Max();
        w.Write("<table><thead><tr><th>topic</th><th class=\"n\">expected</th><th class=\"n\">80 % interval</th><th></th><th>recent windows</th></tr></thead><tbody>");
        foreach (var a in list)
        {
            w.Write($"<tr><td>{E(a.Topic)}</td><td class=\"n\"><b>{N(a.Forecast, 1)}</b></td><td class=\"n\">{N(a.Lower, 1)} – {N(a.Upper, 1)}</td><td>");
            ForecastView.Interval(a.Forecast, a.Lower, a.Upper, 0, max, w, 180);
            w.Write($"</td><td class=\"muted\">{E(string.Join(" ", a.History.TakeLast(8)))}</td></tr>");
        }
        w.Write("</tbody></table>");
    }
}
