using System.Text.Json;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Cli;

public class PlacesCommandTests
{
    private static JsonElement[] Lines(string output) =>
        output.Split('\n').Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToArray();

    [Fact]
    public void Places_writes_one_object_per_line_with_municipality_province_and_offsets()
    {
        const string input = "Het parlement zit in 's-Gravenhage.\nGeen plaats hier, het is best goed.\nIk fiets vanuit Lent naar Nijmegen.\n";
        var (code, output, err) = CliRunner.Run(input, "places", "-");
        Assert.True(code == 0, err);
        var lines = Lines(output);
        Assert.Equal(3, lines.Length);
        var texts = input.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            Assert.Equal(i + 1, lines[i].GetProperty("line").GetInt64());
            foreach (var p in lines[i].GetProperty("places").EnumerateArray())
                Assert.Equal(p.GetProperty("text").GetString(), texts[i].Substring(p.GetProperty("start").GetInt32(), p.GetProperty("length").GetInt32()));
        }
        var haag = lines[0].GetProperty("places").EnumerateArray().Single();
        Assert.Equal("'s-Gravenhage", haag.GetProperty("text").GetString());
        Assert.Equal("Den Haag", haag.GetProperty("municipality").GetString());
        Assert.Equal("Zuid-Holland", haag.GetProperty("province").GetString());
        Assert.Equal("large", haag.GetProperty("size_class").GetString());
        // "best" written small is a word, not the municipality Best
        Assert.Empty(lines[1].GetProperty("places").EnumerateArray());
        var lentNijmegen = lines[2].GetProperty("places").EnumerateArray().ToArray();
        Assert.Equal(["Lent", "Nijmegen"], lentNijmegen.Select(p => p.GetProperty("text").GetString()));
        Assert.Equal("place", lentNijmegen[0].GetProperty("kind").GetString());
        Assert.Equal("Nijmegen", lentNijmegen[0].GetProperty("municipality").GetString());
        Assert.Equal("municipality", lentNijmegen[1].GetProperty("kind").GetString());
        Assert.Equal("Gelderland", lentNijmegen[1].GetProperty("province").GetString());
    }

    [Fact]
    public void Places_reads_a_csv_text_column_and_reports_record_lines()
    {
        var (code, output, err) = CliRunner.Run("id,bericht\n1,\"Overlast in Hengelo,\nweer\"\n2,Zij woont in Best.\n", "places", "-", "--text-column", "bericht");
        Assert.True(code == 0, err);
        var lines = Lines(output);
        Assert.Equal(2, lines.Length);
        Assert.Equal(2, lines[0].GetProperty("line").GetInt64());
        Assert.Equal(4, lines[1].GetProperty("line").GetInt64());
        Assert.StartsWith("Hengelo", lines[0].GetProperty("places")[0].GetProperty("municipality").GetString()); // the almanac writes "Hengelo Ov."
        Assert.Equal("Overijssel", lines[0].GetProperty("places")[0].GetProperty("province").GetString());
        Assert.Equal("Best", lines[1].GetProperty("places")[0].GetProperty("municipality").GetString());
        Assert.Equal("Noord-Brabant", lines[1].GetProperty("places")[0].GetProperty("province").GetString());
    }

    [Fact]
    public void Places_errors_name_the_missing_column_or_file()
    {
        var (code, _, err) = CliRunner.Run("id,tekst\n1,Utrecht\n", "places", "-", "--text-column", "bericht");
        Assert.NotEqual(0, code);
        Assert.Contains("bericht", err);
        (code, _, err) = CliRunner.Run("", "places", "/no/such/file.txt");
        Assert.NotEqual(0, code);
        Assert.Contains("/no/such/file.txt", err);
        (code, _, err) = CliRunner.Run("", "places");
        Assert.Equal(2, code);
        Assert.Contains("usage", err);
    }
}
