using System.Text.Json;
using Polder.Cli;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Cli;

public class SentimentCommandsTests
{
    private static (int Code, string Out, string Err) Run(string stdin, params string[] args) => CliRunner.Run(stdin, args);

    private static JsonElement[] Lines(string output) =>
        output.Split('\n').Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToArray();

    [Fact]
    public void SentimentWritesOneObjectPerLineInOrder()
    {
        var (code, output, err) = Run("Wat een prachtige dag!\n\nDit is niet goed.\n", "sentiment", "-");
        Assert.True(code == 0, err);
        var lines = Lines(output);
        Assert.Equal(3, lines.Length);
        Assert.Equal("positive", lines[0].GetProperty("label").GetString());
        Assert.Equal("neutral", lines[1].GetProperty("label").GetString());
        Assert.Equal("negative", lines[2].GetProperty("label").GetString());
        var tokens = lines[2].GetProperty("tokens");
        Assert.Equal("goed", tokens[0].GetProperty("text").GetString());
        Assert.Contains("negated", tokens[0].GetProperty("cues").EnumerateArray().Select(c => c.GetString()));
        double sum = tokens.EnumerateArray().Sum(t => t.GetProperty("weight").GetDouble());
        Assert.Equal(lines[2].GetProperty("score").GetDouble(), sum, 3);
    }

    [Fact]
    public void SentimentReadsACsvTextColumn()
    {
        var (code, output, err) = Run("id,tekst\n1,\"Heel mooi, echt!\"\n2,\"Slecht\nen lelijk\"\n", "sentiment", "-", "--text-column", "tekst");
        Assert.True(code == 0, err);
        var lines = Lines(output);
        Assert.Equal(2, lines.Length);
        Assert.Equal("positive", lines[0].GetProperty("label").GetString());
        Assert.Equal("negative", lines[1].GetProperty("label").GetString());
    }

