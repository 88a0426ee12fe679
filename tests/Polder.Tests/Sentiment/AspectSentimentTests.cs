using Polder.Sentiment;

namespace Polder.Tests.Sentiment;

public class AspectSentimentTests
{
    [Fact]
    public void SentimentPerSentence()
    {
        var a = SentimentAnalyzer.Default.AnalyzeAspects("Het eten was heerlijk. De bediening was traag en onvriendelijk.");
        Assert.Equal(2, a.Sentences.Count);
        Assert.Equal(SentimentLabel.Positive, a.Sentences[0].Label);
        Assert.Equal(SentimentLabel.Negative, a.Sentences[1].Label);
        Assert.Equal("Het eten was heerlijk.", a.Sentences[0].Text);
    }

    [Fact]
    public void SentimentPerGivenTarget()
    {
        var a = SentimentAnalyzer.Default.AnalyzeAspects(
            "Het eten was heerlijk. De bediening was traag en onvriendelijk. Het eten was ook lekker.", ["eten", "bediening", "parkeren"]);
        var eten = a.Targets.Single(t => t.Target == "eten");
        var bediening = a.Targets.Single(t => t.Target == "bediening");
        Assert.Equal(2, eten.Mentions);
        Assert.Equal([0, 2], eten.Sentences);
        Assert.Equal(SentimentLabel.Positive, eten.Label);
        Assert.Equal(SentimentLabel.Negative, bediening.Label);
        Assert.DoesNotContain(a.Targets, t => t.Target == "parkeren");
    }

    [Fact]
    public void TargetsAreFoundAsMentionsHashtagsAndNames()
    {
        var a = SentimentAnalyzer.Default.AnalyzeAspects("Goed gedaan @hugodejonge! Het beleid van Mark Rutte vind ik slecht. #coronadebat was een schande.");
        var names = a.Targets.Select(t => t.Target).ToList();
        Assert.Contains("@hugodejonge", names);
        Assert.Contains("Mark Rutte", names);
        Assert.Contains("#coronadebat", names);
        Assert.Equal(SentimentLabel.Positive, a.Targets.Single(t => t.Target == "@hugodejonge").Label);
        Assert.Equal(SentimentLabel.Negative, a.Targets.Single(t => t.Target == "Mark Rutte").Label);
    }

    [Fact]
    public void GivenTargetsMatchHashtagsAndMultiWordNames()
    {
        var a = SentimentAnalyzer.Default.AnalyzeAspects("Wat een slecht plan van Mark Rutte. Super debat #corona", ["mark rutte", "corona"]);
        Assert.Equal(SentimentLabel.Negative, a.Targets.Single(t => t.Target == "mark rutte").Label);
        Assert.Equal([1], a.Targets.Single(t => t.Target == "corona").Sentences);
    }
}
