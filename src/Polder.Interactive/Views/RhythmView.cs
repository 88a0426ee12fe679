using System.Globalization;
using Polder.Analysis;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>An <see cref="ActivityRhythm"/> as a heat map: days down, hours across, darker when busier.</summary>
internal static class RhythmView
{
    public static void Write(ActivityRhythm rhythm, TextWriter w)
    {
        Open(w, "rhythm");
        Body(rhythm, w);
        Close(w);
    }

    public static void Body(ActivityRhythm r, TextWriter w)
    {
        int max = r.HourOfWeek.Count == 0 ? 0 : r.HourOfWeek.Max();
        w.Write($"<div><span class=\"muted\">busiest hour</span> {E(ActivityRhythm.Describe(r.PeakHourOfWeek))}</div>");
        w.Write("<table style=\"border-spacing:1px;border-collapse:separate\"><tr><td></td>");
        for (int h = 0; h < 24; h += 3) w.Write($"<td colspan=\"3\" class=\"muted\" style=\"padding:0;border:0;font-size:10px\">{h:00}</td>");
        w.Write("</tr>");
        for (int d = 0; d < 7; d++)
        {
            w.Write($"<tr><td style=\"padding:0 6px 0 0;border:0;font-size:11px\">{E(ActivityRhythm.DayNames[d])}</td>");
            for (int h = 0; h < 24; h++)
            {
                int i = d * 24 + h;
                int c = i < r.HourOfWeek.Count ? r.HourOfWeek[i] : 0;
                double a = max == 0 ? 0 : (double)c / max;
                w.Write($"<td title=\"{E(ActivityRhythm.Describe(i))}: {c}\" style=\"padding:0;border:0;width:14px;height:12px;"
                    + $"background:rgba(46,134,193,{(0.05 + 0.95 * a).ToString("0.###", CultureInfo.InvariantCulture)})\"></td>");
            }
            w.Write("</tr>");
        }
        w.Write("</table>");
    }
}
