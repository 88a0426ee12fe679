using Microsoft.DotNet.Interactive.Formatting;
using Polder.Analysis;
using Polder.Behaviour;
using Polder.Interactive.Views;
using Polder.Networks;
using Polder.Sentiment;
using Polder.Topics;
using Polder.Prediction.Features;
using Polder.Prediction.Opinion;
using Polder.Prediction.Reaction;

namespace Polder.Interactive;

/// <summary>
/// Registers HTML views of Polder's result types with .NET Interactive's <see cref="Formatter"/>, so a notebook cell
/// that ends in (or <c>display</c>s) a result shows a table, highlighted text or bars instead of a property dump.
/// Loading the package in a notebook (<c>#r "nuget: Polder.Interactive"</c>) registers them by itself; call
/// <see cref="Register"/> when the assembly is referenced another way.
/// </summary>
public static class PolderFormatters
{
    /// <summary>The MIME type the views are registered under.</summary>
    public const string MimeType = "text/html";

    /// <summary>The types that get an HTML view.</summary>
    public static IReadOnlyList<Type> Types { get; } = Registrations().Select(r => r.Type).ToArray();

    /// <summary>
    /// Registers the views (and makes HTML the preferred MIME type of these types). Safe to call more than once,
    /// e.g. again after <see cref="Formatter.ResetToDefault"/>.
    /// </summary>
    public static void Register()
    {
        foreach (var (type, formatter) in Registrations())
        {
            Formatter.Register(formatter);
            Formatter.SetPreferredMimeTypesFor(type, MimeType);
        }
    }

    /// <summary>The HTML of <paramref name="value"/> as its view writes it (without going through <see cref="Formatter"/>).</summary>
    /// <exception cref="ArgumentException">No view exists for the value's type.</exception>
    public static string ToHtml(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var (type, formatter) in Registrations())
        {
            if (!type.IsInstanceOfType(value)) continue;
            using var writer = new StringWriter();
            using var context = new FormatContext(writer);
            formatter.Format(value, context);
            return writer.ToString();
        }
        throw new ArgumentException($"Polder.Interactive has no view for {value.GetType()}", nameof(value));
    }

    private static IEnumerable<(Type Type, ITypeFormatter Formatter)> Registrations()
    {
        // the high-level results (Polder.Analysis)
        yield return Html<CommunityAnalysis>(CommunityAnalysisView.Write);
        yield return Html<TextAnalysis>(TextAnalysisView.Write);
        yield return Html<NetworkAnalysis>(NetworkAnalysisView.Write);
        yield return Html<ForecastSet>(ForecastSetView.Write);
        yield return Html<ActivityForecast>(ForecastSetView.Write);
        yield return Html<ActivityRhythm>(RhythmView.Write);
        yield return Html<ResponseTimeDistribution>(ResponseTimeView.Write);
        yield return Html<IEnumerable<TopicShare>>(TopicShareView.Write);
        yield return Html<TopicShare>(TopicShareView.Write);
        yield return Html<IEnumerable<SentimentPoint>>(SentimentTrendView.Write);
        // the building blocks
        yield return Html<ResultTable>(TableView.Write);
        yield return Html<BehaviourReport>(WebcareView.Write);
        yield return Html<SentimentResult>(SentimentView.Write);
        yield return Html<SentenceSentiment>(SentimentView.Write);
        yield return Html<TopicPrediction>(TopicView.Write);
        yield return Html<CsrGraph>(NetworkView.Write);
        yield return Html<CommunityPartition>(NetworkView.Write);
        // the prediction layer
        yield return Html<FeatureTable>(FeatureTableView.Write);
        yield return Html<IEnumerable<FeatureContribution>>(FeatureContributionView.Write);
        yield return Html<OpinionForecast>(ForecastView.Write);
        yield return Html<IEnumerable<KeyValuePair<string, OpinionForecast>>>(ForecastView.Write);
        yield return Html<BacktestResult>(BacktestView.Write);
        yield return Html<IEnumerable<KeyValuePair<string, BacktestResult>>>(BacktestView.Write);
        yield return Html<ShareInterval>(ShareIntervalView.Write);
        yield return Html<IEnumerable<KeyValuePair<string, ShareInterval>>>(ShareIntervalView.Write);
    }

    private static (Type, ITypeFormatter) Html<T>(Action<T, TextWriter> write) =>
        (typeof(T), new HtmlFormatter<T>((value, context) => write(value, context.Writer)));
}
