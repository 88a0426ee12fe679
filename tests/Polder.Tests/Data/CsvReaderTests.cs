using System.Text;
using Polder.Data;

namespace Polder.Tests.Data;

public class CsvReaderTests
{
    private static List<(long Line, string[] Fields)> Parse(string csv, char separator = ',', char? quote = '"')
    {
        using var r = new CsvReader(new StringReader(csv), separator, "t.csv", quote);
        var records = new List<(long, string[])>();
        string[]? f;
        while ((f = r.Read()) is not null) records.Add((r.LineNumber, f));
        return records;
    }

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
    public void Records_know_their_first_line_and_keep_line_breaks_inside_quotes_as_they_are()
    {
        var r = Parse("\uFEFFtext,label\r\n\"twee\r\nregels\",negative\r\n\r\n\"\",\r\nlaatste,\"\"");
        Assert.Equal(["text", "label"], r[0].Fields); // the byte order mark is not data
        Assert.Equal((2L, "twee\r\nregels"), (r[1].Line, r[1].Fields[0]));
        Assert.Equal(5, r[2].Line); // the blank line 4 is skipped
        Assert.Equal(["", ""], r[2].Fields);
        Assert.Equal(6, r[3].Line);
        Assert.Equal(["laatste", ""], r[3].Fields);
        Assert.Equal(4, r.Count);
    }

    [Fact]
    public void Header_rows_become_dictionaries()
    {
        using var r = new CsvReader(new StringReader("id;text\n7;hallo\n\n8;\n"), ';');
        var rows = r.ReadWithHeader().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("hallo", rows[0]["text"]);
        Assert.Equal("", rows[1]["text"]);
    }

    [Theory]
    [InlineData("a,b\nx\"y,z\n", "t.csv:2: field 1: a quote inside an unquoted field")]
    [InlineData("a,b\nx,\"y\"z\n", "t.csv:2: field 2: broken quoting: unexpected 'z' after the closing quote")]
    [InlineData("a,b\n\"x\ny\"z,w\n", "t.csv:3: field 1: broken quoting: unexpected 'z' after the closing quote")]
    [InlineData("a,b\nx,\"never closed\nstill open\n", "t.csv:2: field 2: unterminated quoted field (opened on line 2, never closed)")]
    [InlineData("a,b\nx,y,z\n", "t.csv:2: 3 fields, but the header has 2")]
    [InlineData("a,b,c\n\"1\n2\",3\n", "t.csv:2: 2 fields, but the header has 3")]
    [InlineData("id;text\n7;hallo\n8\n", "t.csv:3: 1 fields, but the header has 2")]
    public void Malformed_input_is_an_error_naming_source_line_and_field(string csv, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse(csv, csv.StartsWith("id;", StringComparison.Ordinal) ? ';' : ','));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Unterminated_quote_is_an_error()
    {
        using var r = new CsvReader(new StringReader("a,\"b\n"));
        var e = Assert.Throws<InvalidDataException>(() => r.Read());
        Assert.StartsWith("<input>:1: field 2:", e.Message);
    }

    [Fact]
    public void Without_quoting_every_character_between_delimiters_is_data()
    {
        var r = Parse("a\tb\nx\tzei \"ja\"\n\"y\t\"\n", '\t', quote: null);
        Assert.Equal(["x", "zei \"ja\""], r[1].Fields);
        Assert.Equal(["\"y", "\""], r[2].Fields);
        Assert.Throws<InvalidDataException>(() => Parse("a\tb\nx\tzei \"ja\"\n", '\t'));
    }

    [Fact]
    public void Errors_name_the_file_of_a_stream_reader()
    {
        var path = Path.Combine(Path.GetTempPath(), $"polder-csv-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a,b\n1,2\n3\n", new UTF8Encoding(false));
        try
        {
            using (var sr = new StreamReader(path))
                Assert.StartsWith($"{Path.GetFullPath(path)}:3: 1 fields", Assert.Throws<InvalidDataException>(() => CsvReader.ReadRecords(sr).ToList()).Message);
            Assert.StartsWith($"{path}:3: 1 fields", Assert.Throws<InvalidDataException>(() => CsvReader.ReadFileWithHeader(path).ToList()).Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Long_input_streams_across_buffer_boundaries()
    {
        var sb = new StringBuilder("id,text\n");
        for (int i = 0; i < 5000; i++) sb.Append(i).Append(",\"regel ").Append(i).Append("\r\nmet \"\"quote\"\", komma\"\r\n");
        var r = Parse(sb.ToString());
        Assert.Equal(5001, r.Count);
        Assert.Equal((2L + 2 * 4999, "regel 4999\r\nmet \"quote\", komma"), (r[5000].Line, r[5000].Fields[1]));
    }
}
