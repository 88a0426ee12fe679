using System.Text.Json;
using Polder.Cli;
using Polder.Tests.Infrastructure;
using Polder.Tests.Topics;

namespace Polder.Tests.Cli;

public class TopicsCommandsTests
{
    private static (int Code, string Out, string Err) Run(string stdin, params string[] args) => CliRunner.Run(stdin, args);

    [Fact]
    public void Train_predict_and_evaluate_from_the_command_line()
    {
        var dir = Directory.CreateTempSubdirectory("polder-topics-");
        try
        {
            var csv = Path.Combine(dir.FullName, "data.csv");
            var model = Path.Combine(dir.FullName, "m.model");
            File.WriteAllLines(csv, new[] { "id,tekst,thema" }
                .Concat(TopicClassifierTests.Corpus.Select((c, i) => $"{i},\"{c.Text.Replace("\"", "\"\"")}\",{c.Label}"))
                .Append("99,Zonder thema,"));
            var (code, _, err) = Run("", "train", "topics", "--data", csv, "--text-column", "tekst", "--label-column", "thema", "--out", model, "--min-df", "1");
            Assert.True(code == 0, err);
            Assert.Contains("19 rows: 18 used, 1 without a label; trained on 18 texts, 3 labels", err);

            (code, var output, err) = Run("De treinen hebben vertraging op het spoor.\nMoet de btw omhoog?\n", "topics", "-", "--model", model, "--top", "2");
            Assert.True(code == 0, err);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            var first = JsonDocument.Parse(lines[0]).RootElement;
            Assert.Equal("vervoer", first.GetProperty("label").GetString());
            Assert.InRange(first.GetProperty("confidence").GetDouble(), 0.34, 1.0);
            Assert.Equal(2, first.GetProperty("top").GetArrayLength());
            Assert.Equal("vervoer", first.GetProperty("top")[0][0].GetString());

            (code, output, err) = Run("", "eval", "topics", "--data", csv, "--text-column", "tekst", "--label-column", "thema", "--model", model);
            Assert.True(code == 0, err);
            var e = JsonDocument.Parse(output).RootElement;
            Assert.Equal(18, e.GetProperty("count").GetInt32());
            Assert.Equal(19, e.GetProperty("rows_read").GetInt32());      // every row accounted for
            Assert.Equal(1, e.GetProperty("rows_without_label").GetInt32());
            Assert.Equal(0, e.GetProperty("rows_left_out_by_where").GetInt32());
            Assert.True(e.GetProperty("accuracy").GetDouble() > 0.9);
            Assert.True(e.GetProperty("macro_f1").GetDouble() > 0.9);
            // scored on its own training rows: said, with how many
            Assert.Equal(18, e.GetProperty("rows_seen_in_training").GetInt32());
            Assert.Contains("warning: 18 of 18 evaluated rows were in the model's training data", err);

            // trained without the 6 gezondheid rows: scored on them, nothing was seen in training and nothing is said
            var partial = Path.Combine(dir.FullName, "p.model");
            (code, _, err) = Run("", "train", "topics", "--data", csv, "--text-column", "tekst", "--label-column", "thema", "--out", partial, "--min-df", "1", "--where", "thema!=gezondheid");
            Assert.True(code == 0, err);
            (code, output, err) = Run("", "eval", "topics", "--data", csv, "--text-column", "tekst", "--label-column", "thema", "--model", partial, "--where", "thema=gezondheid");
            Assert.True(code == 0, err);
            Assert.Equal(0, JsonDocument.Parse(output).RootElement.GetProperty("rows_seen_in_training").GetInt32());
            Assert.DoesNotContain("warning", err);
            (code, output, err) = Run("", "eval", "topics", "--data", csv, "--text-column", "tekst", "--label-column", "thema", "--model", partial);
            Assert.True(code == 0, err);
            Assert.Equal(12, JsonDocument.Parse(output).RootElement.GetProperty("rows_seen_in_training").GetInt32());
            Assert.Contains("warning: 12 of 18 evaluated rows were in the model's training data", err);

            (code, _, err) = Run("", "eval", "topics", "--data", csv, "--text-column", "geen", "--label-column", "thema", "--model", model);
            Assert.Equal(2, code);
            Assert.Contains("column 'geen'", err);
        }
        finally { dir.Delete(recursive: true); }
    }
}
