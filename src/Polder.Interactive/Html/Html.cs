using System.Globalization;
using System.Net;

namespace Polder.Interactive.Html;

/// <summary>Small pieces every view shares: encoding, invariant number formatting, colours and the style sheet.</summary>
internal static class Html
{
    /// <summary>Colour of negative sentiment.</summary>
    public const string Negative = "#c0392b";

    /// <summary>Colour of positive sentiment.</summary>
    public const string Positive = "#1e8449";

    /// <summary>Colour of neutral sentiment and of plain bars.</summary>
    public const string Neutral = "#7f8c8d";

    /// <summary>Colour of plain bars (topics, counts).</summary>
    public const string Bar = "#2e86c1";

    /// <summary>
    /// The style sheet, scoped to <c>.polder</c>; written with every view, because a notebook renders each output on
    /// its own (and offline: no fonts or scripts are fetched).
    /// </summary>
    public const string Style = """
        <style>
        .polder{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:13px;line-height:1.45;color:#222;max-width:960px}
        .polder h3{font-size:15px;margin:10px 0 4px}.polder h4{font-size:13px;margin:8px 0 3px}
        .polder table{border-collapse:collapse;margin:4px 0}.polder .scroll{overflow-x:auto;max-width:100%}
        .polder td.t{white-space:nowrap}
        .polder th,.polder td{padding:2px 8px;border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top}
        .polder td.n,.polder th.n{text-align:right;font-variant-numeric:tabular-nums}
        .polder .muted{color:#777}
        .polder .badge{display:inline-block;padding:1px 7px;border-radius:9px;color:#fff;font-weight:600}
        .polder .bar{display:inline-block;height:11px;border-radius:2px;vertical-align:middle}
        .polder .track{display:inline-block;position:relative;width:220px;height:11px;background:#eee;border-radius:2px;vertical-align:middle}
        .polder .kpis{display:flex;flex-wrap:wrap;gap:6px 18px;margin:4px 0}
        .polder .kpi b{display:block;font-size:17px}
        .polder mark{padding:0 2px;border-radius:3px}
        .polder .text{white-space:pre-wrap;border-left:3px solid #ddd;padding:4px 8px;margin:4px 0}
        </style>
        """;

    /// <summary>HTML-encodes text (null as empty).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A number with <paramref name="decimals"/> decimals, invariant; NaN and infinities as "–".</summary>
    public static string N(double value, int decimals = 2) =>
        double.IsFinite(value) ? value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "–";

    /// <summary>A measured value: whole numbers and values of 100 or more without decimals, others with three.</summary>
    public static string Value(double value) => N(value, Math.Abs(value) >= 100 || value == Math.Floor(value) ? 0 : 3);

    /// <summary>A count with thousands separators, invariant.</summary>
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A share 0 … 1 as a percentage with one decimal.</summary>
    public static string Pct(double share) => double.IsFinite(share) ? N(share * 100, 1) + "%" : "–";

    /// <summary>A date and time as ISO 8601 to the minute, or "–".</summary>
    public static string When(DateTimeOffset? t) => t is { } v ? v.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) : "–";

    /// <summary>A CSS colour for a sentiment weight in [-1, 1]: red for negative, green for positive, the stronger the darker.</summary>
    public static string Tint(double weight)
    {
        double a = Math.Clamp(Math.Abs(weight), 0.12, 1) * 0.55;
        string rgb = weight < 0 ? "192,57,43" : "30,132,73";
        return $"rgba({rgb},{a.ToString("0.###", CultureInfo.InvariantCulture)})";
    }

    /// <summary>A horizontal bar <paramref name="fraction"/> (0 … 1) of <paramref name="width"/> pixels long.</summary>
    public static string BarOf(double fraction, string colour, int width = 220)
    {
        double f = double.IsFinite(fraction) ? Math.Clamp(fraction, 0, 1) : 0;
        int px = (int)Math.Round(f * width);
        return $"<span class=\"bar\" style=\"width:{px}px;background:{colour}\"></span>";
    }

    /// <summary>One headline figure: a value above its caption.</summary>
    public static string Kpi(string caption, string value) => $"<span class=\"kpi\"><b>{E(value)}</b><span class=\"muted\">{E(caption)}</span></span>";

    /// <summary>
    /// A table of named results (e.g. a dictionary): <paramref name="headers"/> (whole <c>&lt;th&gt;</c> elements after the
    /// name's), then one row per item with its name and the cells <paramref name="cells"/> writes (whole <c>&lt;td&gt;</c> elements).
    /// </summary>
    public static void NamedRows<T>(IEnumerable<KeyValuePair<string, T>> rows, string nameHeader, string headers, Action<T, TextWriter> cells, TextWriter w)
    {
        w.Write($"<table><thead><tr><th>{E(nameHeader)}</th>{headers}</tr></thead><tbody>");
        foreach (var (name, value) in rows)
        {
            w.Write($"<tr><td>{E(name)}</td>");
            cells(value, w);
            w.Write("</tr>");
        }
        w.Write("</tbody></table>");
    }

    /// <summary>Opens a view: the style sheet and the outer element with the view's class.</summary>
    public static void Open(TextWriter w, string view)
    {
        w.Write(Style);
        w.Write($"<div class=\"polder polder-{view}\">");
    }

    /// <summary>Closes a view opened with <see cref="Open"/>.</summary>
    public static void Close(TextWriter w) => w.Write("</div>");
}
