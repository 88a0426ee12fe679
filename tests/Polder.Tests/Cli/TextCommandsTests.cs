using System.Text.Json;
using Polder.Cli;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Cli;

public class TextCommandsTests
{
    private static (int Code, string Out, string Err) Run(string stdin, params string[] args) => CliRunner.Run(stdin, args);

    [Fact]
    public void TokenizeWritesOneJsonObjectPerInputLineInOrder()
    {
        var (code, output, _) = Run("Zo'n dag! #zon\n\nBel 06-12345678\n", "tokenize", "-");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.None).Where(l => l.Length > 0).ToArray();
        Assert.Equal(3, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement.GetProperty("tokens");
        Assert.Equal(["Zo'n", "dag", "!", "#zon"], first.EnumerateArray().Select(t => t.GetProperty("text").GetString()!).ToArray());
        Assert.Equal(["clitic", "word", "punctuation", "hashtag"], first.EnumerateArray().Select(t => t.GetProperty("kind").GetString()!).ToArray());
        Assert.Equal(5, first[1].GetProperty("start").GetInt32());
        Assert.Equal(3, first[1].GetProperty("length").GetInt32());
        Assert.Equal(0, JsonDocument.Parse(lines[1]).RootElement.GetProperty("tokens").GetArrayLength());
        Assert.Equal("number", JsonDocument.Parse(lines[2]).RootElement.GetProperty("tokens")[1].GetProperty("kind").GetString());
    }

    [Fact]
    public void SentencesWritesTheSentencesOfEachLine()
    {
        var (code, output, _) = Run("Dhr. Jansen kwam. Hij bleef!\n", "sentences", "-");
        Assert.Equal(0, code);
        var s = JsonDocument.Parse(output.Trim()).RootElement.GetProperty("sentences");
        Assert.Equal(["Dhr. Jansen kwam.", "Hij bleef!"], s.EnumerateArray().Select(x => x.GetString()!).ToArray());
    }

    [Fact]
    public void InvalidUtf8IsAnErrorNamingFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"polder-bad-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, [.. "goed\nook goed\n"u8.ToArray(), 0x66, 0xC3, 0x28, 0x0A]);
        try
        {
            var (code, _, err) = Run("", "tokenize", path);
            Assert.Equal(1, code);
            Assert.Contains($"{path}:3", err);
            Assert.Contains("invalid UTF-8", err);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void MissingFileAndUnknownCommandAreUsageErrors()
    {
        Assert.Equal(2, Run("", "tokenize", "/nonexistent/file.txt").Code);
        Assert.Contains("file not found: /nonexistent/file.txt", Run("", "tokenize", "/nonexistent/file.txt").Err);
        Assert.Equal(2, Run("", "frobnicate").Code);
    }
}
