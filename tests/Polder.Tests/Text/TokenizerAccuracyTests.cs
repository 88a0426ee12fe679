using Polder.Tests.Infrastructure;
using Polder.Text;
using Xunit.Abstractions;

namespace Polder.Tests.Text;

/// <summary>Token and sentence-boundary F1 on the UD Dutch treebanks (gold written by the UD annotators).</summary>
public class TokenizerAccuracyTests(ITestOutputHelper output)
{
    [SharedDataTheory("text/ud-nl-alpino-dev.conllu", "text/ud-nl-alpino-test.conllu", "text/ud-nl-lassysmall-dev.conllu")]
    [InlineData("text/ud-nl-alpino-dev.conllu")]
    [InlineData("text/ud-nl-alpino-test.conllu")]
    [InlineData("text/ud-nl-lassysmall-dev.conllu")]
    public void TokenF1OnUdSentencesIsAtLeast0990(string file)
    {
        var score = new SpanScore();
        foreach (var s in UdTreebank.Read(SharedData.PathOf(file)))
            score.Add(s.Tokens, DutchTokenizer.Default.TokenizeToStrings(s.Text));
        output.WriteLine($"token {file}: {score}");
        Assert.True(score.F1 >= 0.990, $"token F1 {score.F1:F4} on {file} is below 0.990");
    }

    // Bars: at least 0.98 on Alpino dev; above the best peer (Punkt) on Alpino test (0.911) and LassySmall dev (0.822).
    [SharedDataTheory("text/ud-nl-alpino-dev.conllu", "text/ud-nl-alpino-test.conllu", "text/ud-nl-lassysmall-dev.conllu")]
    [InlineData("text/ud-nl-alpino-dev.conllu", 0.98)]
    [InlineData("text/ud-nl-alpino-test.conllu", 0.911)]
    [InlineData("text/ud-nl-lassysmall-dev.conllu", 0.822)]
    public void SentenceBoundaryF1BeatsTheBar(string file, double bar)
    {
        var sentences = UdTreebank.Read(SharedData.PathOf(file));
        var score = new SpanScore();
        // As ../shared/eval/ud_to_eval.py: 10 consecutive sentences joined by one space make one document.
        for (int i = 0; i < sentences.Count; i += 10)
        {
            var gold = sentences.Skip(i).Take(10).Select(s => s.Text).ToList();
            var doc = string.Join(' ', gold);
            score.Add(gold, SentenceSplitter.Default.SplitToStrings(doc));
        }
        output.WriteLine($"sentences {file}: {score}");
        Assert.True(score.F1 > bar || (bar == 0.98 && score.F1 >= bar), $"sentence F1 {score.F1:F4} on {file} does not beat {bar}");
    }
}
