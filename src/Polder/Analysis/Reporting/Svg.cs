using System.Globalization;
using System.Net;
using System.Text;

namespace Polder.Analysis.Reporting;

/// <summary>Small helpers for writing inline SVG: invariant numbers, escaping, the colour palette.</summary>
internal static class Svg
{
    /// <summary>Okabe–Ito colours (distinguishable with colour-blindness), then a few extra tones.</summary>
    public static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D31", "#6B6ECF", "#B5CF6B", "#E7969C"];

    public const string Negative = "#D55E00";
    public const string Neutral = "#B8B8B8";
    public const string Positive = "#009E73";
    public const string Ink = "#1f2933";
    public const string Muted = "#616e7c";
    public const string Grid = "#e4e7eb";

    public static string N(double v) => double.IsFinite(v) ? Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture) : "0";

    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static StringBuilder Open(int width, int height, string label) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{E(label)}\" font-family=\"inherit\" font-size=\"12\">");

    public static StringBuilder Text(this StringBuilder sb, double x, double y, string text, string anchor = "start", string fill = Ink, int size = 12, string weight = "normal") =>
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" fill=\"{fill}\" font-size=\"{size}\" font-weight=\"{weight}\">{E(text)}</text>");

    public static StringBuilder Line(this StringBuilder sb, double x1, double y1, double x2, double y2, string stroke = Grid, double width = 1, string dash = "") =>
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>");

    public static StringBuilder Rect(this StringBuilder sb, double x, double y, double w, double h, string fill, string? title = null, double rx = 0) =>
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" fill=\"{fill}\" rx=\"{N(rx)}\">")
          .Append(title is null ? "" : $"<title>{E(title)}</title>").Append("</rect>");

    public static StringBuilder Circle(this StringBuilder sb, double cx, double cy, double r, string fill, string? title = null, string stroke = "#ffffff") =>
        sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1\">")
          .Append(title is null ? "" : $"<title>{E(title)}</title>").Append("</circle>");

    public static string Close(this StringBuilder sb) => sb.Append("</svg>").ToString();

    /// <summary>A "nice" upper bound for an axis (1, 2, 2.5 or 5 × 10^k at or above <paramref name="max"/>).</summary>
    public static double NiceMax(double max)
    {
        if (!(max > 0)) return 1;
        double p = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 }) if (m * p >= max) return m * p;
        return 10 * p;
    }
}
