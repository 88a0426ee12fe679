using System.Globalization;
using System.Text;
using Polder.Sentiment;
using static Polder.Analysis.Reporting.Svg;

namespace Polder.Analysis.Reporting;

/// <summary>
/// Writes a <see cref="CommunityAnalysis"/> as one self-contained HTML page: inline CSS, inline SVG charts, no scripts,
/// no external files, so it opens offline in any browser. Sections (element ids): overview, sentiment, topics,
/// response-times, rhythm, network, forecasts, data-quality. Each key figure carries <c>data-key</c> and
/// <c>data-value</c> attributes with the same value <see cref="SummaryJson"/> writes.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>The section ids, in page order.</summary>
    public static IReadOnlyList<string> SectionIds { get; } = ["discovered-topics", "overview", "sentiment", "topics", "alerts", "response-times", "rhythm", "network", "forecasts", "data-quality"];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes the report to <paramref name="stream"/> (UTF-8, left open).</summary>
    public static void Write(CommunityAnalysis analysis, Stream stream)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        w.Write(Render(analysis));
    }

    /// <summary>The report as a string.</summary>
    public static string Render(CommunityAnalysis a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var zone = a.Options.TimeZone;
        var sb = new StringBuilder(1 << 16);
        string period = a.FirstPost is { } f && a.LastPost is { } l ? $"{Charts.When(f, zone)} – {Charts.When(l, zone)}" : "geen berichten";
        sb.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
          .Append("<title>Community-analyse: ").Append(E(a.Source)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header><div class=\"wrap\"><p class=\"kicker\">Polder · community-analyse</p><h1>").Append(E(a.Source)).Append("</h1><p class=\"period\">")
          .Append(E(period)).Append("</p><nav>");
        foreach (var (id, title) in SectionIds.Zip(Titles)) sb.Append(Inv, $"<a href=\"#{id}\">{E(title)}</a>");
        sb.Append("</nav></div></header>\n<main class=\"wrap\">\n");

        DiscoveredTopics(sb, a);
        Overview(sb, a);
        Sentiment(sb, a);
        Topics(sb, a);
        AlertsSection(sb, a, zone);
        ResponseTimesSection(sb, a);
        Rhythm(sb, a);
        NetworkSection(sb, a);
        Forecasts(sb, a, zone);
        DataQuality(sb, a);

        sb.Append("</main>\n<footer class=\"wrap\">Gemaakt met Polder ").Append(E(typeof(HtmlReport).Assembly.GetName().Version?.ToString(3)))
          .Append(Inv, $". Seed {a.Options.Seed}. Alle cijfers staan ook in summary.json en in de tabellen (CSV en Parquet) naast dit rapport.</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static readonly string[] Titles = ["Waar gaat het over", "Overzicht", "Sentiment in de tijd", "Onderwerpen", "Signalen van onrust", "Reactietijden", "Ritme", "Netwerk", "Voorspellingen", "Datakwaliteit"];

    private static void Section(StringBuilder sb, string id, string intro)
    {
        int i = SectionIds.ToList().IndexOf(id);
        sb.Append(Inv, $"<section id=\"{id}\"><h2>{E(Titles[i])}</h2><p class=\"intro\">{E(intro)}</p>\n");
    }

    private static void End(StringBuilder sb) => sb.Append("</section>\n");

    private static void Missing(StringBuilder sb, string what) => sb.Append("<p class=\"empty\">").Append(E(what)).Append("</p>");

    private static void Overview(StringBuilder sb, CommunityAnalysis a)
    {
        Section(sb, "overview", "De belangrijkste cijfers van deze community in één oogopslag.");
        foreach (var group in a.KeyFigures.GroupBy(k => k.Group, StringComparer.Ordinal))
        {
            if (group.Key.Length > 0) sb.Append("<h3>").Append(E(group.Key)).Append("</h3>");
            sb.Append("<div class=\"figures\">");
            foreach (var k in group)
                sb.Append(Inv, $"<div class=\"figure\" data-key=\"{E(k.Key)}\" data-value=\"{E(SummaryJson.Format(k.Value))}\"><span class=\"value\">{E(k.Display)}</span><span class=\"label\">{E(k.Label)}</span></div>");
            sb.Append("</div>");
        }
        var bullets = new List<string>();
        if (LanguageNote(a) is { } lang) bullets.Add(lang);
        if (a.Topics.Count > 0) bullets.Add($"Grootste onderwerp: {a.Topics[0].Topic} ({a.Topics[0].Posts} berichten).");
        if (a.Complaints.Count > 0) bullets.Add($"Meest genoemde meldingscategorie: {a.Complaints[0].Topic} ({a.Complaints[0].Posts} berichten).");
        if (a.Rhythm is { } r && r.PeakHourOfWeek >= 0) bullets.Add($"Drukste uur van de week: {ActivityRhythm.Describe(r.PeakHourOfWeek)}.");
        if (a.Network?.Actors.FirstOrDefault() is { } top) bullets.Add($"Meest centrale deelnemer (PageRank): {top.ActorId}.");
        if (bullets.Count > 0)
        {
            sb.Append("<ul class=\"bullets\">");
            foreach (var b in bullets) sb.Append("<li>").Append(E(b)).Append("</li>");
            sb.Append("</ul>");
        }
        End(sb);
    }

    private static void Sentiment(StringBuilder sb, CommunityAnalysis a)
    {
        Section(sb, "sentiment", $"Netto sentiment per {TrendWindows.DutchName(a.TrendWindow)}: het aandeel positieve min het aandeel negatieve berichten, voor de hele community en de grootste onderwerpen. Boven de nullijn overheerst positief.");
        if (a.SentimentTrend.Count == 0) { Missing(sb, NoTextReason(a)); End(sb); return; }
        var series = new List<string> { TextLayer.All };
        series.AddRange(a.Topics.Take(5).Select(t => t.Topic));
        sb.Append("<figure>").Append(Charts.SentimentLines(a.SentimentTrend, series, a.TrendWindow, "Netto sentiment per onderwerp in de tijd")).Append("</figure>");
        var all = a.SentimentTrend.Where(p => p.Topic == TextLayer.All).ToList();
        Table(sb, ["periode", "berichten", "negatief", "95 %-interval", "neutraal", "positief", "netto", "95 %-interval"],
            all.Select(p =>
            {
                if (p.Posts < TrendWindows.MinPosts)
                    return new[] { Charts.Label(p.WindowStart, a.TrendWindow), Int(p.Posts), Int(p.Negative), "te weinig berichten", Int(p.Neutral), Int(p.Positive), "–", "te weinig berichten" };
                var neg = WilsonInterval.Of(p.Negative, p.Posts);
                var net = WilsonInterval.OfNet(p.Negative, p.Neutral, p.Positive);
                return new[]
                {
                    Charts.Label(p.WindowStart, a.TrendWindow), Int(p.Posts), $"{Int(p.Negative)} ({Pct((double)p.Negative / p.Posts)})", $"{Pct(neg.Lower)} – {Pct(neg.Upper)}",
                    Int(p.Neutral), Int(p.Positive), Signed(p.NetSentiment), $"{Signed(net.Lower)} – {Signed(net.Upper)}",
                };
            }), "numeric-from-1");
        sb.Append("<p class=\"note\">").Append(E($"Intervallen: 95 % (Wilson). Periodes met minder dan {TrendWindows.MinPosts} berichten staan in de tabel maar niet als punt in de grafiek: één bericht meer of minder verschuift het aandeel daar met 5 procentpunten of meer.")).Append("</p>");
        End(sb);
    }

    private static void Topics(StringBuilder sb, CommunityAnalysis a)
    {
        var analysed = a.Posts.Where(p => p.Topic is not null).ToList();
        double meanConfidence = analysed.Count == 0 ? double.NaN : analysed.Average(p => (double)p.TopicConfidence);
        Section(sb, "topics", "Waar gaan de gesprekken over, en op welke toon? Een gesprek krijgt het onderwerp van zijn eerste bericht, zodat korte reacties meetellen bij het onderwerp waarop ze reageren.");
        if (a.Topics.Count == 0) { Missing(sb, NoTextReason(a)); End(sb); return; }
        if (a.ThemeModel is { Applies: false } fit) ThemeModelDoesNotApply(sb, fit);
        else
        {
        sb.Append("<h3>Onderwerpen (themamodel)</h3><figure>").Append(Charts.SentimentBars(a.Topics, "Berichten per onderwerp, naar sentiment")).Append("</figure>");
        sb.Append("<p class=\"note\">").Append(E($"Onderwerpen komen van het meegeleverde themamodel (beleidsthema's van schriftelijke Kamervragen, zie models/themes-dekamer.md). Het is niet getraind op berichten aan gemeenten; de gemiddelde zekerheid per bericht is hier {Pct(meanConfidence)}. Lees de thema's als grove indeling; de meldingscategorieën hieronder passen vaak beter bij gemeentelijke onderwerpen.")).Append("</p>");
        }
        if (a.Complaints.Count > 0)
        {
            sb.Append("<h3>Meldingscategorieën (Signalen)</h3><figure>").Append(Charts.SentimentBars(a.Complaints, "Berichten per meldingscategorie, naar sentiment")).Append("</figure>");
            // the evidence behind each category: the words that decided it most often
            Table(sb, ["categorie", "berichten", "vaakst op grond van"],
                a.Complaints.Select(c => new[]
                {
                    c.Topic, Int(c.Posts),
                    string.Join(", ", a.Posts.Where(p => p.Complaint == c.Topic).SelectMany(p => p.ComplaintEvidence.Select(e => e.ToLowerInvariant()).Distinct())
                        .GroupBy(e => e, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(6)
                        .Select(g => $"{g.Key} ({Int(g.Count())})")),
                }), "numeric-from-1");
            sb.Append("<p class=\"note\">Een bericht krijgt alleen een categorie als het genoeg aanwijzingen uit de Signalen-taxonomie bevat; anders geen. Percentages zijn van de berichten die de Nederlandse modellen lazen.</p>");
        }
        Places(sb, a);
        End(sb);
    }

    private static void AlertsSection(StringBuilder sb, CommunityAnalysis a, TimeZoneInfo zone)
    {
        Section(sb, "alerts", "Stijgt het aantal berichten over een onderwerp, of het aandeel negatieve berichten, ongewoon sterk? Elk etmaal wordt vergeleken met dezelfde uren van de vier weken ervoor.");
        if (Polder.Topics.Alerts.CommunityAlerts.Of(a) is not { } set) { Missing(sb, NoTextReason(a)); End(sb); return; }
        string source = set.Source switch
        {
            Polder.Topics.Alerts.AlertTopicSource.Complaints => "meldingscategorieën (Signalen)",
            Polder.Topics.Alerts.AlertTopicSource.Discovered => "de onderwerpen uit de berichten zelf (Waar gaat het over)",
            _ => "thema's (themamodel)",
        };
        if (set.Alerts.Count == 0) Missing(sb, "Geen ongewone stijgingen gevonden.");
        else
        {
            // only the example posts shown (a dictionary of every post cost tens of MB on a million posts)
            var shown = set.Alerts.Take(30).SelectMany(x => x.Evidence.Take(3)).ToHashSet(StringComparer.Ordinal);
            var byId = new Dictionary<string, PostAnalysis>(StringComparer.Ordinal);
            foreach (var p in a.Posts)
                if (shown.Contains(p.PostId)) byId.TryAdd(p.PostId, p);
            Table(sb, ["periode", "onderwerp", "wat steeg", "voorbeeldberichten", "gezien", "verwacht", "score"],
                set.Alerts.Take(30).Select(x => new[]
                {
                    $"{Charts.When(x.From, zone)} – {Charts.When(x.To, zone)}", x.Topic ?? "hele community",
                    x.Kind == Polder.Topics.Alerts.AlertKind.Volume ? "aantal berichten" : "aandeel negatief",
                    string.Join(" · ", x.Evidence.Take(3).Select(id => byId.TryGetValue(id, out var p) ? Charts.When(p.Time, zone) + " " + p.AuthorId : id)),
                    x.Kind == Polder.Topics.Alerts.AlertKind.Volume ? Int((long)x.Observed) + $" in 24 uur" : Pct(x.Observed) + $" van {Int(x.Posts)}",
                    x.Kind == Polder.Topics.Alerts.AlertKind.Volume ? x.Expected.ToString("0.#", KeyFigure.Nl) : Pct(x.Expected),
                    x.Score.ToString("0.0", KeyFigure.Nl),
                }), "numeric-from-4");
            if (set.Alerts.Count > 30) sb.Append(Inv, $"<p class=\"note\">De eerste 30 van {set.Alerts.Count} signalen; alle staan in summary.json.</p>");
        }
        sb.Append("<p class=\"note\">").Append(E($"Onderwerpen: {source}, en de hele community. Een signaal vraagt een score van minstens {set.Options.Threshold.ToString("0.#", KeyFigure.Nl)} (aantal; minstens {set.Options.MinPosts} berichten en {set.Options.MinRatio.ToString("0.#", KeyFigure.Nl)} keer het verwachte) of {set.Options.ShareThreshold.ToString("0.#", KeyFigure.Nl)} (aandeel negatief; minstens {set.Options.MinSentimentPosts} berichten met sentiment en {Pct(set.Options.MinShareRise)} hoger): het verschil met de verwachting in standaardafwijkingen, rekening houdend met hoe grillig de vier weken ervoor waren. Op gesimuleerde gemeenten vond dit 98 % van de geplante verdrievoudigingen binnen een etmaal, met 0,4 loos alarm per 90 rustige dagen, bij zo’n 70 berichten per onderwerp per dag (docs/alerts.md). Gezien en verwacht gelden voor het sterkste etmaal.")).Append("</p>");
        End(sb);
    }

    private static void ResponseTimesSection(StringBuilder sb, CommunityAnalysis a)
    {
        Section(sb, "response-times", "Hoe snel reageren organisaties op vragen van burgers en bedrijven? Wachttijd tot de eerste reactie, in kalendertijd (nachten en weekenden tellen mee).");
        if (a.ResponseTimes.Count == 0) { Missing(sb, a.Behaviour is null ? "De gedragslaag is niet uitgevoerd." : "Geen gesprekken met een organisatie gevonden."); End(sb); return; }
        if (a.Behaviour is { ResponderMode: not Polder.Behaviour.ResponderMode.Organisation })
            sb.Append("<p class=\"note\">Geen organisaties in deze community (geef webcare-accounts op met --org of de rol organisation): hier telt elke reactie van een ander als antwoord.</p>");
        if (a.ResponseTimes.All(r => r.Summary.Answered == 0)) { Missing(sb, "Geen enkel gesprek kreeg een reactie: er is geen reactietijd te meten."); End(sb); return; }
        sb.Append("<figure>").Append(Charts.ResponseBands(a.ResponseTimes, "Verdeling van de eerste reactietijd per organisatie")).Append("</figure>");
        Table(sb, ["organisatie", "gesprekken", "gesprekken beantwoord", "niet beantwoord", "gemiddeld (uur)", "mediaan (uur)", "90 % binnen (uur)"],
            a.ResponseTimes.Take(20).Select(r => new[]
            {
                r.Organisation, Int(r.Summary.Conversations), Pct(r.Summary.AnsweredShare), Int(r.Summary.Unanswered),
                Hours(r.Summary.MeanHours), Hours(r.Summary.MedianHours), Hours(r.Summary.P90Hours),
            }), "numeric-from-1");
        End(sb);
    }

    private static void Rhythm(StringBuilder sb, CommunityAnalysis a)
    {
        Section(sb, "rhythm", "Wanneer schrijft de community? Berichten per uur van de week (Nederlandse tijd). Donkerder is drukker.");
        if (a.Rhythm is not { } r) { Missing(sb, "De gedragslaag is niet uitgevoerd."); End(sb); return; }
        sb.Append("<figure>").Append(Charts.Heatmap(r, "Berichten per uur van de week")).Append("</figure>");
        End(sb);
    }

    private static void NetworkSection(StringBuilder sb, CommunityAnalysis a)
    {
        Section(sb, "network", "Wie reageert op wie, noemt wie of deelt wiens berichten? Elke cirkel is een deelnemer, de kleur is de groep die het Leiden-algoritme vond; grotere cirkels zijn centraler (PageRank).");
        if (a.Network is not { } net) { Missing(sb, "De netwerklaag is niet uitgevoerd."); End(sb); return; }
        int drawn = net.Actors.Count(x => x.IsDrawn);
        sb.Append("<figure>").Append(Charts.Network(net, "Interactienetwerk, gekleurd per groep")).Append("</figure>");
        sb.Append("<p class=\"note\">").Append(E($"{drawn} van {net.Nodes} deelnemers getekend (de meest centrale); {net.Communities} groepen, modulariteit {net.Modularity.ToString("0.00", KeyFigure.Nl)}, wederkerigheid {Pct(net.Reciprocity)}. Indeling en plaatsing zijn reproduceerbaar (seed {net.Seed}).")).Append("</p>");
        Table(sb, ["deelnemer", "rol", "groep", "PageRank", "in", "uit"],
            net.TopActors(a.Options.TopActors).Select(x => new[] { x.ActorId, Charts.Role(x.Role), Int(x.Group), x.PageRank.ToString("0.0000", KeyFigure.Nl), Int(x.InDegree), Int(x.OutDegree) }),
            "numeric-from-2");
        End(sb);
    }

    private static void Forecasts(StringBuilder sb, CommunityAnalysis a, TimeZoneInfo zone)
    {
        Section(sb, "forecasts", "Wat komt eraan? Elke voorspelling staat er met haar onzekerheid bij; de methode en hoe goed ze terugtoetst staan eronder.");
        if (a.Forecasts is not { } fc) { Missing(sb, "De voorspellingslaag is niet uitgevoerd."); End(sb); return; }
        string w = TrendWindows.DutchName(a.TrendWindow);
        sb.Append("<h3>Aantal berichten in de volgende ").Append(E(w)).Append("</h3>");
        if (fc.Activity.Count > 0)
        {
            sb.Append("<figure>").Append(Charts.ActivityForecasts(fc.Activity, a.TrendWindow, "Berichten per periode en de verwachting voor de volgende")).Append("</figure>");
            Table(sb, ["reeks (onderwerp)", "verwacht", "80 %-interval", "laatste periodes (alle in de tabellen)"],
                fc.Activity.Select(f => new[] { f.Topic, f.Forecast.ToString("0.#", KeyFigure.Nl), $"{f.Lower.ToString("0.#", KeyFigure.Nl)} – {f.Upper.ToString("0.#", KeyFigure.Nl)}",
                    (f.History.Count > 6 ? "… " : "") + string.Join(" · ", f.History.Skip(Math.Max(0, f.History.Count - 6))) }),
                "numeric-from-1");
            sb.Append("<p class=\"note\">").Append(E($"Methode: gemiddelde van de laatste drie volledige periodes ({w}, teruggeteld vanaf het laatste bericht). Het 80 %-interval komt uit de fouten van dezelfde methode op eerdere periodes ({fc.ActivityBacktestCount} terugtoetsen; bij minder dan 20 per reeks een t-interval dat breder wordt naarmate er minder zijn; gemiddelde afwijking {fc.ActivityBacktestMae.ToString("0.0", KeyFigure.Nl)} berichten; {Pct(fc.ActivityBacktestCoverage)} viel binnen het interval — dat is een controle op dezelfde gegevens, geen onafhankelijke toets).")).Append("</p>");
        }
        sb.Append("<h3>Welke open berichten krijgen nog een reactie?</h3>");
        if (fc.Engagement is { } e)
        {
            if (e.Open.Count > 0) sb.Append("<figure>").Append(Charts.OpenPosts(e.Open, zone, "Kans op een reactie binnen 24 uur per open bericht")).Append("</figure>");
            else Missing(sb, "Geen open berichten: alles van de laatste 24 uur heeft al een reactie.");
            sb.Append("<p class=\"note\">").Append(E($"Open: geschreven in de 24 uur voor het laatste bericht ({Charts.When(e.AsOf, zone)}) en nog zonder reactie. Model: gradient-boosted trees op gespreks-, auteurs- en tekstkenmerken, getraind op {e.TrainingPosts} afgesloten berichten van deze community ({Pct(e.BaseRate)} kreeg binnen 24 uur een reactie). Getoetst op de laatste {e.EvaluationPosts} afgesloten berichten na training op de eerdere: AUC {e.EvaluationAuc.ToString("0.00", KeyFigure.Nl)}, Brier {e.EvaluationBrier.ToString("0.000", KeyFigure.Nl)}.")).Append("</p>");
        }
        foreach (var n in fc.Notes) sb.Append("<p class=\"note\">").Append(E(n)).Append("</p>");
        End(sb);
    }

    /// <summary>The places named most, with how sure the finder was and why: a place is a decision from evidence, not a list hit.</summary>
    private static void Places(StringBuilder sb, CommunityAnalysis a)
    {
        var mentions = a.Posts.SelectMany(p => p.Places.Select(m => (Post: p, Mention: m))).ToList();
        sb.Append("<h3 id=\"places\">Plaatsnamen</h3>");
        if (mentions.Count == 0)
        {
            sb.Append("<p class=\"note\">Geen Nederlandse plaatsnaam met genoeg aanwijzingen gevonden (een woord dat ook een plaatsnaam is, zoals \u201cEen\u201d of een wijknaam als \u201cCentrum\u201d, telt alleen met context).</p>");
            return;
        }
        Table(sb, ["plaats", "gemeente", "provincie", "berichten", "gem. zekerheid", "vaakst op grond van"],
            mentions.GroupBy(x => x.Mention.Name, StringComparer.Ordinal)
                .OrderByDescending(g => g.Select(x => x.Post.PostId).Distinct(StringComparer.Ordinal).Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(15)
                .Select(g => new[]
                {
                    g.Key, g.First().Mention.Municipality.Name, g.First().Mention.Province, Int(g.Select(x => x.Post.PostId).Distinct(StringComparer.Ordinal).Count()),
                    g.Average(x => x.Mention.Confidence).ToString("0.00", KeyFigure.Nl),
                    string.Join(", ", g.SelectMany(x => x.Mention.Evidence).GroupBy(e => e, StringComparer.Ordinal).OrderByDescending(e => e.Count()).ThenBy(e => e.Key, StringComparer.Ordinal).Take(3).Select(e => e.Key)),
                }), "numeric-from-3");
    }

    /// <summary>Why the text sections are empty: the layer was off, or no post was Dutch.</summary>
    private static string NoTextReason(CommunityAnalysis a) =>
        (a.Options.Layers & AnalysisLayers.Text) == 0 ? "De tekstlaag is niet uitgevoerd."
        : a.Posts.Count > 0 && a.AnalysedPosts == 0 ? $"Geen Nederlandstalige berichten ({LanguageList(a)}). Sentiment, onderwerpen, meldingscategorieën en plaatsnamen komen van Nederlandse modellen en zijn daarom niet bepaald; berichten zonder woorden (alleen een link of emoji) tellen in zo'n community ook niet mee."
        : "Geen berichten met tekst om te lezen.";

    /// <summary>One sentence on the posts the Dutch layers skipped, or null when none were.</summary>
    private static string? LanguageNote(CommunityAnalysis a)
    {
        int skipped = a.Posts.Count - a.AnalysedPosts;
        if (skipped == 0) return null;
        return $"{Int(skipped)} van de {Int(a.Posts.Count)} berichten ({Pct((double)skipped / a.Posts.Count)}) zijn niet gelezen door de Nederlandse modellen (sentiment, onderwerpen, meldingen, plaatsen): {LanguageList(a)}. Hun percentages tellen alleen de {Int(a.AnalysedPosts)} gelezen berichten.";
    }

    private static string LanguageList(CommunityAnalysis a) =>
        string.Join(", ", a.Languages.Where(l => !l.Analysed).Take(5)
            .Select(l => l.Language == "unknown" ? $"zonder woorden (alleen link of emoji): {Int(l.Posts)}" : $"{LanguageName(l.Language)}: {Int(l.Posts)}"));

    private static string LanguageName(string code) => code switch
    {
        "nl" => "Nederlands", "en" => "Engels", "de" => "Duits", "fr" => "Frans", "es" => "Spaans", "it" => "Italiaans", "pt" => "Portugees",
        "tr" => "Turks", "ar" => "Arabisch", "pl" => "Pools", "fy" => "Fries", "unknown" => "onbekend", _ => code,
    };

    private static void DataQuality(StringBuilder sb, CommunityAnalysis a)
    {
        var r = a.Read;
        Section(sb, "data-quality", "Elke rij van de invoer is gebruikt of afgekeurd met een reden.");
        sb.Append(Inv, $"<p class=\"quality\"><span>{E(Int(r.RowsRead))} rijen gelezen</span><span class=\"ok\">{E(Int(r.Accepted))} gebruikt</span><span class=\"{(r.Rejected > 0 ? "bad" : "ok")}\">{E(Int(r.Rejected))} afgekeurd</span></p>");
        if (a.Languages.Count > 0)
        {
            sb.Append("<h3 id=\"languages\">Talen</h3>");
            Table(sb, ["taal", "berichten", "aandeel", "gelezen door de Nederlandse modellen"],
                a.Languages.Select(l => new[] { $"{LanguageName(l.Language)} ({l.Language})", Int(l.Posts), Pct(l.Share), l.Analysed ? "ja" : "nee, overgeslagen" }), "numeric-from-1");
            if (LanguageNote(a) is { } note) sb.Append("<p class=\"note\">").Append(E(note)).Append("</p>");
        }
        if (r.Rejected == 0) { sb.Append("<p class=\"note\">Geen rijen afgekeurd.</p>"); End(sb); return; }
        Table(sb, ["veld", "afgekeurd"], r.RejectionsByField.OrderByDescending(kv => kv.Value).Select(kv => new[] { kv.Key, Int(kv.Value) }), "numeric-from-1");
        sb.Append(Inv, $"<h3>Eerste {Math.Min(50, r.Issues.Count)} afgekeurde rijen</h3>");
        Table(sb, ["regel", "veld", "reden"], r.Issues.Take(50).Select(i => new[] { Int(i.Line), i.Field ?? "(rij)", i.Reason }), "");
        End(sb);
    }

    private static void Table(StringBuilder sb, string[] header, IEnumerable<string[]> rows, string numeric)
    {
        int from = numeric.StartsWith("numeric-from-", StringComparison.Ordinal) ? int.Parse(numeric["numeric-from-".Length..], Inv) : int.MaxValue;
        sb.Append("<div class=\"table\"><table><thead><tr>");
        for (int i = 0; i < header.Length; i++) sb.Append(i >= from ? "<th class=\"num\">" : "<th>").Append(E(header[i])).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            for (int i = 0; i < row.Length; i++) sb.Append(i >= from ? "<td class=\"num\">" : "<td>").Append(E(row[i])).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div>");
    }

    private static string Int(long v) => v.ToString("#,0", KeyFigure.Nl);
    private static string Pct(double v) => double.IsNaN(v) ? "–" : (v * 100).ToString("0.0", KeyFigure.Nl) + " %";
    private static string Hours(double v) => double.IsNaN(v) ? "–" : v.ToString("0.0", KeyFigure.Nl);
    private static string Signed(double v) => double.IsNaN(v) ? "–" : v.ToString("+0.00;−0.00;0.00", KeyFigure.Nl);

    private const string Css = """
:root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--bg:#f5f7fa;--accent:#0b4f8a}
*{box-sizing:border-box}
body{margin:0;font-family:"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg);line-height:1.5}
.wrap{max-width:1040px;margin:0 auto;padding:0 24px}
header{background:var(--accent);color:#fff;padding:28px 0 0}
header h1{margin:4px 0 2px;font-size:30px;font-weight:600}
.kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;opacity:.8}
.period{margin:0 0 18px;opacity:.9}
nav{display:flex;flex-wrap:wrap;gap:4px 18px;padding:10px 0 14px;border-top:1px solid rgba(255,255,255,.25)}
nav a{color:#fff;text-decoration:none;font-size:14px;opacity:.9}
nav a:hover{text-decoration:underline}
section{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(15,23,42,.08);margin:24px 0;padding:22px 28px}
h2{margin:0 0 6px;font-size:22px;color:var(--accent)}
h3{margin:22px 0 6px;font-size:16px}
.intro{margin:0 0 14px;color:var(--muted);max-width:760px}
.note{color:var(--muted);font-size:13px;max-width:860px}
.empty{color:var(--muted);font-style:italic}
figure{margin:8px 0 12px}
svg{display:block;max-width:100%;height:auto}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}
#overview h3{margin:16px 0 8px;font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.figure{border:1px solid var(--line);border-radius:8px;padding:12px 14px;background:#fbfcfd}
.figure .value{display:block;font-size:24px;font-weight:600;color:var(--accent);font-variant-numeric:tabular-nums}
.figure .label{display:block;font-size:13px;color:var(--muted)}
.bullets{margin:16px 0 0;padding-left:20px}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line)}
th{color:var(--muted);font-weight:600;background:#fbfcfd}
.num{text-align:right;font-variant-numeric:tabular-nums}
.quality{display:flex;gap:12px;flex-wrap:wrap}
.quality span{padding:6px 12px;border-radius:16px;background:var(--bg);font-weight:600}
.quality .ok{background:#e3f4ec;color:#0b6b47}
.quality .bad{background:#fde8e1;color:#a33a0c}
footer{color:var(--muted);font-size:12px;padding:8px 24px 40px}
@media print{body{background:#fff}section{box-shadow:none;border:1px solid var(--line);break-inside:avoid}}
""";
}
