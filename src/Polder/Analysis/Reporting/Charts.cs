using System.Globalization;
using System.Text;
using Polder.Behaviour;
using static Polder.Analysis.Reporting.Svg;

namespace Polder.Analysis.Reporting;

/// <summary>The report's charts as inline SVG, computed from the analysis alone (no scripts, no external files).</summary>
internal static class Charts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string Pct(double share) => (share * 100).ToString("0.0", KeyFigure.Nl) + " %";

    private static string Num(double v, string format = "#,0") => v.ToString(format, KeyFigure.Nl);

    /// <summary>Horizontal bars per topic, each split into negative, neutral and positive posts.</summary>
    public static string SentimentBars(IReadOnlyList<TopicShare> shares, string label, int max = 12)
    {
        var rows = shares.Take(max).ToList();
        const int left = 250, width = 960, rowH = 30, top = 30;
        int height = top + rows.Count * rowH + 10;
        var sb = Open(width, height, label);
        double maxPosts = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Posts));
        double barMax = width - left - 120;
        Legend(sb, left, 14, [("negatief", Negative), ("neutraal", Neutral), ("positief", Positive)]);
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            double y = top + i * rowH;
            sb.Text(left - 10, y + 19, Clip(r.Topic, 34), "end");
            double x = left;
            foreach (var (count, colour, name) in new[] { (r.Negative, Negative, "negatief"), (r.Neutral, Neutral, "neutraal"), (r.Positive, Positive, "positief") })
            {
                double w = count / maxPosts * barMax;
                sb.Rect(x, y + 5, w, rowH - 10, colour, $"{r.Topic}: {count} {name} van {r.Posts}");
                x += w;
            }
            sb.Text(x + 8, y + 19, $"{Num(r.Posts)} ({Pct(r.Share)})", fill: Muted);
        }
        return sb.Close();
    }

    /// <summary>
    /// Net sentiment ((positive − negative) / posts) per window, one line per series, on a time axis proportional to
    /// time. The whole community carries its 95 % interval (<see cref="WilsonInterval.OfNet"/>) as a band. Windows with
    /// fewer than <see cref="TrendWindows.MinPosts"/> posts are not drawn as points (one post would be a spike to ±1):
    /// lines break there and at windows without posts, and the community's small windows get a hollow mark on the zero line.
    /// </summary>
    public static string SentimentLines(IReadOnlyList<SentimentPoint> trend, IReadOnlyList<string> series, TimeWindow window, string label)
    {
        var starts = trend.Select(p => p.WindowStart).Distinct().Order().ToList();
        const int width = 960, height = 360, left = 60, right = 200, top = 20, bottom = 70;
        var sb = Open(width, height, label);
        if (starts.Count == 0) { sb.Text(width / 2.0, height / 2.0, "geen gegevens", "middle", Muted); return sb.Close(); }
        var pts = trend.Where(p => series.Contains(p.Topic)).ToList();
        var shown = pts.Where(p => p.Posts >= TrendWindows.MinPosts).ToList();
        var all = shown.Where(p => p.Topic == series[0]).ToList();
        double extent = shown.Count == 0 ? 0.1 : shown.Max(p => Math.Abs(p.NetSentiment));
        foreach (var p in all) { var ci = WilsonInterval.OfNet(p.Negative, p.Neutral, p.Positive); extent = Math.Max(extent, Math.Max(Math.Abs(ci.Lower), Math.Abs(ci.Upper))); }
        double ext = Math.Min(1, NiceMax(Math.Max(0.1, extent)));
        double plotW = width - left - right, plotH = height - top - bottom;
        DateOnly t0 = starts[0], t1 = TrendWindows.Next(starts[^1], window);
        double days = Math.Max(1, t1.DayNumber - t0.DayNumber);
        double XD(DateOnly d) => left + (d.DayNumber - t0.DayNumber) / days * plotW;
        // a window sits at its middle
        double X(DateOnly start) => (XD(start) + XD(TrendWindows.Next(start, window))) / 2;
        double Y(double v) => top + (ext - v) / (2 * ext) * plotH;
        foreach (var v in new[] { -ext, -ext / 2, 0, ext / 2, ext })
        {
            sb.Line(left, Y(v), left + plotW, Y(v), v == 0 ? "#9aa5b1" : Grid, v == 0 ? 1.5 : 1);
            sb.Text(left - 8, Y(v) + 4, (v > 0 ? "+" : "") + v.ToString("0.##", KeyFigure.Nl), "end", Muted, 11);
        }
        TimeTicks(sb, t0, t1, XD, top + plotH, window);
        sb.Text(left, height - 22, $"tijd (evenredig; per {TrendWindows.DutchName(window)}); lijn: (positief − negatief) / berichten; band: 95 %-interval van de hele community", fill: Muted, size: 11);
        sb.Text(left, height - 6, $"○ op de nullijn: minder dan {TrendWindows.MinPosts} berichten, niet getekend; een onderbroken lijn: periode zonder (genoeg) berichten", fill: Muted, size: 11);

        // the community's interval band, one polygon per run of consecutive drawable windows
        foreach (var run in Runs(all, window))
        {
            var upper = run.Select(p => (X(p.WindowStart), Y(WilsonInterval.OfNet(p.Negative, p.Neutral, p.Positive).Upper)));
            var lower = run.AsEnumerable().Reverse().Select(p => (X(p.WindowStart), Y(WilsonInterval.OfNet(p.Negative, p.Neutral, p.Positive).Lower)));
            var ring = upper.Concat(lower).ToList();
            if (run.Count == 1) { var p = run[0]; var ci = WilsonInterval.OfNet(p.Negative, p.Neutral, p.Positive); sb.Line(X(p.WindowStart), Y(ci.Lower), X(p.WindowStart), Y(ci.Upper), "#9aa5b1", 6); continue; }
            sb.Append(Inv, $"<polygon points=\"{string.Join(' ', ring.Select(q => N(q.Item1) + "," + N(q.Item2)))}\" fill=\"{Ink}\" fill-opacity=\"0.12\" stroke=\"none\"/>");
        }
        for (int s = 0; s < series.Count; s++)
        {
            string colour = s == 0 ? Ink : Palette[(s - 1) % Palette.Length];
            var line = shown.Where(p => p.Topic == series[s]).OrderBy(p => p.WindowStart).ToList();
            foreach (var run in Runs(line, window))
            {
                if (run.Count < 2) continue;
                var path = new StringBuilder();
                foreach (var p in run) path.Append(path.Length == 0 ? 'M' : 'L').Append(N(X(p.WindowStart))).Append(',').Append(N(Y(p.NetSentiment))).Append(' ');
                sb.Append(Inv, $"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{(s == 0 ? 3 : 2)}\"{(s == 0 ? "" : " stroke-opacity=\"0.9\"")}/>");
            }
            double r = line.Count > 60 ? (s == 0 ? 2.5 : 2) : (s == 0 ? 4 : 3);
            foreach (var p in line)
            {
                var ci = WilsonInterval.OfNet(p.Negative, p.Neutral, p.Positive);
                sb.Circle(X(p.WindowStart), Y(p.NetSentiment), r, colour,
                    $"{p.Topic}, {Label(p.WindowStart, window)}: netto {p.NetSentiment.ToString("+0.00;-0.00;0", KeyFigure.Nl)} (95 %: {ci.Lower.ToString("+0.00;-0.00;0", KeyFigure.Nl)} tot {ci.Upper.ToString("+0.00;-0.00;0", KeyFigure.Nl)}; {p.Posts} berichten: {p.Negative} neg., {p.Positive} pos.)");
            }
            sb.Rect(width - right + 16, top + s * 22, 14, 4, colour);
            sb.Text(width - right + 36, top + s * 22 + 6, Clip(series[s], 24), fill: Ink, size: 12, weight: s == 0 ? "bold" : "normal");
        }
        foreach (var p in pts.Where(p => p.Topic == series[0] && p.Posts < TrendWindows.MinPosts))
            sb.Circle(X(p.WindowStart), Y(0), 3, "#ffffff", $"{Label(p.WindowStart, window)}: {p.Posts} berichten, te weinig om te tekenen (minimum {TrendWindows.MinPosts})", Muted);
        return sb.Close();
    }

    // runs of windows that follow each other without a missing window in between
    private static IEnumerable<List<SentimentPoint>> Runs(List<SentimentPoint> points, TimeWindow window)
    {
        var run = new List<SentimentPoint>();
        foreach (var p in points.OrderBy(p => p.WindowStart))
        {
            if (run.Count > 0 && TrendWindows.Next(run[^1].WindowStart, window) != p.WindowStart) { yield return run; run = []; }
            run.Add(p);
        }
        if (run.Count > 0) yield return run;
    }

    /// <summary>Tick marks and labels on a proportional time axis from <paramref name="t0"/> to <paramref name="t1"/>: years, months or days, at most about 12 labels.</summary>
    private static void TimeTicks(StringBuilder sb, DateOnly t0, DateOnly t1, Func<DateOnly, double> x, double y, TimeWindow window)
    {
        int span = t1.DayNumber - t0.DayNumber;
        var ticks = new List<(DateOnly Day, string Text)>();
        if (span > 3 * 365)
        {
            int step = Math.Max(1, (int)Math.Ceiling(span / 365.25 / 12));
            for (int year = t0.Year + (t0.DayOfYear == 1 ? 0 : 1); year <= t1.Year; year += step)
                ticks.Add((new DateOnly(year, 1, 1), year.ToString(Inv)));
        }
        else if (span > 92)
        {
            int months = (t1.Year - t0.Year) * 12 + t1.Month - t0.Month;
            int step = Math.Max(1, (int)Math.Ceiling(months / 12.0));
            for (var d = t0.Day == 1 ? t0 : new DateOnly(t0.Year, t0.Month, 1).AddMonths(1); d <= t1; d = d.AddMonths(step))
                ticks.Add((d, d.Month == 1 || ticks.Count == 0 ? $"{Months[d.Month - 1]} {d.Year}" : Months[d.Month - 1]));
        }
        else
        {
            int step = Math.Max(1, (int)Math.Ceiling(span / 12.0));
            if (window == TimeWindow.Week) step = Math.Max(7, (step + 6) / 7 * 7);
            for (var d = t0; d <= t1; d = d.AddDays(step)) ticks.Add((d, $"{d.Day} {Months[d.Month - 1]}"));
        }
        foreach (var (day, text) in ticks)
        {
            if (day < t0 || day > t1) continue;
            sb.Line(x(day), y, x(day), y + 5, Muted);
            sb.Text(x(day), y + 18, text, "middle", Muted, 11);
        }
    }

    /// <summary>Share of answered conversations per waiting-time band, one column per organisation (at most four).</summary>
    public static string ResponseBands(IReadOnlyList<ResponseTimeDistribution> orgs, string label)
    {
        var shown = orgs.Take(4).ToList();
        const int width = 960, height = 320, left = 60, top = 34, bottom = 44;
        var sb = Open(width, height, label);
        int bands = ResponseTimeBands.Labels.Count;
        double plotW = width - left - 20, plotH = height - top - bottom;
        double maxShare = 0.05;
        foreach (var o in shown)
            for (int b = 0; b < bands; b++)
                if (o.Summary.Answered > 0) maxShare = Math.Max(maxShare, (double)o.Summary.BandCounts[b] / o.Summary.Answered);
        double ymax = Math.Min(1, NiceMax(maxShare));
        double Y(double v) => top + plotH - v / ymax * plotH;
        for (int k = 0; k <= 4; k++)
        {
            double v = ymax * k / 4;
            sb.Line(left, Y(v), left + plotW, Y(v));
            sb.Text(left - 8, Y(v) + 4, Pct(v).Replace(",0 %", " %"), "end", Muted, 11);
        }
        double groupW = plotW / bands;
        double barW = Math.Min(40, (groupW - 16) / Math.Max(1, shown.Count));
        for (int b = 0; b < bands; b++)
        {
            double gx = left + b * groupW + (groupW - barW * shown.Count) / 2;
            for (int o = 0; o < shown.Count; o++)
            {
                var s = shown[o].Summary;
                double share = s.Answered == 0 ? 0 : (double)s.BandCounts[b] / s.Answered;
                sb.Rect(gx + o * barW, Y(share), barW - 3, top + plotH - Y(share), Palette[o % Palette.Length],
                    $"{shown[o].Organisation}, {ResponseTimeBands.Labels[b]}: {s.BandCounts[b]} gesprekken ({Pct(share)})", 2);
            }
            sb.Text(left + b * groupW + groupW / 2, height - bottom + 18, ResponseTimeBands.Labels[b], "middle", Muted, 12);
        }
        for (int o = 0; o < shown.Count; o++)
        {
            sb.Rect(left + o * 230, 6, 12, 12, Palette[o % Palette.Length]);
            var s = shown[o].Summary;
            sb.Text(left + o * 230 + 18, 16, $"{Clip(shown[o].Organisation, 22)} (n = {s.Answered})", size: 12);
        }
        sb.Text(left, height - 6, "eerste reactie op een vraag, als deel van de beantwoorde gesprekken", fill: Muted, size: 11);
        return sb.Close();
    }

    /// <summary>Posts per hour of the week as a 7 × 24 heat map.</summary>
    public static string Heatmap(ActivityRhythm rhythm, string label)
    {
        const int left = 90, top = 26, cellW = 35, cellH = 30;
        int width = left + 24 * cellW + 10, height = top + 7 * cellH + 40;
        var sb = Open(width, height, label);
        int max = Math.Max(1, rhythm.HourOfWeek.Max());
        for (int h = 0; h < 24; h += 2) sb.Text(left + h * cellW + cellW / 2.0, top - 8, h.ToString("00", Inv) + " u", "middle", Muted, 11);
        for (int d = 0; d < 7; d++)
        {
            sb.Text(left - 10, top + d * cellH + cellH / 2.0 + 4, ActivityRhythm.DayNames[d], "end");
            for (int h = 0; h < 24; h++)
            {
                int c = rhythm.HourOfWeek[d * 24 + h];
                double t = Math.Sqrt((double)c / max);
                sb.Rect(left + h * cellW + 1, top + d * cellH + 1, cellW - 2, cellH - 2, Blend(t), $"{ActivityRhythm.DayNames[d]} {h:00}–{h + 1:00} u: {c} berichten", 3);
            }
        }
        double ly = top + 7 * cellH + 14;
        sb.Text(left, ly + 12, "weinig", fill: Muted, size: 11);
        for (int i = 0; i <= 10; i++) sb.Rect(left + 50 + i * 18, ly, 18, 14, Blend(i / 10.0));
        sb.Text(left + 50 + 11 * 18 + 6, ly + 12, $"veel (max. {max} berichten per uur)", fill: Muted, size: 11);
        return sb.Close();
    }

    private static string Blend(double t)
    {
        // from #f5f7fa to #0b4f8a
        int r = (int)Math.Round(0xf5 + (0x0b - 0xf5) * t), g = (int)Math.Round(0xf7 + (0x4f - 0xf7) * t), b = (int)Math.Round(0xfa + (0x8a - 0xfa) * t);
        return $"#{r:x2}{g:x2}{b:x2}";
    }

    /// <summary>The drawn actors at their layout positions, coloured by community, sized by PageRank; the top actors named.</summary>
    public static string Network(NetworkAnalysis net, string label, int named = 10)
    {
        const int width = 960, height = 640, pad = 40, legendW = 200;
        var sb = Open(width, height, label);
        var drawn = net.Actors.Where(a => a.IsDrawn).ToList();
        if (drawn.Count == 0) { sb.Text(width / 2.0, height / 2.0, "geen interacties", "middle", Muted); return sb.Close(); }
        var rank = drawn.GroupBy(a => a.Community).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select((g, i) => (g.Key, i)).ToDictionary(x => x.Key, x => x.i);
        string Colour(int community) => rank.TryGetValue(community, out var i) && i < Palette.Length - 2 ? Palette[i] : "#9aa5b1";
        double plotW = width - 2 * pad - legendW, plotH = height - 2 * pad;
        var pos = drawn.ToDictionary(a => a.ActorId, a => (X: pad + a.X * plotW, Y: pad + a.Y * plotH), StringComparer.Ordinal);
        double maxW = Math.Max(1, net.Links.Count == 0 ? 1 : net.Links.Max(l => l.Weight));
        foreach (var l in net.Links)
        {
            if (!pos.TryGetValue(l.Source, out var a) || !pos.TryGetValue(l.Target, out var b)) continue;
            sb.Append(Inv, $"<line x1=\"{N(a.X)}\" y1=\"{N(a.Y)}\" x2=\"{N(b.X)}\" y2=\"{N(b.Y)}\" stroke=\"#9aa5b1\" stroke-opacity=\"{N(0.15 + 0.5 * l.Weight / maxW)}\" stroke-width=\"{N(0.6 + 2.4 * l.Weight / maxW)}\"/>");
        }
        double maxPr = drawn.Max(a => a.PageRank);
        foreach (var a in drawn.AsEnumerable().Reverse())
        {
            var p = pos[a.ActorId];
            double r = 3 + 15 * Math.Sqrt(a.PageRank / maxPr);
            sb.Circle(p.X, p.Y, r, Colour(a.Community), $"{a.ActorId} ({Role(a.Role)}), groep {a.Group}, PageRank {a.PageRank.ToString("0.0000", KeyFigure.Nl)}, {a.InDegree} in / {a.OutDegree} uit");
        }
        foreach (var a in drawn.Take(named))
        {
            var p = pos[a.ActorId];
            double r = 3 + 15 * Math.Sqrt(a.PageRank / maxPr);
            sb.Append(Inv, $"<text x=\"{N(p.X)}\" y=\"{N(p.Y - r - 4)}\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\" fill=\"{Ink}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{E(a.ActorId)}</text>");
        }
        double lx = width - legendW + 10;
        sb.Text(lx, pad, "groepen (Leiden)", weight: "bold");
        int row = 0;
        foreach (var (community, i) in rank.OrderBy(x => x.Value).Take(Palette.Length - 2))
        {
            int size = net.CommunitySizes[community];
            sb.Circle(lx + 6, pad + 22 + row * 22, 6, Colour(community));
            sb.Text(lx + 20, pad + 26 + row * 22, $"groep {community + 1}: {size} deelnemers", size: 12);
            row++;
        }
        if (rank.Count > Palette.Length - 2) { sb.Circle(lx + 6, pad + 22 + row * 22, 6, "#9aa5b1"); sb.Text(lx + 20, pad + 26 + row * 22, "overige groepen", size: 12); row++; }
        sb.Text(lx, pad + 40 + row * 22, "cirkel: PageRank", fill: Muted, size: 11);
        sb.Text(lx, pad + 56 + row * 22, "lijn: aantal interacties", fill: Muted, size: 11);
        return sb.Close();
    }

    /// <summary>Most past windows drawn per panel: more would leave bars a pixel wide (129 months gave 774 empty bars).</summary>
    public const int MaxHistoryBars = 24;

    /// <summary>
    /// Small multiples: posts per window (grey; the last <see cref="MaxHistoryBars"/> at most, each as wide as its span
    /// of time) and the next window's forecast with its 80 % interval (blue).
    /// </summary>
    public static string ActivityForecasts(IReadOnlyList<ActivityForecast> forecasts, TimeWindow window, string label, int max = 6)
    {
        var shown = forecasts.Take(max).ToList();
        const int panelW = 310, panelH = 190, cols = 3;
        int rows = Math.Max(1, (shown.Count + cols - 1) / cols);
        var sb = Open(cols * panelW + 30, rows * panelH + 10, label);
        for (int k = 0; k < shown.Count; k++)
        {
            var f = shown[k];
            double ox = 10 + k % cols * panelW, oy = 5 + k / cols * panelH;
            const double left = 40, top = 28, bottom = 30;
            double plotW = panelW - left - 20, plotH = panelH - top - bottom;
            var history = f.History.Skip(Math.Max(0, f.History.Count - MaxHistoryBars)).ToList();
            double ymax = NiceMax(Math.Max(f.Upper, history.Count == 0 ? 1 : history.Max()));
            double Y(double v) => oy + top + plotH - v / ymax * plotH;
            sb.Text(ox + left, oy + 16, Clip(f.Topic, 34), weight: "bold", size: 13);
            foreach (var v in new[] { 0, ymax / 2, ymax })
            {
                sb.Line(ox + left, Y(v), ox + left + plotW, Y(v));
                sb.Text(ox + left - 6, Y(v) + 4, Num(v, "0.#"), "end", Muted, 10);
            }
            int n = history.Count + 1;
            double bw = plotW / n, gap = Math.Min(4, bw / 4);
            for (int i = 0; i < history.Count; i++)
                sb.Rect(ox + left + i * bw + gap / 2, Y(history[i]), bw - gap, Y(0) - Y(history[i]), "#cbd2d9", $"{history.Count - i} {TrendWindows.DutchName(window)}(en) terug: {history[i]} berichten", 2);
            double fx = ox + left + history.Count * bw + gap / 2;
            sb.Append(Inv, $"<rect x=\"{N(fx)}\" y=\"{N(Y(f.Upper))}\" width=\"{N(bw - gap)}\" height=\"{N(Y(f.Lower) - Y(f.Upper))}\" fill=\"#0072B2\" fill-opacity=\"0.22\" rx=\"2\"><title>80 %-interval {Num(f.Lower, "0.#")} – {Num(f.Upper, "0.#")}</title></rect>");
            sb.Line(fx, Y(f.Forecast), fx + bw - gap, Y(f.Forecast), "#0072B2", 3);
            sb.Text(fx + (bw - gap) / 2, Y(f.Upper) - 4, Num(f.Forecast, "0"), "end", "#0072B2", 11, "bold");
            sb.Text(ox + left, oy + panelH - 10, history.Count < f.History.Count ? $"laatste {history.Count} van {f.History.Count} periodes" : "vorige periodes", fill: Muted, size: 10);
            sb.Text(ox + left + plotW, oy + panelH - 10, "verwachting", "end", "#0072B2", 10);
        }
        return sb.Close();
    }

    /// <summary>Horizontal bars: the reply probability of each open post.</summary>
    public static string OpenPosts(IReadOnlyList<OpenPostForecast> open, TimeZoneInfo zone, string label, int max = 15)
    {
        var rows = open.Take(max).ToList();
        const int left = 330, width = 960, rowH = 26, top = 10;
        int height = top + Math.Max(1, rows.Count) * rowH + 24;
        var sb = Open(width, height, label);
        double barMax = width - left - 80;
        foreach (var v in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            sb.Line(left + v * barMax, top, left + v * barMax, top + rows.Count * rowH, Grid);
            sb.Text(left + v * barMax, top + rows.Count * rowH + 16, Pct(v).Replace(",0 %", " %"), "middle", Muted, 11);
        }
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            double y = top + i * rowH;
            sb.Text(left - 10, y + 17, Clip($"{r.AuthorId} · {When(r.Time, zone)} · {r.Topic}", 46), "end", size: 12);
            sb.Rect(left, y + 5, r.ReplyProbability * barMax, rowH - 10, "#0072B2", $"{r.PostId}: kans op reactie binnen 24 uur {Pct(r.ReplyProbability)}", 2);
            sb.Text(left + r.ReplyProbability * barMax + 6, y + 17, Pct(r.ReplyProbability), fill: Muted, size: 11);
        }
        return sb.Close();
    }

    private static void Legend(StringBuilder sb, double x, double y, (string Name, string Colour)[] items)
    {
        foreach (var (name, colour) in items)
        {
            sb.Rect(x, y - 10, 12, 12, colour, rx: 2);
            sb.Text(x + 17, y, name, size: 12);
            x += 30 + name.Length * 7;
        }
    }

    private static readonly string[] Months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    internal static string Label(DateOnly d, TimeWindow w) => w switch
    {
        TimeWindow.Month => $"{Months[d.Month - 1]} {d.Year}",
        TimeWindow.Year => d.Year.ToString(Inv),
        _ => $"{d.Day} {Months[d.Month - 1]}",
    };

    internal static string When(DateTimeOffset t, TimeZoneInfo zone)
    {
        var l = TimeZoneInfo.ConvertTime(t, zone);
        return $"{l.Day} {Months[l.Month - 1]} {l.Year} {l.Hour:00}:{l.Minute:00}";
    }

    internal static string Role(Polder.Community.ActorRole r) => r switch
    {
        Polder.Community.ActorRole.Citizen => "burger",
        Polder.Community.ActorRole.Organisation => "organisatie",
        Polder.Community.ActorRole.Business => "bedrijf",
        Polder.Community.ActorRole.Politician => "politicus",
        Polder.Community.ActorRole.Media => "media",
        _ => "onbekend",
    };

    internal static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
