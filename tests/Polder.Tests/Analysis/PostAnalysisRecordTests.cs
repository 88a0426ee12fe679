using Polder.Analysis;
using Polder.Community;
using Polder.Sentiment;

namespace Polder.Tests.Analysis;

/// <summary>PostAnalysis keeps the record behaviour of its positional form while posts with one text share its results.</summary>
public class PostAnalysisRecordTests
{
    private static readonly DateTimeOffset Time = new(2024, 3, 1, 9, 30, 0, TimeSpan.FromHours(1));

    // lists compare by reference in a record, so equal analyses share theirs
    private static readonly string[] Evidence = ["vuilnis"];

    private static PostAnalysis Make() => new("p1", "a1", "t1", Time, PostKind.Reply, SentimentLabel.Negative, -0.5, "afval", 0.8f, "afval",
        "afval", [], "nl", 0.97) { ComplaintEvidence = Evidence, IsAnalysed = true };

    [Fact]
    public void Equal_values_are_equal_and_with_changes_only_the_copy()
    {
        var a = Make();
        var b = Make();
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        var c = a with { Sentiment = SentimentLabel.Positive, ThreadTopic = "verkeer" };
        Assert.NotEqual(a, c);
        Assert.Equal(SentimentLabel.Negative, a.Sentiment);
        Assert.Equal("afval", a.ThreadTopic);
        Assert.Equal(SentimentLabel.Positive, c.Sentiment);
        Assert.Equal("verkeer", c.ThreadTopic);
        Assert.Equal(a.SentimentScore, c.SentimentScore);
        Assert.Equal(a, c with { Sentiment = SentimentLabel.Negative, ThreadTopic = "afval" });
        // the same instant at another offset is the same time, as DateTimeOffset compares
        Assert.Equal(a, a with { Time = Time.ToUniversalTime() });
    }

    [Fact]
    public void Deconstruct_and_text_show_every_value()
    {
        var a = Make();
        var (id, author, thread, time, kind, sentiment, score, topic, confidence, threadTopic, complaint, places, language, languageConfidence) = a;
        Assert.Equal(("p1", "a1", "t1", Time, PostKind.Reply), (id, author, thread, time, kind));
        Assert.Equal((SentimentLabel.Negative, -0.5, "afval", 0.8f, "afval", "afval"), (sentiment!.Value, score!.Value, topic, confidence, threadTopic, complaint));
        Assert.Empty(places);
        Assert.Equal(("nl", 0.97), (language, languageConfidence));
        var text = a.ToString();
        foreach (var name in new[] { "PostId = p1", "Kind = Reply", "SentimentScore = -0.5", "Language = nl", "ComplaintEvidence", "IsAnalysed = True" })
            Assert.Contains(name, text);
    }
}
