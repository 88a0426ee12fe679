using System.Text.Json;
using Polder.Analysis;
using Polder.Prediction.Engagement;

namespace Polder.Cli.Commands;

/// <summary>
/// The posts the engagement and retention predictors read, through the one community reader that <c>analyze</c> uses
/// (any layout it recognises: the reddit messages CSV, Polder CSV as <c>polder simulate</c> writes it, political tweets):
/// invalid UTF-8 is an error naming file, line and field; other rejected rows are counted and listed in
/// <see cref="Read"/>, never dropped silently.
/// </summary>
/// <param name="Posts">The posts, in community order.</param>
/// <param name="Read">The community reader's account of every row.</param>
internal sealed record MessagesInput(IReadOnlyList<EngagementPost> Posts, ReadSummary? Read)
{
    /// <summary>Reads <paramref name="path"/>; the layout is recognised from its header line.</summary>
    public static MessagesInput Load(string path)
    {
        InputFile.Require(path);
        // The predictors read titles and texts, so the loader keeps them (the default options do).
        var (community, read) = CommunityAnalyzer.Default.Load(File.OpenRead(path), path, Path.GetExtension(path));
        InputFile.RequireValidUtf8(read);
        return new MessagesInput(EngagementPost.From(community), read);
    }

    /// <summary>
    /// The default time split: the issue's 2021-07-01 when the posts span it (the reddit file), otherwise the first UTC
    /// midnight after 75 % of the posts, so any community gets a training period and a later test period.
    /// </summary>
    public DateTimeOffset DefaultSplit(DateTimeOffset issueSplit)
    {
        if (Posts.Count == 0) return issueSplit;
        long s = issueSplit.ToUnixTimeSeconds();
        var times = Posts.Select(p => p.Created).Order().ToArray();
        if (times[0] < s && s <= times[^1]) return issueSplit;
        var at = DateTimeOffset.FromUnixTimeSeconds(times[(int)(0.75 * (times.Length - 1))]);
        return new DateTimeOffset(at.Year, at.Month, at.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1);
    }

    /// <summary>Writes <c>"read"</c> (see <see cref="ReadSummaryJson"/>) when the community reader was used.</summary>
    public void WriteRead(Utf8JsonWriter w)
    {
        if (Read is not null) ReadSummaryJson.Write(w, Read);
    }
}
