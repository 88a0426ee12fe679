using Polder.Places;
using Polder.Sentiment;

namespace Polder.Prediction.Features;

/// <summary>
/// The feature blocks both feature tables share: rhythm, sentiment distribution, topic shares and places, each
/// aggregated over a set of posts (indices into a <see cref="PostSignals"/> and its post list).
/// </summary>
internal static class FeatureAggregates
{
    public static readonly string[] RhythmNames = ["night_share", "weekend_share", "office_hours_share"];
    public static readonly string[] SentimentNames = ["sentiment_mean", "sentiment_negative_share", "sentiment_neutral_share", "sentiment_positive_share"];
    public static readonly string[] PlaceNames = ["place_mentions", "posts_with_place_share", "top_place_population", "top_place_size_class"];

    /// <summary>The twelve provinces, ordered by name, as the place finder's municipalities table spells them.</summary>
    public static IReadOnlyList<string> Provinces(FeatureTableOptions options) =>
        options.PlacesOrDefault.Municipalities.Select(m => m.Province).Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray();

    public static IEnumerable<string> TopicNames(FeatureTableOptions options) => options.TopicLabels().Select(l => "topic:" + l);

    public static IEnumerable<string> ProvinceNames(FeatureTableOptions options) => Provinces(options).Select(p => "province:" + p);

    /// <summary>Night (00:00–05:59), weekend (Saturday, Sunday) and office hours (Monday–Friday 09:00–16:59), local time.</summary>
    public static void Rhythm(IEnumerable<DateTimeOffset> times, TimeZoneInfo zone, Span<float> f)
    {
        int n = 0, night = 0, weekend = 0, office = 0;
        foreach (var t in times)
        {
            var local = TimeZoneInfo.ConvertTime(t, zone);
            bool isWeekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            n++;
            if (local.Hour < 6) night++;
            if (isWeekend) weekend++;
            else if (local.Hour is >= 9 and < 17) office++;
        }
        f[0] = Share(night, n); f[1] = Share(weekend, n); f[2] = Share(office, n);
    }

    /// <summary>Mean sentiment score and the share of negative, neutral and positive posts.</summary>
    public static void Sentiment(IReadOnlyList<int> posts, PostSignals s, Span<float> f)
    {
        double sum = 0; int neg = 0, neu = 0, pos = 0;
        foreach (int i in posts)
        {
            sum += s.Score[i];
            switch (s.Label[i]) { case SentimentLabel.Negative: neg++; break; case SentimentLabel.Neutral: neu++; break; default: pos++; break; }
        }
        int n = posts.Count;
        f[0] = n == 0 ? float.NaN : (float)(sum / n);
        f[1] = Share(neg, n); f[2] = Share(neu, n); f[3] = Share(pos, n);
    }

    /// <summary>The share of posts per topic label (one slot per label).</summary>
    public static void Topics(IReadOnlyList<int> posts, PostSignals s, Span<float> f)
    {
        if (f.Length == 0) return;
        Span<int> counts = stackalloc int[f.Length];
        foreach (int i in posts) if (s.Topic[i] >= 0) counts[s.Topic[i]]++;
        for (int k = 0; k < f.Length; k++) f[k] = Share(counts[k], posts.Count);
    }

    /// <summary>
    /// Place mentions: count, share of posts with one, population and size class (1 small, 2 medium, 3 large) of the most
    /// mentioned municipality, then the share of mentions per province. NaN (and null municipality) without mentions.
    /// </summary>
    public static Municipality? Places(IReadOnlyList<int> posts, PostSignals s, IReadOnlyList<string> provinces, Span<float> f)
    {
        var byMunicipality = new Dictionary<Municipality, int>();
        var byProvince = new Dictionary<string, int>(StringComparer.Ordinal);
        int mentions = 0, withPlace = 0;
        foreach (int i in posts)
        {
            var found = s.Places[i];
            if (found.Count > 0) withPlace++;
            foreach (var m in found)
            {
                mentions++;
                byMunicipality[m.Municipality] = byMunicipality.GetValueOrDefault(m.Municipality) + 1;
                byProvince[m.Province] = byProvince.GetValueOrDefault(m.Province) + 1;
            }
        }
        f[0] = mentions;
        f[1] = Share(withPlace, posts.Count);
        // ties: the alphabetically first name, so the choice does not depend on post order
        var top = byMunicipality.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Name, StringComparer.Ordinal)
            .ThenBy(kv => kv.Key.Province, StringComparer.Ordinal).Select(kv => kv.Key).FirstOrDefault();
        f[2] = top?.Population is { } pop ? pop : float.NaN;
        f[3] = top is null ? float.NaN : SizeClassCode(SizeClassBoundaries.Default.Classify(top.Population));
        for (int k = 0; k < provinces.Count; k++)
            f[PlaceNames.Length + k] = mentions == 0 ? float.NaN : (float)byProvince.GetValueOrDefault(provinces[k]) / mentions;
        return top;
    }

    public static float SizeClassCode(MunicipalitySizeClass c) => c switch
    {
        MunicipalitySizeClass.Small => 1,
        MunicipalitySizeClass.Medium => 2,
        MunicipalitySizeClass.Large => 3,
        _ => float.NaN,
    };

    public static string SizeClassName(Municipality? m) => m is null ? "" : SizeClassBoundaries.Default.Classify(m.Population) switch
    {
        MunicipalitySizeClass.Small => "small",
        MunicipalitySizeClass.Medium => "medium",
        MunicipalitySizeClass.Large => "large",
        _ => "unknown",
    };

    public static float Share(int count, int total) => total == 0 ? float.NaN : (float)count / total;

    public static float Median(List<double> values)
    {
        values.Sort();
        return (float)Behaviour.Statistics.Quantile(values, 0.5);
    }
}
