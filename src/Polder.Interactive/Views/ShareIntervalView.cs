using Polder.Prediction.Reaction;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>
/// A <see cref="ShareInterval"/>: the interval of a share on a 0 … 1 track with the probability it holds; and named
/// intervals (e.g. a dictionary of reader groups to intervals) as one row each on the same track.
/// </summary>
internal static class ShareIntervalView
{
    public static void Write(ShareInterval s, TextWriter w) =>
        ForecastView.Headline("share-interval", $"{Pct(s.Lower)} … {Pct(s.Upper)}", $"(holds {Pct(s.Probability)})", double.NaN, s.Lower, s.Upper, 1, w);

    public static void Write(IEnumerable<KeyValuePair<string, ShareInterval>> intervals, TextWriter w)
    {
        Open(w, "share-interval");
        NamedRows(intervals, "", "<th class=\"n\">share interval</th><th>0 … 100 %</th><th class=\"n\">holds</th>", (s, w) =>
        {
            w.Write($"<td class=\"n\">{Pct(s.Lower)} … {Pct(s.Upper)}</td><td>");
            ForecastView.Interval(double.NaN, s.Lower, s.Upper, 0, 1, w);
            w.Write($"</td><td class=\"n\">{Pct(s.Probability)}</td>");
        }, w);
        Close(w);
    }
}
