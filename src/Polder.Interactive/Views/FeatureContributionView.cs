using Polder.Prediction.Opinion;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>
/// An explanation (<see cref="FeatureContribution"/>s, as the predictors' <c>Explain</c> returns them): one row per
/// feature with its value and a signed bar from a common zero line (red pulls the prediction down, green up), and the
/// sum of the contributions. A long list is cut after as many rows as a table shows (the sum still counts them all).
/// </summary>
internal static class FeatureContributionView
{
    public static void Write(IEnumerable<FeatureContribution> contributions, TextWriter w)
    {
        var list = contributions.ToArray();
        Open(w, "contributions");
        if (list.Length == 0) { w.Write("<div class=\"muted\">no contributions</div>"); Close(w); return; }
        double max = list.Max(c => double.IsFinite(c.Contribution) ? Math.Abs(c.Contribution) : 0);
        w.Write("<table><thead><tr><th>feature</th><th class=\"n\">value</th><th>contribution (− / +)</th><th class=\"n\"></th></tr></thead><tbody>");
        foreach (var c in list.Take(TableView.MaxRows))
        {
            w.Write($"<tr><td>{E(c.Feature)}</td><td class=\"n\">{Value(c.Value)}</td><td>");
            Signed(max <= 0 ? 0 : c.Contribution / max, w);
            w.Write($"</td><td class=\"n\">{(c.Contribution > 0 ? "+" : "")}{N(c.Contribution, 3)}</td></tr>");
        }
        w.Write("</tbody></table>");
        if (list.Length > TableView.MaxRows) w.Write($"<div class=\"muted\">… {list.Length - TableView.MaxRows} more contributions</div>");
        w.Write($"<div class=\"muted\">sum of the {list.Length} contributions: {N(list.Sum(c => c.Contribution), 3)}</div>");
        Close(w);
    }

    // A bar of |fraction| × half the 240-pixel track, to the right of the middle (zero) when positive, to the left when negative.
    private static void Signed(double fraction, TextWriter w)
    {
        const int half = 120;
        int px = double.IsFinite(fraction) ? (int)Math.Round(Math.Clamp(Math.Abs(fraction), 0, 1) * half) : 0;
        int left = fraction < 0 ? half - px : half;
        w.Write($"<span class=\"track\" style=\"width:{2 * half}px\">"
            + $"<span style=\"position:absolute;left:{left}px;width:{px}px;height:11px;background:{(fraction < 0 ? Negative : Positive)}\"></span>"
            + $"<span style=\"position:absolute;left:{half}px;width:1px;height:11px;background:#555\"></span></span>");
    }
}
