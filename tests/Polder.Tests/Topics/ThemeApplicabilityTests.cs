using Polder.Analysis;
using Polder.Data;
using Polder.Tests.Infrastructure;
using Polder.Topics;
using Xunit.Abstractions;

namespace Polder.Tests.Topics;

/// <summary>The shipped themes model applies to parliamentary questions and says so; not to a municipal community, reddit or tweets.</summary>
public class ThemeApplicabilityTests(ITestOutputHelper output)
{
    private void Show(string name, ThemeApplicability a) =>
        output.WriteLine($"{name}: applies {a.Applies}, mean confidence {a.MeanConfidence:0.000}, vocabulary coverage {a.VocabularyCoverage:0.000}, {a.Posts} posts");

    [SharedDataFact("topics/dekamer-2017-jan-may.csv")]
    public void Applies_to_parliamentary_questions()
    {
        var texts = CsvReader.ReadFileWithHeader(SharedData.PathOf("topics/dekamer-2017-jan-may.csv")).Select(r => r["question"]).ToList();
        var a = ThemeApplicability.Assess(TopicClassifier.Themes, texts);
        Show("dekamer questions", a);
        Assert.True(a.Applies);
    }

    [Fact]
    public void Does_not_apply_to_the_sample_community()
    {
        var (community, _) = CommunityAnalyzer.Default.Load(SampleCommunity.Open(), SampleCommunity.SourceName, ".csv");
        var a = ThemeApplicability.Assess(TopicClassifier.Themes, community.Posts.Select(p => p.TitleAndText).ToList());
        Show("sample community", a);
        Assert.False(a.Applies);
    }

    [SharedDataFact("community/reddit-emory-messages.csv", "community/political-tweets-2020-04.tsv")]
    public void Does_not_apply_to_reddit_or_politicians_tweets()
    {
        var reddit = CsvReader.ReadFileWithHeader(SharedData.PathOf("community/reddit-emory-messages.csv")).Select(r => r["title"] + " " + r["text"]).ToList();
        var a = ThemeApplicability.Assess(TopicClassifier.Themes, reddit);
        Show("r/Emory", a);
        var tweets = File.ReadLines(SharedData.PathOf("community/political-tweets-2020-04.tsv")).Skip(1).Select(l => l.Split('\t')[^1]).ToList();
        var b = ThemeApplicability.Assess(TopicClassifier.Themes, tweets);
        Show("political tweets", b);
        Assert.False(a.Applies);
        Assert.False(b.Applies);
    }
}
