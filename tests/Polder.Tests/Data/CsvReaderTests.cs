using Polder.Data;

namespace Polder.Tests.Data;

public class CsvReaderTests
{
    [Fact]
    public void Reads_quoted_fields_with_separators_quotes_and_line_breaks()
    {
        var csv = "a,b,c\r\n1,\"x, y\",\"he said \"\"hi\"\"\"\n2,\"line1\nline2\",\n";
        using var r = new CsvReader(new StringReader(csv));
        Assert.Equal(["a", "b", "c"], r.Read()!);
        Assert.Equal(["1", "x, y", "he said \"hi\""], r.Read()!);
        Assert.Equal(["2", "line1\nline2", ""], r.Read()!);
        Assert.Null(r.Read());
    }

    [Fact]
    public void Header_rows_become_dictionaries()
    {
        using var r = new CsvReader(new StringReader("id;text\n7;hallo\n\n8\n"), ';');
        var rows = r.ReadWithHeader().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("hallo", rows[0]["text"]);
        Assert.Equal("", rows[1]["text"]);
    }

    [Fact]
    public void Unterminated_quote_is_an_error()
    {
        using var r = new CsvReader(new StringReader("a,\"b\n"));
        Assert.Throws<InvalidDataException>(() => r.Read());
    }
}
