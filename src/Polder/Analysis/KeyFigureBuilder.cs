using Polder.Community;
using Polder.Sentiment;

namespace Polder.Analysis;

/// <summary>Computes the headline numbers of an analysis (the single source of <c>summary.json</c> and the report's key figures).</summary>
internal static class KeyFigureBuilder
{
    public static IReadOnlyList<KeyFigure> Of(CommunityAnalysis a, OnlineCommunity community)
    {
        var f = new List<KeyFigure>
        {
            new("posts", "berichten", community.Posts.Count),
            new("rows_read", "rijen gelezen", a.Read.RowsRead),
            new("rows_rejected", "rijen afgekeurd", a.Read.Rejected),
            new("period_days", "dagen", a.FirstPost is { } s && a.LastPost is { } e ? Math.Round((e - s).TotalDays, 1) : double.NaN),
        };
        if (a.Behaviour is { } b)
        {
            f.Add(new("active_actors", "actieve deelnemers", b.ActiveActors));
            f.Add(new("threads", "gesprekken", b.Threads));
            f.Add(new("organisations", "organisaties", b.Organisations.Count));
            f.Add(new("conversations", "vragen aan organisaties", b.FirstResponse.Conversations));
            f.Add(new("answered_share", "beantwoord", b.FirstResponse.AnsweredShare, "%"));
            f.Add(new("median_first_response_hours", "mediane reactietijd", b.FirstResponse.MedianHours, "h"));
            f.Add(new("p90_first_response_hours", "90 % beantwoord binnen", b.FirstResponse.P90Hours, "h"));
        }
        if (a.Posts.Count > 0)
        {
            double n = a.Posts.Count;
            f.Add(new("negative_share", "negatief", a.Posts.Count(p => p.Sentiment == SentimentLabel.Negative) / n, "%"));
            f.Add(new("positive_share", "positief", a.Posts.Count(p => p.Sentiment == SentimentLabel.Positive) / n, "%"));
            f.Add(new("topics", "onderwerpen", a.Topics.Count));
            f.Add(new("complaint_share", "met meldingscategorie", a.Posts.Count(p => p.Complaint is not null) / n, "%"));
            f.Add(new("posts_with_places", "met plaatsnaam", a.Posts.Count(p => p.Places.Count > 0)));
        }
        if (a.Network is { } net)
        {
            f.Add(new("network_actors", "deelnemers in netwerk", net.Nodes));
            f.Add(new("network_links", "verbindingen (gericht)", net.Edges));
            f.Add(new("network_communities", "groepen in netwerk", net.Communities));
            f.Add(new("modularity", "modulariteit", Math.Round(net.Modularity, 4)));
        }
        if (a.Forecasts is { } fc)
        {
            if (fc.Activity.FirstOrDefault(x => x.Topic == TextLayer.All) is { } all)
            {
                f.Add(new("forecast_posts", "verwachte berichten volgende " + TrendWindows.DutchName(a.TrendWindow), Math.Round(all.Forecast, 1)));
                f.Add(new("forecast_posts_lower", "ondergrens (80 %)", Math.Round(all.Lower, 1)));
                f.Add(new("forecast_posts_upper", "bovengrens (80 %)", Math.Round(all.Upper, 1)));
            }
            if (fc.Engagement is { } en)
            {
                f.Add(new("open_posts", "open berichten", en.Open.Count));
                f.Add(new("engagement_auc", "AUC reactievoorspelling", Math.Round(en.EvaluationAuc, 3)));
            }
        }
        return f;
    }
}
