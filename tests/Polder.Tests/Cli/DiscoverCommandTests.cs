using System.Text.Json;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Cli;

public class DiscoverCommandTests
{
    private const string Posts =
        "De container in de Dorpsstraat is al dagen niet geleegd, het afval ligt op straat.\n" +
        "Weer is het afval niet opgehaald, de container puilt uit.\n" +
        "Wanneer wordt de container in onze straat eindelijk geleegd? Overal afval.\n" +
        "De lantaarnpaal bij de school is kapot, het is daar 's avonds donker.\n" +
        "Straatverlichting kapot bij de school, erg donker op de stoep.\n" +
        "Al een week is de lantaarnpaal kapot, het fietspad is donker.\n" +
        "!!!\n";

    [Fact]
    public void Discover_writes_one_line_per_input_line_and_topics_json()
    {
        var dir = Directory.CreateTempSubdirectory("polder-discover-").FullName;
        try
        {
            var (code, output, err) = CliRunner.Run(Posts, "discover", "-", "--topics", "2", "--seed", "1", "--out", dir);
            Assert.True(code == 0, err);
            var lines = output.Split('\n').Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            Assert.Equal(7, lines.Length);
            Assert.Equal(Enumerable.Range(1, 7), lines.Select(l => l.GetProperty("line").GetInt32()));
            // the three container posts share a topic, the three streetlight posts the other
            var topic = lines.Take(6).Select(l => l.GetProperty("topic").GetInt32()).ToArray();
            Assert.Equal(topic[0], topic[1]); Assert.Equal(topic[0], topic[2]);
            Assert.Equal(topic[3], topic[4]); Assert.Equal(topic[3], topic[5]);
            Assert.NotEqual(topic[0], topic[3]);
            Assert.Contains("afval", lines[0].GetProperty("label").GetString());
            Assert.InRange(lines[0].GetProperty("weight").GetDouble(), 0.5, 1.0);
            Assert.Equal(JsonValueKind.Null, lines[6].GetProperty("topic").ValueKind); // no word at all
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "topics.json")));
            var topics = json.RootElement.GetProperty("topics").EnumerateArray().ToArray();
            Assert.Equal(2, topics.Length);
            Assert.Equal(6, topics.Sum(t => t.GetProperty("size").GetInt32()));
            Assert.Equal(1, json.RootElement.GetProperty("posts_without_topic").GetInt32());
            Assert.All(topics, t => Assert.NotEmpty(t.GetProperty("examples").EnumerateArray()));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Discover_reads_a_csv_column_and_names_usage_mistakes()
    {
        var csv = "id,text\n" + string.Join("", Posts.Split('\n').Where(l => l.Length > 0).Select((l, i) => $"{i},\"{l}\"\n"));
        var (code, output, err) = CliRunner.Run(csv, "discover", "-", "--text-column", "text", "--topics", "2");
        Assert.True(code == 0, err);
        Assert.Equal(7, output.Split('\n').Count(l => l.Length > 0));
        Assert.Equal(2, CliRunner.Run(csv, "discover", "-", "--text-column", "tekst").Code);
        Assert.Equal(2, CliRunner.Run(csv, "discover", "-", "--method", "lda").Code);
        Assert.Equal(2, CliRunner.Run(Posts, "discover", "/nonexistent/posts.txt").Code);
    }
}
