using System.Text.Json;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Cli;

public class LanguageCommandTests
{
    [Fact]
    public void WritesLanguageAndConfidencePerInputLine()
    {
        var (code, output, err) = CliRunner.Run("Lekker gegeten!\nGreat food, would recommend\n\n@henk https://x.nl 😀\n", "language", "-");
        Assert.True(code == 0, err);
        var lines = output.Split('\n').Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(4, lines.Length);
        Assert.Equal(["nl", "en", "unknown", "unknown"], lines.Select(l => l.GetProperty("language").GetString()!).ToArray());
        Assert.InRange(lines[0].GetProperty("confidence").GetDouble(), 0.9, 1.0);
        Assert.Equal(0, lines[2].GetProperty("confidence").GetDouble());
        Assert.Equal(["language", "confidence"], lines[0].EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void MissingFileAndInvalidUtf8AreErrorsLikeTheOtherTextVerbs()
    {
        var (code, _, err) = CliRunner.Run("", "language", "/nonexistent/file.txt");
        Assert.Equal(2, code);
        Assert.Contains("file not found", err);
        Assert.Equal(2, CliRunner.Run("", "language").Code);

        var path = Path.Combine(Path.GetTempPath(), $"polder-lang-bad-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, [.. "goed\n"u8.ToArray(), 0x66, 0xC3, 0x28, 0x0A]);
        try
        {
            var (c, o, e) = CliRunner.Run("", "language", path);
            Assert.Equal(1, c);
            Assert.Contains($"{path}:2", e);
            Assert.Contains("invalid UTF-8", e);
            Assert.Contains("\"nl\"", o);
        }
        finally { File.Delete(path); }
    }
}
