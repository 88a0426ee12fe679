namespace Polder.Tests.Data;

/// <summary>The one CSV writer: what it writes, <see cref="CsvReader"/> reads back unchanged.</summary>
public class CsvWriterTests
{
    [Fact]
    public void Every_field_round_trips_through_the_reader()
    {
        string[][] records =
        [
            ["id", "text", "note"],
            ["1", "plain", ""],
            ["2", "a, comma", "say \"hi\""],
            ["3", "two\nlines", "crlf\r\nend"],
            ["4", "", "x"],
        ];
        var sw = new StringWriter();
        using (var w = new CsvWriter(sw)) foreach (var r in records) w.WriteRecord(r);
        Assert.Equal("id,text,note\n1,plain,\n2,\"a, comma\",\"say \"\"hi\"\"\"\n", sw.ToString()[..48]);
        var back = CsvReader.ReadRecords(new StringReader(sw.ToString())).ToList();
        Assert.Equal(records, back);
    }

    [Fact]
    public void A_lone_empty_field_is_written_as_quotes_so_it_is_not_a_blank_line()
    {
        var sw = new StringWriter();
        using (var w = new CsvWriter(sw)) { w.WriteRecord(["name"]); w.WriteRecord([""]); w.WriteRecord(["b"]); }
        Assert.Equal("name\n\"\"\nb\n", sw.ToString());
        Assert.Equal(3, CsvReader.ReadRecords(new StringReader(sw.ToString())).Count());
        Assert.Equal("\"a\"\"b\"", CsvWriter.Escape("a\"b"));
        Assert.Equal("", CsvWriter.Escape(null));
    }
}
