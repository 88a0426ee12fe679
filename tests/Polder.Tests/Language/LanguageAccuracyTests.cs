using Polder.Data;
using Polder.Language;
using Polder.Tests.Infrastructure;
using Polder.Text;

namespace Polder.Tests.Language;

/// <summary>
/// Accuracy floors on real Dutch and English text the model was not built from (scripts/eval-language.py reports the
/// full dev set; these are parts of it, floors a little under the measured figures).
/// </summary>
public class LanguageAccuracyTests
{
    private const string Reviews = "sentiment/glender-earphone-reviews.csv";
    private const string Tweets = "sentiment/zegelaar-political-tweets-polarity-train.csv";
    private const string Alpino = "text/ud-nl-alpino-dev.conllu";
    private const string Reddit = "community/reddit-emory-messages.csv";

    private static IEnumerable<string> Column(string file, string column)
    {
        using var csv = CsvReader.OpenFile(SharedData.PathOf(file));
        var header = csv.Read()!;
        int c = Array.IndexOf(header, column);
        Assert.True(c >= 0, $"{file} has no column {column}");
        while (csv.Read() is { } row)
            if (c < row.Length) yield return row[c];
    }

    private static IEnumerable<string> Sentences(string text) => SentenceSplitter.Default.SplitToStrings(text);

    private static bool HasLetters(string s) => s.Any(char.IsLetter);

    private static (double All, double Short, int N, int NShort) Accuracy(IEnumerable<string> texts, string language)
    {
        int n = 0, ok = 0, ns = 0, oks = 0;
        foreach (var t in texts.Where(HasLetters).Distinct())
        {
            bool right = LanguageIdentifier.Default.Identify(t).Language == language;
            n++; ok += right ? 1 : 0;
            if (t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length <= 6) { ns++; oks += right ? 1 : 0; }
        }
        return ((double)ok / n, ns == 0 ? double.NaN : (double)oks / ns, n, ns);
    }

    [SharedDataFact(Reviews, Tweets, Alpino)]
    public void DutchReviewsTweetsAndNewsSentences()
    {
        var texts = Column(Reviews, "Product_review").SelectMany(r => Sentences(r).Append(r))
            .Concat(Column(Tweets, "content"))
            .Concat(UdTreebank.Read(SharedData.PathOf(Alpino)).Select(s => s.Text))
            .ToList();
        var (all, shortAcc, n, ns) = Accuracy(texts, "nl");
        Assert.True(n > 1500 && ns > 50, $"{n} texts, {ns} short");
        // measured: 0.998 overall, 0.98 on six words or fewer
        Assert.True(all >= 0.99, $"Dutch accuracy {all:F4} on {n}");
        Assert.True(shortAcc >= 0.95, $"Dutch accuracy {shortAcc:F4} on {ns} texts of six words or fewer");
    }

    [SharedDataFact(Reddit)]
    public void EnglishRedditSentencesAndTitles()
    {
        var texts = Column(Reddit, "title").Concat(Column(Reddit, "text")
            .Where(t => t is not "[deleted]" and not "[removed]").SelectMany(Sentences)).ToList();
        var (all, shortAcc, n, ns) = Accuracy(texts, "en");
        Assert.True(n > 30_000 && ns > 5000, $"{n} texts, {ns} short");
        // measured: 0.995 overall, 0.975 on six words or fewer (many of the misses are "lol", names or course codes)
        Assert.True(all >= 0.99, $"English accuracy {all:F4} on {n}");
        Assert.True(shortAcc >= 0.96, $"English accuracy {shortAcc:F4} on {ns} texts of six words or fewer");
    }
}
