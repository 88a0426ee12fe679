using Polder.Cli;

namespace Polder.Tests.Cli;

public class CsvInputTests
{
    private static List<(long Line, string[] Fields)> Parse(string csv)
    {
        using var r = CsvInput.Open("-", new StringReader(csv));
        var records = new List<(long, string[])>();
        string[]? f;
        while ((f = r.Read()) is not null) records.Add((r.LineNumber, f));
        return records;
    }

    [Fact]
    public void ReadsRfc4180QuotingDoubledQuotesAndLineBreaksInFields()
    {
        var r = Parse("text,label\r\n\"Hij zei \"\"mooi\"\", echt\",positive\nplain,neutral\n\"twee\nregels\",negative\n\n,\n");
        Assert.Equal(5, r.Count);
        Assert.Equal(["text", "label"], r[0].Fields);
        Assert.Equal("Hij zei \"mooi\", echt", r[1].Fields[0]);
        Assert.Equal(["plain", "neutral"], r[2].Fields);
        Assert.Equal("twee\nregels", r[3].Fields[0]);
        Assert.Equal(4, r[3].Line);
        Assert.Equal(["", ""], r[4].Fields);
        Assert.Equal(7, r[4].Line);
    }

    [Fact]
    public void QuotedEmptyFieldsAndTrailingEmptyFields()
    {
        var r = Parse("a,b,c\n\"\",x,\n");
        Assert.Equal(["", "x", ""], r[1].Fields);
    }

    [Theory]
    [InlineData("a,b\nx\"y,z\n", "<stdin>:2: field 1: a quote inside an unquoted field")]
    [InlineData("a,b\n\"x\"y,z\n", "<stdin>:2: field 1: broken quoting: unexpected 'y' after the closing quote")]
    [InlineData("a,b\nx,\"never closed\nstill open\n", "<stdin>:2: field 2: unterminated quoted field (opened on line 2, never closed)")]
    [InlineData("a,b\nx,y,z\n", "<stdin>:2: 3 fields, but the header has 2")]
    public void MalformedRowsAreErrorsWithLineAndField(string csv, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse(csv));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void UnknownColumnListsTheHeader()
    {
        var e = Assert.Throws<CliUsageException>(() => CsvInput.ReadColumns("-", new StringReader("content,polarity\nx,y\n"), "tekst").ToList());
        Assert.Contains("no column 'tekst'", e.Message);
        Assert.Contains("content, polarity", e.Message);
    }

    [Fact]
    public void ColumnsComeWithTheirRecordsLine()
    {
        var rows = CsvInput.ReadColumns("-", new StringReader("Content ,polarity\n\"a\nb\",positive\nc,negative\n"), "polarity", "content").ToList();
        Assert.Equal([(2L, ["positive", "a\nb"]), (4L, ["negative", "c"])], rows.Select(r => (r.Line, r.Values)));
    }

    [Fact]
    public void FilesAreStrictUtf8AndErrorsNameTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"polder-csv-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllBytes(path, [.. "text,label\nok,positive\n"u8.ToArray(), 0x66, 0xC3, 0x28, (byte)',', (byte)'x', 0x0A]);
            // the tool's one input error: file and line as properties, and in the message
            var bad = Assert.Throws<Polder.Data.PolderInputException>(() => CsvInput.ReadColumns(path, TextReader.Null, "text").ToList());
            Assert.StartsWith($"{path}:3: invalid UTF-8", bad.Message);
            Assert.Equal(3, bad.Line);
            File.WriteAllText(path, "text,label\nok,positive,extra\n");
            var e = Assert.Throws<InvalidDataException>(() => CsvInput.ReadColumns(path, TextReader.Null, "text").ToList());
            Assert.StartsWith($"{path}:2: 3 fields, but the header has 2", e.Message);
        }
        finally { File.Delete(path); }
        Assert.Throws<CliUsageException>(() => CsvInput.ReadColumns(path, TextReader.Null, "text").ToList());
    }
}
