using Polder.Cli;

namespace Polder.Tests.Cli;

public class CsvReaderTests
{
    private static List<CsvRecord> Parse(string csv) => CsvReader.Read("-", new StringReader(csv)).ToList();

    [Fact]
    public void ReadsRfc4180QuotingDoubledQuotesAndLineBreaksInFields()
    {
        var r = Parse("text,label\r\n\"Hij zei \"\"mooi\"\", echt\",positive\nplain,neutral\n\"twee\nregels\",negative\n,\n");
        Assert.Equal(5, r.Count);
        Assert.Equal(["text", "label"], r[0].Fields);
        Assert.Equal("Hij zei \"mooi\", echt", r[1].Fields[0]);
        Assert.Equal(["plain", "neutral"], r[2].Fields);
        Assert.Equal("twee\nregels", r[3].Fields[0]);
        Assert.Equal(4, r[3].Line);
        Assert.Equal(["", ""], r[4].Fields);
        Assert.Equal(6, r[4].Line);
    }

    [Fact]
    public void QuotedEmptyFieldsAndTrailingEmptyFields()
    {
        var r = Parse("a,b,c\n\"\",x,\n");
        Assert.Equal(["", "x", ""], r[1].Fields);
    }

    [Theory]
    [InlineData("a,b\nx\"y,z\n", "<stdin>:2: field 1: a quote inside an unquoted field")]
    [InlineData("a,b\n\"x\"y,z\n", "<stdin>:2: field 1: unexpected 'y' after the closing quote")]
    [InlineData("a,b\nx,\"never closed\nstill open\n", "<stdin>:2: field 2: the quoted field opened here is never closed")]
    [InlineData("a,b\nx,y,z\n", "<stdin>:2: 3 fields, but the header has 2")]
    public void MalformedRowsAreErrorsWithLineAndField(string csv, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse(csv));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void UnknownColumnListsTheHeader()
    {
        var e = Assert.Throws<CliUsageException>(() => CsvReader.ReadColumns("-", new StringReader("content,polarity\nx,y\n"), "tekst").ToList());
        Assert.Contains("no column 'tekst'", e.Message);
        Assert.Contains("content, polarity", e.Message);
    }
}
