using System.Text;
using Polder.Topics;
using Polder.Topics.Discovery;
using static Polder.Analysis.Reporting.Svg;

namespace Polder.Analysis.Reporting;

// The "Waar gaat het over" section: the community's own topics (Polder.Topics.Discovery), and the note that replaces the
// themes model's chart where that model does not apply.
public static partial class HtmlReport
{
    private static void DiscoveredTopics(StringBuilder sb, CommunityAnalysis a)
    {
        Section(sb, "discovered-topics", "De onderwerpen van deze community zelf, gevonden in de berichten zonder vooraf getraind model en benoemd met de woorden die de berichten zelf het vaakst en het meest onderscheidend gebruiken. Per onderwerp: hoeveel berichten, de toon (aandeel negatief en positief met 95%-betrouwbaarheidsinterval en het aantal berichten met sentiment) en voorbeelden.");
        if (a.DiscoveredTopics.Count == 0) { Missing(sb, (a.Options.Layers & AnalysisLayers.Text) == 0 ? "De tekstlaag is niet uitgevoerd." : "Geen berichten met tekst."); End(sb); return; }
        Table(sb, ["onderwerp", "berichten", "aandeel", "negatief", "positief", "n (sentiment)", "voorbeeld"],
            a.DiscoveredTopics.Select(t => new[]
            {
                t.Topic.Label, Int(t.Topic.Size), Pct(t.Topic.Share), ShareWithInterval(t.NegativeShare, t.NegativeInterval, t.WithSentiment),
                ShareWithInterval(t.PositiveShare, t.PositiveInterval, t.WithSentiment), Int(t.WithSentiment),
                t.Examples.Count == 0 ? "" : TopicDiscoveryJson.Cut(t.Examples[0], 160),
            }), "numeric-from-1");
        sb.Append("<p class=\"note\">").Append(E($"{a.DiscoveredTopics.Count} onderwerpen, gevonden met k-means op een LSA-projectie van de woorden en woordparen (seed {a.Options.Seed}); namen met klasse-TF-IDF. Een bericht hoort bij één onderwerp. Het interval is het Wilson-interval; bij weinig berichten met sentiment is het breed. Alle onderwerpen met voorbeelden staan in summary.json en in de tabel discovered_topics.")).Append("</p>");
        End(sb);
    }

    private static string ShareWithInterval(double share, Polder.Analysis.WilsonInterval interval, int n) =>
        n == 0 ? "–" : $"{Pct(share)} ({(interval.Lower * 100).ToString("0", KeyFigure.Nl)}–{(interval.Upper * 100).ToString("0", KeyFigure.Nl)} %)";

    private static void ThemeModelDoesNotApply(StringBuilder sb, ThemeApplicability fit)
    {
        sb.Append("<h3>Onderwerpen (themamodel)</h3><p class=\"note\">").Append(E(
            $"Het themamodel past niet op deze berichten: het is getraind op schriftelijke Kamervragen, en hier is het gemiddeld maar {Pct(fit.MeanConfidence)} zeker " +
            $"(drempel {Pct(ThemeApplicability.MinMeanConfidence)}) en kent het {Pct(fit.VocabularyCoverage)} van de inhoudswoorden (drempel {Pct(ThemeApplicability.MinVocabularyCoverage)}; gemeten op {Int(fit.Posts)} berichten). " +
            "De thema's worden daarom niet getoond; zie \"Waar gaat het over\" voor de onderwerpen van de community zelf. Per bericht staan ze nog in de tabel posts.")).Append("</p>");
    }
}
