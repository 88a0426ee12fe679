using System.Text.Json;
using Polder.Analysis;
using Polder.Prediction.Engagement;

namespace Polder.Cli.Commands;

/// <summary>
/// The posts the engagement and retention predictors read, from either layout: the reddit messages CSV
/// (<c>message_id,thread_id,…,created,…</c>: read strictly, any malformed row is an error naming file, line and field)
/// or any layout the community readers take (Polder CSV as <c>polder simulate</c> writes it, political tweets), whose
/// rejected rows are counted and listed in <see cref="Read"/>, never dropped silently.
/// </summary>
/// <param name="Posts">The posts, in file (reddit) or community order.</param>
/// <param name="Read">The community reader's account of every row; null for the strict reddit reader (it accepts every row or fails).</param>
internal sealed record MessagesInput(IReadOnlyList<EngagementPost> Posts, ReadSummary? Read)
{
    /// <summary>Reads <paramref name="path"/>, choosing the reader by its header line.</summary>
    public static MessagesInput Load(string path)
    {
        var header = InputFile.Header(path);
        if (header.Contains("message_id", StringComparison.Ordinal) && header.Contains("created", StringComparison.Ordinal))
            return new MessagesInput(EngagementPost.ReadCsv(path), null);
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
