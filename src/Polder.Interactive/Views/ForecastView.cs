using Polder.Prediction;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>An <see cref="OpinionForecast"/>: the value with its interval drawn on a 0 … 1 track.</summary>
internal static class ForecastView
{
    public static void Write(OpinionForecast f, TextWriter w)
    {
        Open(w, "forecast");
        w.Write($"<b>{N(f.Value, 3)}</b> <span class=\"muted\">[{N(f.Lower, 3)}, {N(f.Upper, 3)}]</span> ");
        Interval(f.Value, f.Lower, f.Upper, 0, 1, w);
        Close(w);
    }

    /// <summary>A track from <paramref name="min"/> to <paramref name="max"/> with the interval shaded and the value marked.</summary>
    public static void Interval(double value, double lower, double upper, double min, double max, TextWriter w, int width = 220)
    {
        double span = max - min;
        int X(double v) => span <= 0 || !double.IsFinite(v) ? 0 : (int)Math.Round(Math.Clamp((v - min) / span, 0, 1) * width);
        int l = X(lower), u = X(upper), v = X(value);
        w.Write($"<span class=\"track\" style=\"width:{width}px\">"
            + $"<span style=\"position:absolute;left:{l}px;width:{Math.Max(1, u - l)}px;height:11px;background:rgba(46,134,193,.35)\"></span>"
            + $"<span style=\"position:absolute;left:{Math.Max(0, v - 1)}px;width:2px;height:11px;background:{Bar}\"></span></span>");
    }
}
