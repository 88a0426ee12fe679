using Polder.Prediction.Opinion;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>
/// An <see cref="OpinionForecast"/> (percentage points): the value with its 80% interval drawn on a 0 … 100 track; and
/// named forecasts (e.g. a dictionary of series to forecasts) as one row each on the same track.
/// </summary>
internal static class ForecastView
{
    public static void Write(OpinionForecast f, TextWriter w) =>
        Headline("forecast", N(f.Value, 1), $"[{N(f.Lower, 1)}, {N(f.Upper, 1)}] (80 % interval, percentage points)", f.Value, f.Lower, f.Upper, 100, w);

    public static void Write(IEnumerable<KeyValuePair<string, OpinionForecast>> forecasts, TextWriter w)
    {
        Open(w, "forecast");
        NamedRows(forecasts, "series", "<th class=\"n\">forecast</th><th class=\"n\">80 % interval</th><th>0 … 100</th>", (f, w) =>
        {
            w.Write($"<td class=\"n\">{N(f.Value, 1)}</td><td class=\"n\">{N(f.Lower, 1)} … {N(f.Upper, 1)}</td><td>");
            Interval(f.Value, f.Lower, f.Upper, 0, 100, w);
            w.Write("</td>");
        }, w);
        Close(w);
    }

    /// <summary>A whole view of one interval: <paramref name="main"/> in bold, <paramref name="detail"/> muted, the track from 0 to <paramref name="max"/>.</summary>
    public static void Headline(string view, string main, string detail, double value, double lower, double upper, double max, TextWriter w)
    {
        Open(w, view);
        w.Write($"<b>{E(main)}</b> <span class=\"muted\">{E(detail)}</span> ");
        Interval(value, lower, upper, 0, max, w);
        Close(w);
    }

    /// <summary>
    /// A track from <paramref name="min"/> to <paramref name="max"/> with the interval shaded and the value marked (no
    /// mark when <paramref name="value"/> is NaN: an interval without a point).
    /// </summary>
    public static void Interval(double value, double lower, double upper, double min, double max, TextWriter w, int width = 220)
    {
        double span = max - min;
        int X(double v) => span <= 0 || !double.IsFinite(v) ? 0 : (int)Math.Round(Math.Clamp((v - min) / span, 0, 1) * width);
        int l = X(lower), u = X(upper), v = X(value);
        w.Write($"<span class=\"track\" style=\"width:{width}px\">"
            + $"<span style=\"position:absolute;left:{l}px;width:{Math.Max(1, u - l)}px;height:11px;background:rgba(46,134,193,.35)\"></span>");
        if (double.IsFinite(value)) w.Write($"<span style=\"position:absolute;left:{Math.Max(0, v - 1)}px;width:2px;height:11px;background:{Bar}\"></span>");
        w.Write("</span>");
    }
}
