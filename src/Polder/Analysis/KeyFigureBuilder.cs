using Polder.Community;
using Polder.Sentiment;

namespace Polder.Analysis;

/// <summary>Computes the headline numbers of an analysis (the single source of <c>summary.json</c> and the report's key figures).</summary>
internal static class KeyFigureBuilder
{
    private const string C = "Community", W = "Webcare", T = "Toon en onderwerpen", N = "Netwerk", V = "Vooruitblik";

    public static IReadOnlyList<KeyFigure> Of(CommunityAnalysis a, long posts)
    {
        var f = new List<KeyFigure>
        {
            new("posts", "berichten", posts, Group: C),
            new("rows_read", "rijen gelezen", a.Read.RowsRead, Group: C),
            new("rows_rejected", "rijen afgekeurd", a.Read.Rejected, Group: C),
            new("period_days", "dagen", a.FirstPost is { } s && a.LastPost is { } e ? Math.Round((e - s).TotalDays, 1) : double.NaN, Group: C),
        };
        if (a.Behaviour is { } b)
        {
            // each figure has one key and one definition (docs/behaviour-metrics.md, "Key figures"); the CLI, the
            // tables and the notebook views read these objects, so a word like "beantwoord" means one thing only
            f.Add(new("active_actors", "actieve deelnemers", b.ActiveActors, Group: C));
            f.Add(new("threads", "draden (threads)", b.Threads, Group: C));
            f.Add(new("organisations", "organisaties", b.Organisations.Count, Group: W));
            bool webcare = b.ResponderMode == Polder.Behaviour.ResponderMode.Organisation;
            f.Add(new("conversations", webcare ? "gesprekken met een vraag aan een organisatie" : "gesprekken die op een reactie wachten", b.FirstResponse.Conversations, Group: W));
            f.Add(new("conversations_answered_share", webcare ? "gesprekken beantwoord door de organisatie" : "gesprekken met een reactie", b.FirstResponse.AnsweredShare, "%", Group: W));
            if (b.Organisations.Count > 0)
                f.Add(new("organisation_inbound_answered_share", "berichten aan organisaties direct beantwoord", b.OrganisationInboundAnsweredShare, "%", Group: W));
            f.Add(new("inbound_answered_share", "gerichte berichten direct beantwoord (alle deelnemers)", b.InboundAnsweredShare, "%", Group: W));
            f.Add(new("median_first_response_hours", "mediane eerste reactietijd", b.FirstResponse.MedianHours, "h", Group: W));
            f.Add(new("p90_first_response_hours", "90 % van de beantwoorde gesprekken binnen", b.FirstResponse.P90Hours, "h", Group: W));
        }
        var text = a.Streamed ?? (a.Posts.Count == 0 ? null : new StreamedText(a.Posts.Count, a.Posts.Count(p => p.IsAnalysed),
            a.Posts.Count(p => p.IsAnalysed && p.Sentiment == SentimentLabel.Negative), a.Posts.Count(p => p.IsAnalysed && p.Sentiment == SentimentLabel.Positive),
            a.Posts.Count(p => p.IsAnalysed && p.Complaint is not null), a.Posts.Count(p => p.IsAnalysed && p.Places.Count > 0)));
        if (text is { Posts: > 0 })
        {
            // the Dutch layers' figures are shares of the posts they read: an English post is not a neutral Dutch one
            double n = text.Analysed;
            f.Add(new("analysed_posts", "gelezen door de Nederlandse modellen", text.Analysed, Group: T));
            f.Add(new("posts_other_language", "andere taal (overgeslagen)", text.Posts - text.Analysed, Group: T));
            f.Add(new("negative_share", "negatief", n == 0 ? double.NaN : text.Negative / n, "%", Group: T));
            f.Add(new("positive_share", "positief", n == 0 ? double.NaN : text.Positive / n, "%", Group: T));
            f.Add(new("topics", "onderwerpen", a.Topics.Count, Group: T));
            f.Add(new("complaint_share", "met meldingscategorie", n == 0 ? double.NaN : text.WithComplaint / n, "%", Group: T));
            f.Add(new("posts_with_places", "met plaatsnaam", text.WithPlaces, Group: T));
        }
        if (a.Network is { } net)
        {
            f.Add(new("network_actors", "deelnemers in netwerk", net.Nodes, Group: N));
            f.Add(new("network_links", "verbindingen (gericht)", net.Edges, Group: N));
            f.Add(new("network_communities", "groepen in netwerk", net.Communities, Group: N));
            f.Add(new("modularity", "modulariteit", Math.Round(net.Modularity, 2), Group: N));
        }
        if (a.Forecasts is { } fc)
        {
            if (fc.Activity.FirstOrDefault(x => x.Topic == TextLayer.All) is { } all)
            {
                f.Add(new("forecast_posts", "verwachte berichten volgende " + TrendWindows.DutchName(a.TrendWindow), Math.Round(all.Forecast), Group: V));
                f.Add(new("forecast_posts_lower", "ondergrens (80 %-interval)", Math.Round(all.Lower), Group: V));
                f.Add(new("forecast_posts_upper", "bovengrens (80 %-interval)", Math.Round(all.Upper), Group: V));
            }
            if (fc.Engagement is { } en)
            {
                f.Add(new("open_posts", "open berichten (laatste 24 uur)", en.Open.Count, Group: V));
                f.Add(new("engagement_auc", "AUC reactievoorspelling (getoetst)", Math.Round(en.EvaluationAuc, 2), Group: V));
            }
        }
        return f;
    }
}
