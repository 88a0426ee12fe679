using System.Text.Json;

namespace Polder.Prediction.Reaction;

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
    private ReaderJudgments(IReadOnlyList<ReaderJudgment> judgments, IReadOnlyDictionary<long, (string Title, string Text)> articles, IReadOnlyDictionary<long, DateOnly> published, int rows, IReadOnlyDictionary<string, int> leftOut)
    {
        Judgments = judgments; Articles = articles; Published = published; AnnotationRows = rows; LeftOut = leftOut;
    }

    /// <summary>Every judgment that says partisan or not (the "don't know" answers are left out) of an article with text.</summary>
    public IReadOnlyList<ReaderJudgment> Judgments { get; }

    /// <summary>Article title and text by id.</summary>
    public IReadOnlyDictionary<long, (string Title, string Text)> Articles { get; }

    /// <summary>Publication date by article id, for the articles whose line has a <c>published_at</c> (for time-aware evaluation).</summary>
    public IReadOnlyDictionary<long, DateOnly> Published { get; }

    /// <summary>Rows read from the annotations file (after its header): <see cref="Judgments"/> plus every row in <see cref="LeftOut"/>.</summary>
    public int AnnotationRows { get; }

    /// <summary>Annotation rows not used, counted by reason ("don't know" answers, articles without text, readers without a standpoint, …).</summary>
    public IReadOnlyDictionary<string, int> LeftOut { get; }

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
    /// (RespondentId, Political_standpoint, Vote_for_party) and an articles JSON-lines file (id, title, text).
    /// Every annotation row is used or counted in <see cref="LeftOut"/> with its reason.</summary>
    /// <exception cref="InvalidDataException">A malformed file, naming the file, line and field.</exception>
    public static ReaderJudgments Read(string annotationsCsv, string annotatorCsv, string articlesJsonl)
    {
        var articles = new Dictionary<long, (string, string)>();
        var published = new Dictionary<long, DateOnly>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(articlesJsonl))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var idEl = root.GetProperty("id");
                long id = idEl.ValueKind == JsonValueKind.Number ? idEl.GetInt64() : long.Parse(idEl.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                if (articles.ContainsKey(id)) throw new InvalidDataException($"{articlesJsonl}:{lineNo}: field id: article {id} appears twice");
                articles[id] = (root.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "", root.TryGetProperty("text", out var x) ? x.GetString() ?? "" : "");
                if (root.TryGetProperty("published_at", out var at) && at.ValueKind != JsonValueKind.Null)
                {
                    // "2019-03-25" or an ISO date-time; the day is what the time-aware evaluation orders by.
                    string raw = at.GetString()!;
                    if (!DateOnly.TryParseExact(raw.Length >= 10 ? raw[..10] : raw, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
                        throw new InvalidDataException($"{articlesJsonl}:{lineNo}: field published_at: '{raw}' is not a date (yyyy-MM-dd)");
                    published[id] = day;
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or OverflowException or InvalidOperationException or ArgumentNullException)
            {
                throw new InvalidDataException($"{articlesJsonl}:{lineNo}: field id/title/text/published_at: {e.Message}", e);
            }
        }
        var people = new Dictionary<long, (string, string)>();
        var personLine = new Dictionary<long, long>();
        using (var csv = Polder.Data.CsvReader.OpenFile(annotatorCsv))
        {
            var index = csv.ReadHeader("RespondentId", "Political_standpoint", "Vote_for_party");
            string[]? rec;
            while ((rec = csv.Read()) is not null)
            {
                long id = Id(csv, rec, index, "RespondentId");
                // Two profiles for one reader would silently put their judgments in whichever group came last.
                if (!personLine.TryAdd(id, csv.LineNumber))
                    throw new InvalidDataException($"{csv.Source}:{csv.LineNumber}: field RespondentId: reader {id} is already described on line {personLine[id]}");
                people[id] = (rec[index["Political_standpoint"]].Trim(), rec[index["Vote_for_party"]].Trim());
            }
        }
        var judgments = new List<ReaderJudgment>();
        var leftOut = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int rows = 0;
        var judged = new HashSet<(long Reader, long Article)>();
        void Skip(string reason) => leftOut[reason] = leftOut.GetValueOrDefault(reason) + 1;
        using (var csv = Polder.Data.CsvReader.OpenFile(annotationsCsv))
        {
            var index = csv.ReadHeader("RespondentId", "ExternalId", "Partisanship");
            string[]? rec;
            while ((rec = csv.Read()) is not null)
            {
                rows++;
                long rid = Id(csv, rec, index, "RespondentId"), aid = Id(csv, rec, index, "ExternalId");
                if (ParsePartisanship(rec[index["Partisanship"]]) is not { } partisan) { Skip("answer is not partisan or not (don't know / empty)"); continue; }
                if (!articles.ContainsKey(aid)) { Skip("article not in the articles file"); continue; }
                if (!people.TryGetValue(rid, out var p)) { Skip("reader not in the annotators file"); continue; }
                if (p.Item1.Length == 0) { Skip("reader without a political standpoint"); continue; }
                if (!judged.Add((rid, aid))) { Skip("reader already judged this article (a repeated row; the first counts)"); continue; }
                judgments.Add(new ReaderJudgment(aid, rid, partisan, p.Item1, p.Item2));
            }
        }
        return new ReaderJudgments(judgments, articles, published, rows, leftOut);
    }

    private static long Id(Polder.Data.CsvReader csv, string[] rec, Dictionary<string, int> index, string column) =>
        long.TryParse(rec[index[column]].Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
            : throw new InvalidDataException($"{csv.Source}:{csv.LineNumber}: field {column}: '{rec[index[column]]}' is not a whole number");
}
