using System.Text.Json;

namespace Polder.Prediction;

/// <summary>One reader's judgment of one article.</summary>
/// <param name="ArticleId">The article (the <c>id</c> of the articles file).</param>
/// <param name="RespondentId">The reader.</param>
/// <param name="Partisan">True when the reader judged the article (somewhat, plainly or extremely) biased.</param>
/// <param name="Standpoint">The reader's political standpoint (<c>Political_standpoint</c>).</param>
/// <param name="Vote">The party the reader would vote for (<c>Vote_for_party</c>).</param>
public readonly record struct ReaderJudgment(long ArticleId, long RespondentId, bool Partisan, string Standpoint, string Vote);

/// <summary>The group attribute used to form reader groups.</summary>
public enum ReaderGrouping
{
    /// <summary>By political standpoint (links, midden, rechts, …).</summary>
    PoliticalStandpoint,
    /// <summary>By the party the reader would vote for.</summary>
    VoteForParty,
}

/// <summary>An article with readers' judgments (the DPG Media 2019 survey) and the article texts.</summary>
public sealed class ReaderJudgments
{
    private ReaderJudgments(IReadOnlyList<ReaderJudgment> judgments, IReadOnlyDictionary<long, (string Title, string Text)> articles)
    {
        Judgments = judgments; Articles = articles;
    }

    /// <summary>Every judgment that says partisan or not (the "don't know" answers are left out) of an article with text.</summary>
    public IReadOnlyList<ReaderJudgment> Judgments { get; }

    /// <summary>Article title and text by id.</summary>
    public IReadOnlyDictionary<long, (string Title, string Text)> Articles { get; }

    /// <summary>The group of a judgment's reader under <paramref name="grouping"/>.</summary>
    public static string GroupOf(in ReaderJudgment j, ReaderGrouping grouping) => grouping == ReaderGrouping.PoliticalStandpoint ? j.Standpoint : j.Vote;

    /// <summary>
    /// Maps a <c>Partisanship</c> answer to partisan (true), not partisan (false) or left out (null: "Weet niet / onmogelijk
    /// om te bepalen", empty or anything else).
    /// </summary>
    public static bool? ParsePartisanship(string answer) => answer.Trim() switch
    {
        "Enigszins bevooroordeeld" or "Bevooroordeeld" or "Extreem bevooroordeeld" => true,
        "Onbevooroordeeld" or "Redelijk onbevooroordeeld" => false,
        _ => null,
    };

    /// <summary>Reads the survey files: annotations (RespondentId, ExternalId, Partisanship), annotator data
    /// (RespondentId, Political_standpoint, Vote_for_party) and an articles JSON-lines file (id, title, text).</summary>
    public static ReaderJudgments Read(string annotationsCsv, string annotatorCsv, string articlesJsonl)
    {
        var articles = new Dictionary<long, (string, string)>();
        foreach (var line in File.ReadLines(articlesJsonl))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var idEl = root.GetProperty("id");
            long id = idEl.ValueKind == JsonValueKind.Number ? idEl.GetInt64() : long.Parse(idEl.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            articles[id] = (root.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "", root.TryGetProperty("text", out var x) ? x.GetString() ?? "" : "");
        }
        var people = new Dictionary<long, (string, string)>();
        using (var r = new StreamReader(annotatorCsv))
            foreach (var rec in CsvRecords.ReadWithHeader(r))
                if (long.TryParse(rec("RespondentId"), out var rid)) people[rid] = (rec("Political_standpoint").Trim(), rec("Vote_for_party").Trim());
        var judgments = new List<ReaderJudgment>();
        using (var r = new StreamReader(annotationsCsv))
            foreach (var rec in CsvRecords.ReadWithHeader(r))
            {
                if (!long.TryParse(rec("RespondentId"), out var rid) || !long.TryParse(rec("ExternalId"), out var aid)) continue;
                if (ParsePartisanship(rec("Partisanship")) is not { } partisan) continue;
                if (!articles.ContainsKey(aid) || !people.TryGetValue(rid, out var p) || p.Item1.Length == 0) continue;
                judgments.Add(new ReaderJudgment(aid, rid, partisan, p.Item1, p.Item2));
            }
        return new ReaderJudgments(judgments, articles);
    }
}
