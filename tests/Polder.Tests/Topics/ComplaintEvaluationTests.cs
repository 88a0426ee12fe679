using System.Text;
using Polder.Community.Reading;
using Polder.Tests.Infrastructure;
using Polder.Topics;
using Xunit.Abstractions;

namespace Polder.Tests.Topics;

/// <summary>
/// The figures of docs/complaints.md: precision and recall per main category on the hand-annotated dev set
/// (devsets/complaints), and the share of real posts that get a category where almost none should (issue 15).
/// </summary>
public class ComplaintEvaluationTests(ITestOutputHelper output)
{
    private const string Tweets = "community/political-tweets-2020-04.tsv";
    private const string Reddit = "community/reddit-emory-messages.csv";

    internal sealed record DevPost(string Id, string Source, string Split, string? Gold, string Text);

    internal static IReadOnlyList<DevPost> DevSet { get; } = ReadDevSet();

    private static IReadOnlyList<DevPost> ReadDevSet()
    {
        var rows = ReadCsv(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "devsets", "complaints", "devset.csv")));
        Assert.Equal(["id", "source", "split", "gold_main", "gold_sub", "text"], rows[0]);
        return rows.Skip(1).Select(r => new DevPost(r[0], r[1], r[2], r[3].Length == 0 ? null : r[3], r[5])).ToArray();
    }

    // RFC 4180 as written by Python's csv module (quotes doubled, newlines only between rows here)
    private static List<string[]> ReadCsv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c != '"') sb.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else if (c == '\n') { fields.Add(sb.ToString()); sb.Clear(); rows.Add([.. fields]); fields.Clear(); }
            else if (c != '\r') sb.Append(c);
        }
        if (sb.Length > 0 || fields.Count > 0) { fields.Add(sb.ToString()); rows.Add([.. fields]); }
        return rows;
    }

    private sealed record Scores(int Correct, int Answered, int Gold)
    {
        public double Precision => Answered == 0 ? double.NaN : Correct / (double)Answered;
        public double Recall => Gold == 0 ? double.NaN : Correct / (double)Gold;
    }

    // Main-category precision (of the posts that got a category) and recall (of the posts with a gold category).
    private Scores Evaluate(IEnumerable<DevPost> posts, string name)
    {
        var c = ComplaintClassifier.Signalen;
        var perCategory = new SortedDictionary<string, (int Tp, int Fp, int Fn)>(StringComparer.Ordinal);
        int correct = 0, answered = 0, gold = 0;
        foreach (var p in posts)
        {
            var r = c.Classify(p.Text);
            string? predicted = r.IsUnknown ? null : r.Main;
            if (predicted is not null) answered++;
            if (p.Gold is not null) gold++;
            if (predicted is not null && predicted == p.Gold)
            {
                correct++;
                var s = perCategory.GetValueOrDefault(predicted);
                perCategory[predicted] = s with { Tp = s.Tp + 1 };
                continue;
            }
            if (predicted is not null) { var s = perCategory.GetValueOrDefault(predicted); perCategory[predicted] = s with { Fp = s.Fp + 1 }; }
            if (p.Gold is not null) { var s = perCategory.GetValueOrDefault(p.Gold); perCategory[p.Gold] = s with { Fn = s.Fn + 1 }; }
            output.WriteLine($"  {p.Split} {p.Id}: gold {p.Gold ?? "-"}, got {predicted ?? "-"} [{r.Explain()}] {p.Text}");
        }
        var all = new Scores(correct, answered, gold);
        output.WriteLine($"{name}: {posts.Count()} posts, {gold} with a category; precision {all.Precision:0.000} ({correct}/{answered}), recall {all.Recall:0.000} ({correct}/{gold})");
        output.WriteLine("| main category | precision | recall | tp | fp | fn |");
        foreach (var (k, (tp, fp, fn)) in perCategory)
            output.WriteLine($"| {k} | {(tp + fp == 0 ? "-" : (tp / (double)(tp + fp)).ToString("0.00"))} | {(tp + fn == 0 ? "-" : (tp / (double)(tp + fn)).ToString("0.00"))} | {tp} | {fp} | {fn} |");
        return all;
    }

    [Fact]
    public void Dev_set_has_the_documented_size_sources_and_split()
    {
        Assert.True(DevSet.Count >= 300);
        Assert.Equal(DevSet.Count, DevSet.Select(p => p.Id).Distinct().Count());
        Assert.Equal(["reddit", "sample", "tweet", "written"], DevSet.Select(p => p.Source).Distinct().Order());
        Assert.Equal(["check", "tune"], DevSet.Select(p => p.Split).Distinct().Order());
        var mains = ComplaintClassifier.Signalen.Categories.Select(c => c.MainSlug).ToHashSet();
        Assert.All(DevSet, p => Assert.True(p.Gold is null || mains.Contains(p.Gold), p.Gold));
        // many posts that are no complaint, and every category with reports
        Assert.True(DevSet.Count(p => p.Gold is null) >= DevSet.Count / 2);
        Assert.Equal(8, DevSet.Where(p => p.Gold is not null).Select(p => p.Gold).Distinct().Count());
        Assert.DoesNotContain(DevSet, p => p.Source == "reddit" && p.Gold is not null);
    }

    [Fact]
    public void Precision_is_at_least_085_on_both_halves_of_the_dev_set()
    {
        var tune = Evaluate(DevSet.Where(p => p.Split == "tune"), "tune half");
        var check = Evaluate(DevSet.Where(p => p.Split == "check"), "check half");
        var all = Evaluate(DevSet, "whole dev set");
        Assert.True(tune.Precision >= 0.85, $"tune precision {tune.Precision:0.000}");
        Assert.True(check.Precision >= 0.85, $"check precision {check.Precision:0.000}");
        Assert.True(all.Precision >= 0.85, $"precision {all.Precision:0.000}");
        // abstaining is preferred, but not to the point of answering nothing (measured 0.90)
        Assert.True(all.Recall >= 0.75, $"recall {all.Recall:0.000}");
    }

    [Fact]
    public void Dev_set_posts_that_are_no_complaint_rarely_get_a_category()
    {
        var none = DevSet.Where(p => p.Gold is null).ToArray();
        var wrong = none.Where(p => !ComplaintClassifier.Signalen.Classify(p.Text).IsUnknown).ToArray();
        foreach (var p in wrong) output.WriteLine($"{p.Id}: {ComplaintClassifier.Signalen.Classify(p.Text).Explain()} {p.Text}");
        output.WriteLine($"{wrong.Length} of {none.Length} posts without a complaint get a category");
        Assert.True(wrong.Length <= none.Length * 0.02, $"{wrong.Length} of {none.Length}");
        Assert.DoesNotContain(wrong, p => p.Source is "tweet" or "reddit");
    }

    private double Share(string relative, PostMapping mapping, out IReadOnlyList<(string Text, ComplaintClassification C)> hits)
    {
        var posts = CommunityLoader.Load(SharedData.PathOf(relative), mapping, null, out _).Posts;
        var found = new List<(string, ComplaintClassification)>();
        foreach (var p in posts)
        {
            var text = p.TitleAndText; // what the analysis pipeline classifies
            var r = ComplaintClassifier.Signalen.Classify(text);
            if (!r.IsUnknown) found.Add((text, r));
        }
        hits = found;
        double share = found.Count / (double)posts.Count;
        output.WriteLine($"{relative}: {found.Count} of {posts.Count} posts get a complaint category ({share:P1})");
        foreach (var (text, r) in found) output.WriteLine($"  {r.Category!.MainName} [{r.Explain()}] {text}");
        return share;
    }

    [SharedDataFact(Tweets)]
    public void At_most_5_percent_of_politicians_tweets_get_a_complaint_category()
    {
        double share = Share(Tweets, CommunityFormats.PoliticalTweets, out var hits);
        Assert.True(share <= 0.05, $"{share:P1} (was 24.0% before issue 15)");
        // the reported error: 283 tweets (pensions, corona, a bishop) were "Overlast van dieren" through bijen = bij, gans = gaan
        Assert.True(hits.Count(h => h.C.Main == "overlast-van-dieren") <= 2);
    }

    [SharedDataFact(Reddit)]
    public void At_most_1_percent_of_English_reddit_posts_get_a_complaint_category()
    {
        double share = Share(Reddit, CommunityFormats.RedditMessages, out _);
        Assert.True(share <= 0.01, $"{share:P1} (was 22.0% before issue 15)");
    }

    [SharedDataFact(Tweets)]
    public void Tweets_about_pensions_corona_and_a_bishop_are_not_about_animals()
    {
        var posts = CommunityLoader.Load(SharedData.PathOf(Tweets), CommunityFormats.PoliticalTweets, null, out _).Posts;
        var topical = posts.Where(p => p.Text.Contains("pensioen", StringComparison.OrdinalIgnoreCase)
            || p.Text.Contains("corona", StringComparison.OrdinalIgnoreCase) || p.Text.Contains("bisschop", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.True(topical.Length > 300);
        Assert.Contains(topical, p => p.Text.Contains("Bisschop", StringComparison.Ordinal));
        var animals = topical.Where(p => ComplaintClassifier.Signalen.Classify(p.TitleAndText).Main == "overlast-van-dieren").ToArray();
        foreach (var p in animals) output.WriteLine(p.Text);
        Assert.Empty(animals);
    }
}
