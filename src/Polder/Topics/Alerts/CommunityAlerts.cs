using System.Runtime.CompilerServices;
using Polder.Analysis;

namespace Polder.Topics.Alerts;

/// <summary>The alerts of an analysis, as the report and summary.json show them. Immutable.</summary>
/// <param name="Source">The topic keys watched (complaints or themes).</param>
/// <param name="Alerts">The alerts, in detection order.</param>
/// <param name="Options">The detector's settings.</param>
public sealed record CommunityAlerts(AlertTopicSource Source, IReadOnlyList<Alert> Alerts, AlertOptions Options)
{
    private static readonly ConditionalWeakTable<CommunityAnalysis, CommunityAlerts> Cache = new();

    /// <summary>
    /// The alerts of <paramref name="analysis"/> with the default settings and <see cref="AlertTopicSource.Auto"/>
    /// topics; null when the text layer did not run. Computed once per analysis (thread-safe).
    /// </summary>
    public static CommunityAlerts? Of(CommunityAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if ((analysis.Options.Layers & AnalysisLayers.Text) == 0) return null;
        return Cache.GetValue(analysis, a =>
        {
            var discovered = a.PostDiscoveredTopics.Count == a.Posts.Count && a.Posts.Count > 0 ? a.PostDiscoveredTopics : null;
            bool themesApply = a.ThemeModel?.Applies ?? true;
            var source = AlertInputs.Resolve(a.Posts, AlertTopicSource.Auto, discovered, themesApply);
            var options = new AlertOptions();
            return new CommunityAlerts(source, AlertDetector.Detect(AlertInputs.From(a.Posts, source, discovered, themesApply), options), options);
        });
    }
}
