using System.Text.Json;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Cli;

public class ComplaintsCommandTests
{
    private static JsonElement[] Lines(string output) =>
        output.Split('\n').Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToArray();

    [Fact]
    public void Complaints_writes_the_category_or_none_with_its_evidence()
    {
        const string input = "Lantaarnpaal bij de Kerkstraat 12 is al een week kapot.\nBedankt voor de snelle reactie!\nThe park by the club is full of trash.\n";
        var (code, output, err) = CliRunner.Run(input, "complaints", "-");
        Assert.True(code == 0, err);
        var lines = Lines(output);
        Assert.Equal(3, lines.Length);
        var first = lines[0];
        Assert.Equal("wegen-verkeer-straatmeubilair", first.GetProperty("main").GetString());
        Assert.Equal("straatverlichting-openbare-klok", first.GetProperty("sub").GetString());
        var evidence = first.GetProperty("evidence").EnumerateArray().ToArray();
        var text = input.Split('\n')[0];
        foreach (var e in evidence)
            Assert.Equal(e.GetProperty("text").GetString(), text.Substring(e.GetProperty("start").GetInt32(), e.GetProperty("length").GetInt32()));
        Assert.Contains(evidence, e => e.GetProperty("text").GetString() == "Lantaarnpaal" && e.GetProperty("kind").GetString() == "term");
        Assert.Equal(first.GetProperty("score").GetDouble(), evidence.Sum(e => e.GetProperty("weight").GetDouble()));
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("main").ValueKind);
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("main").ValueKind);
        Assert.Empty(lines[2].GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public void Complaints_min_score_is_an_option()
    {
        var (code, output, err) = CliRunner.Run("Ik zag een rat.\n", "complaints", "-", "--min-score", "2");
        Assert.True(code == 0, err);
        Assert.Equal("overlast-van-dieren", Lines(output)[0].GetProperty("main").GetString());
        Assert.Equal(2, CliRunner.Run("x\n", "complaints", "-", "--min-score", "veel").Code);
    }
}