    [Fact]
    public void SentimentWithAspectsWritesSentencesAndTargets()
    {
        var (code, output, _) = Run("Goed gedaan @jan! Maar @piet was slecht.\n", "sentiment", "-", "--aspects");
        Assert.Equal(0, code);
        var line = Lines(output).Single();
        Assert.Equal(2, line.GetProperty("sentences").GetArrayLength());
        var targets = line.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("target").GetString()!, t => t.GetProperty("label").GetString());
        Assert.Equal("positive", targets["@jan"]);
        Assert.Equal("negative", targets["@piet"]);
    }

    [Fact]
    public void MalformedCsvIsAnErrorWithFileLineAndField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"polder-bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "content,polarity\n\"goed\",positive\nslecht \"x\",negative\n");
        try
        {
            var (code, _, err) = Run("", "eval", "sentiment", "--data", path, "--text-column", "content", "--label-column", "polarity");
            Assert.Equal(1, code);
            Assert.Contains($"{path}:3: field 1", err);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void UnknownLabelIsAnErrorWithLine()
    {
        var (code, _, err) = Run("content,polarity\ngoed,positive\nslecht,boos\n", "eval", "sentiment", "--data", "-", "--text-column", "content", "--label-column", "polarity");
        Assert.Equal(1, code);
        Assert.Contains("<stdin>:3", err);
        Assert.Contains("'boos'", err);
    }

    [Fact]
    public void EvalPrintsAccuracyMacroF1AndPerClassF1()
    {
        var csv = "content,polarity\nWat mooi!,positive\nHeel slecht.,negative\nDe trein vertrekt om drie uur.,neutral\nPrachtig!,positive\n";
        var (code, output, err) = Run(csv, "eval", "sentiment", "--data", "-", "--text-column", "content", "--label-column", "polarity");
        Assert.True(code == 0, err);
        var j = Lines(output).Single();
        Assert.Equal(4, j.GetProperty("count").GetInt32());
        Assert.Equal(1.0, j.GetProperty("accuracy").GetDouble());
        Assert.Equal(1.0, j.GetProperty("macro_f1").GetDouble());
        Assert.Equal(2, j.GetProperty("classes").GetProperty("positive").GetProperty("support").GetInt32());
        Assert.True(j.GetProperty("classes").TryGetProperty("neutral", out var neutral) && neutral.GetProperty("f1").GetDouble() == 1.0);
    }

    [Fact]
    public void LabelMapTurnsStarRatingsIntoLabels()
    {
        var csv = "stars,review\n5,Prachtig!\n1,Heel slecht.\n3,Het ding heeft een snoer.\n4,Wat mooi!\n";
        const string map = "1=negative,2=negative,3=neutral,4=positive,5=positive";
        var (code, output, err) = Run(csv, "eval", "sentiment", "--data", "-", "--text-column", "review", "--label-column", "stars", "--label-map", map);
        Assert.True(code == 0, err);
        var j = Lines(output).Single();
        Assert.Equal(2, j.GetProperty("classes").GetProperty("positive").GetProperty("support").GetInt32());
        Assert.Equal(1, j.GetProperty("classes").GetProperty("negative").GetProperty("support").GetInt32());

        (code, _, err) = Run("stars,review\n5,Prachtig!\n0,Niks\n", "eval", "sentiment", "--data", "-", "--text-column", "review", "--label-column", "stars", "--label-map", map);
        Assert.Equal(1, code);
        Assert.Contains("<stdin>:3", err);
        Assert.Contains("--label-map", err);
        Assert.Equal(2, Run(csv, "eval", "sentiment", "--data", "-", "--text-column", "review", "--label-column", "stars", "--label-map", "5=great").Code);
    }

    [Fact]
    public void EvalCrossValidatesTheTrainerWithSeededRepeats()
    {
        var rows = new List<string> { "text,label" };
        string[] pos = ["Wat een mooie dag", "Super goed gedaan", "Geweldig nieuws", "Heerlijk weer vandaag", "Top, bedankt!", "Fantastisch optreden"];
        string[] neg = ["Wat een slechte dag", "Heel slecht geregeld", "Vreselijk nieuws", "Waardeloos weer vandaag", "Schandalig, bah", "Verschrikkelijk optreden"];
        string[] neu = ["De trein vertrekt om drie uur", "Morgen is de vergadering", "Het rapport staat online", "Vandaag debat in de Kamer", "Lees het verslag hier", "De minister spreekt om tien uur"];
        rows.AddRange(pos.Select(p => $"\"{p}\",positive"));
        rows.AddRange(neg.Select(p => $"\"{p}\",negative"));
        rows.AddRange(neu.Select(p => $"\"{p}\",neutral"));
        var csv = string.Join("\n", rows) + "\n";
        string[] args = ["eval", "sentiment", "--data", "-", "--text-column", "text", "--label-column", "label", "--cv", "3", "--seeds", "2"];
        var (code, output, err) = Run(csv, args);
        Assert.True(code == 0, err);
        var j = Lines(output).Single();
        var runs = j.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal([1, 2], runs.Select(r => r.GetProperty("seed").GetInt32()));
        Assert.All(runs, r => Assert.Equal(18, r.GetProperty("count").GetInt32()));
        Assert.Equal(runs.Average(r => r.GetProperty("macro_f1").GetDouble()), j.GetProperty("macro_f1_mean").GetDouble(), 3);
        Assert.True(j.GetProperty("macro_f1_mean").GetDouble() > 0.5);
        Assert.Equal(output, Run(csv, args).Out);   // deterministic per seed
        Assert.Equal(2, Run(csv, ["eval", "sentiment", "--data", "-", "--text-column", "text", "--label-column", "label", "--cv", "3", "--model", "m.zip"]).Code);
    }

    [Fact]
    public void TrainThenPredictAndEvaluateWithTheModel()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"polder-train-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var rows = new List<string> { "text,label" };
            string[] pos = ["Wat een mooie dag", "Super goed gedaan", "Geweldig nieuws", "Heerlijk weer vandaag", "Top, bedankt!", "Fantastisch optreden"];
            string[] neg = ["Wat een slechte dag", "Heel slecht geregeld", "Vreselijk nieuws", "Waardeloos weer vandaag", "Schandalig, bah", "Verschrikkelijk optreden"];
            string[] neu = ["De trein vertrekt om drie uur", "Morgen is de vergadering", "Het rapport staat online", "Vandaag debat in de Kamer", "Lees het verslag hier", "De minister spreekt om tien uur"];
            for (int k = 0; k < 3; k++)
            {
                rows.AddRange(pos.Select(p => $"\"{p}\",positive"));
                rows.AddRange(neg.Select(p => $"\"{p}\",negative"));
                rows.AddRange(neu.Select(p => $"\"{p}\",neutral"));
            }
            var data = Path.Combine(dir, "train.csv");
            File.WriteAllLines(data, rows);
            var model = Path.Combine(dir, "model.zip");
            var (code, output, err) = Run("", "train", "sentiment", "--data", data, "--text-column", "text", "--label-column", "label", "--out", model);
            Assert.True(code == 0, err);
            Assert.True(File.Exists(model));
            Assert.Equal(54, Lines(output).Single().GetProperty("examples").GetInt32());

            (code, output, err) = Run("Wat een mooie dag\nHeel slecht geregeld\n", "sentiment", "-", "--model", model);
            Assert.True(code == 0, err);
            var preds = Lines(output);
            Assert.Equal("positive", preds[0].GetProperty("label").GetString());
            Assert.Equal("negative", preds[1].GetProperty("label").GetString());
            Assert.InRange(preds[0].GetProperty("score").GetDouble(), 0, 1);

            (code, output, err) = Run("", "eval", "sentiment", "--data", data, "--text-column", "text", "--label-column", "label", "--model", model);
            Assert.True(code == 0, err);
            Assert.True(Lines(output).Single().GetProperty("macro_f1").GetDouble() > 0.9);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void MissingOptionsAndModelFilesAreUsageErrors()
    {
        Assert.Equal(2, Run("", "train", "sentiment", "--data", "x.csv").Code);
        var (code, _, err) = Run("goed\n", "sentiment", "-", "--model", "/nonexistent/model.zip");
        Assert.Equal(2, code);
        Assert.Contains("file not found", err);
    }
}
