using System.Text;
using Polder.Community;
using Polder.Community.Reading;

namespace Polder.Tests.Community;

public class MalformedInputTests
{
    private static readonly PostMapping Csv = new()
    {
        Id = "id", Author = "author", Time = "time", Parent = "parent", Text = "text", TimeFormat = TimeFormat.Iso8601,
    };

    private static (List<PostRecord> posts, ReadReport report) Read(byte[] bytes, PostMapping? mapping = null, ReadOptions? options = null)
    {
        var reader = new DelimitedPostReader(new MemoryStream(bytes), "test.csv", mapping ?? Csv, options);
        var posts = reader.Read().ToList();
        var r = reader.Report;
        Assert.Equal(r.RowsRead, r.Accepted + r.Rejected);
        Assert.Equal(r.Accepted, posts.Count);
        return (posts, r);
    }

    private static (List<PostRecord>, ReadReport) Read(string text, PostMapping? mapping = null, ReadOptions? options = null) =>
        Read(Encoding.UTF8.GetBytes(text), mapping, options);

    [Fact]
    public void Rfc4180_quoting_with_embedded_delimiters_quotes_and_newlines()
    {
        var (posts, report) = Read("id,author,time,parent,text\r\n1,a,2024-03-01T10:00:00Z,,\"hallo, \"\"wereld\"\"\r\ntweede regel\"\r\n2,b,2024-03-01T11:00:00+01:00,1,gewoon\r\n");
        Assert.Equal(2, report.Accepted);
        Assert.Equal("hallo, \"wereld\"\r\ntweede regel", posts[0].Post.Text);
        Assert.Equal(PostKind.Reply, posts[1].Post.Kind);
        Assert.Equal(4, posts[1].Line); // the first record spans lines 2-3
    }

    [Theory]
    [InlineData("1,a,2024-03-01T10:00:00Z,,kapot\"x\n", 2L, "text")]
    [InlineData("1,a,2024-03-01T10:00:00Z,,\"kapot\"x\n", 2L, "text")]
    [InlineData("1,a,2024-03-01T10:00:00Z,,\"open\nnog\n", 2L, "text")]
    public void The_community_reader_and_CsvReader_give_the_same_reason_for_malformed_csv(string row, long line, string field)
    {
        var text = "id,author,time,parent,text\n" + row;
        var issue = Assert.Single(Read(text).Item2.Issues);
        Assert.Equal((line, field), (issue.Line, issue.Field));
        using var csv = new CsvReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), ',', "test.csv");
        var e = Assert.Throws<InvalidDataException>(() => { while (csv.Read() is not null) { } });
        Assert.Equal($"test.csv:{line}: field 5: {issue.Reason}", e.Message);
    }

    [Fact]
    public void Invalid_utf8_is_named_by_line_and_field_in_both_readers()
    {
        byte[] bytes = [.. "id,author,time,parent,text\n1,a,2024-03-01T10:00:00Z,,Mo"u8.ToArray(), 0xC3, 0x28, (byte)'\n'];
        var issue = Assert.Single(Read(bytes).report.Issues);
        Assert.Equal((2L, "text", "invalid UTF-8"), (issue.Line, issue.Field, issue.Reason));
        using var csv = new CsvReader(new MemoryStream(bytes), ',', "test.csv");
        var e = Assert.Throws<InvalidDataException>(() => { while (csv.Read() is not null) { } });
        Assert.Equal("test.csv:2: field 5: invalid UTF-8", e.Message);
    }

    [Fact]
    public void Broken_quoting_is_rejected_with_line_field_and_reason_and_reading_goes_on()
    {
        var (posts, report) = Read("id,author,time,parent,text\n1,a,2024-03-01T10:00:00Z,,\"kapot\"x\n2,b,2024-03-01T10:00:00Z,,goed\n");
        Assert.Single(posts);
        Assert.Equal(1, report.Rejected);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(("test.csv", 2L, "text"), (issue.File, issue.Line, issue.Field));
        Assert.Contains("broken quoting", issue.Reason);
    }

    [Fact]
    public void Unterminated_quote_is_reported()
    {
        var (posts, report) = Read("id,author,time,parent,text\n1,a,2024-03-01T10:00:00Z,,goed\n2,b,2024-03-01T10:00:00Z,,\"open\nnog steeds\n");
        Assert.Single(posts);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(3, issue.Line);
        Assert.Contains("unterminated quoted field", issue.Reason);
    }

    [Fact]
    public void Bad_dates_and_numbers_are_rejected_per_field()
    {
        var m = Csv with { Likes = "likes" };
        var (posts, report) = Read("id,author,time,parent,text,likes\n1,a,gisteren,,x,1\n2,a,2024-03-01T10:00:00Z,,x,veel\n3,a,2024-03-01T10:00:00Z,,x,\n", m);
        Assert.Single(posts);
        Assert.Equal(2, report.Rejected);
        Assert.Equal("time", report.Issues[0].Field);
        Assert.Contains("bad date 'gisteren'", report.Issues[0].Reason);
        Assert.Equal("likes", report.Issues[1].Field);
        Assert.Equal(0, posts[0].Post.Likes);
    }

    [Fact]
    public void Dutch_local_time_in_the_spring_gap_is_rejected_and_autumn_overlap_takes_summer_time()
    {
        var m = new PostMapping { Author = "a", Time = "t", Text = "x", TimeFormat = TimeFormat.LocalPattern, TimePattern = "dd-MM-yyyy HH:mm:ss", Delimiter = '\t', Quote = null };
        var (posts, report) = Read("a\tt\tx\np\t31-03-2024 02:30:00\tgat\np\t27-10-2024 02:30:00\tdubbel\np\t27-10-2024 03:30:00\tna\n", m);
        Assert.Equal(1, report.Rejected);
        Assert.Equal("t", report.Issues[0].Field);
        Assert.Contains("does not exist", report.Issues[0].Reason);
        Assert.Equal(TimeSpan.FromHours(2), posts[0].Post.Time.Offset);
        Assert.Equal(new DateTimeOffset(2024, 10, 27, 0, 30, 0, TimeSpan.Zero), posts[0].Post.Time.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(1), posts[1].Post.Time.Offset);
        Assert.Equal(2, (posts[1].Post.Time - posts[0].Post.Time).TotalHours); // 02:30 CEST → 03:30 CET is two real hours
    }

    [Theory]
    [InlineData("2024-03-01T10:00:00Z")]
    [InlineData("2024-03-01T10:00:00.1234567+01:00")]
    [InlineData("2024-03-01 10:00:00.5-05:30")]
    [InlineData("2024-10-27T02:30:00+02:00")]
    public void Iso_fast_path_agrees_with_the_framework_parser(string text)
    {
        Assert.True(RowConverter.TryParseIsoFast(text, out var fast));
        var slow = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(slow, fast);
        Assert.Equal(slow.Offset, fast.Offset);
    }

    [Theory]
    [InlineData("2024-02-30T10:00:00Z")]
    [InlineData("2024-03-01T24:00:00Z")]
    [InlineData("2024-03-01T10:00:00")]
    public void Iso_fast_path_leaves_odd_or_impossible_times_to_the_general_parser(string text) =>
        Assert.False(RowConverter.TryParseIsoFast(text, out _));

    [Fact]
    public void Missing_column_is_a_clear_error()
    {
        var e = Assert.Throws<CommunityReadException>(() => Read("id,author,parent,text\n1,a,,x\n"));
        Assert.Equal("time", e.Issue.Field);
        Assert.Equal(1, e.Issue.Line);
        Assert.Contains("missing column 'time'", e.Message);
    }

    [Fact]
    public void Wrong_field_count_is_rejected()
    {
        var (_, report) = Read("id,author,time,parent,text\n1,a,2024-03-01T10:00:00Z,,x,extra\n2,a\n");
        Assert.Equal(2, report.Rejected);
        Assert.All(report.Issues, i => Assert.Null(i.Field));
        Assert.Contains("expected 5 fields, found 6", report.Issues[0].Reason);
        Assert.Equal(3, report.Issues[1].Line);
    }

    [Fact]
    public void Invalid_utf8_is_rejected_with_the_field()
    {
        var head = Encoding.UTF8.GetBytes("id,author,time,parent,text\n1,a,2024-03-01T10:00:00Z,,caf");
        var bytes = head.Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n2,b,2024-03-01T10:00:00Z,,café\n")).ToArray();
        var (posts, report) = Read(bytes);
        Assert.Single(posts);
        Assert.Equal("café", posts[0].Post.Text);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(("text", "invalid UTF-8", 2L), (issue.Field, issue.Reason, issue.Line));
    }

    [Fact]
    public void A_50MB_line_is_rejected_without_holding_it_and_the_next_row_is_read()
    {
        var stream = new ConcatStream(
            Encoding.UTF8.GetBytes("id,author,time,parent,text\n1,a,2024-03-01T10:00:00Z,,"),
            (byte)'x', 50L * 1024 * 1024,
            Encoding.UTF8.GetBytes("\n2,b,2024-03-01T10:00:00Z,,kort\n"));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var reader = new DelimitedPostReader(stream, "big.csv", Csv, new ReadOptions { MaxRecordBytes = 1 << 20 });
        var posts = reader.Read().ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Single(posts);
        Assert.Equal("2", posts[0].Post.Id);
        var issue = Assert.Single(reader.Report.Issues);
        Assert.Equal(2, issue.Line);
        Assert.Contains("longer than the maximum", issue.Reason);
        Assert.Equal(2, reader.Report.RowsRead);
        Assert.True(allocated < 16L * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_long_field_is_rejected_by_the_field_limit()
    {
        var (_, report) = Read("id,author,time,parent,text\n1,a,2024-03-01T10:00:00Z,," + new string('y', 2000) + "\n", options: new ReadOptions { MaxFieldBytes = 1000 });
        Assert.Equal("text", report.Issues.Single().Field);
    }

    [Fact]
    public void Fail_fast_throws_on_the_first_bad_row_with_counts_that_add_up()
    {
        var reader = new DelimitedPostReader(new MemoryStream(Encoding.UTF8.GetBytes("id,author,time,parent,text\n1,a,2024-03-01T10:00:00Z,,x\n2,,2024-03-01T10:00:00Z,,x\n3,c,2024-03-01T10:00:00Z,,x\n")),
            "ff.csv", Csv, new ReadOptions { Policy = ReadPolicy.FailFast });
        var seen = new List<PostRecord>();
        var e = Assert.Throws<CommunityReadException>(() => { foreach (var r in reader.Read()) seen.Add(r); });
        Assert.Equal(("ff.csv", 3L, "author"), (e.Issue.File, e.Issue.Line, e.Issue.Field));
        Assert.Single(seen);
        Assert.Equal(2, reader.Report.RowsRead);
        Assert.Equal(1, reader.Report.Rejected);
    }

    [Fact]
    public void Duplicate_ids_are_moved_to_rejected_when_building()
    {
        var records = CommunityLoader.Read(new MemoryStream(Encoding.UTF8.GetBytes("id,author,time,parent,text\n1,a,2024-03-01T10:00:00Z,,x\n1,b,2024-03-01T11:00:00Z,,y\n")), "dup.csv", ".csv", Csv, null, out var report);
        var community = CommunityLoader.Build(records, report);
        Assert.Single(community.Posts);
        Assert.Equal((2L, 1L, 1L), (report.RowsRead, report.Accepted, report.Rejected));
        Assert.Equal(("id", 3L), (report.Issues[0].Field, report.Issues[0].Line));
    }

    [Fact]
    public void Blank_lines_and_a_bom_are_not_rows()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("id,author,time,parent,text\n\n1,a,2024-03-01T10:00:00Z,,x\r\n\r\n")).ToArray();
        var (posts, report) = Read(bytes);
        Assert.Single(posts);
        Assert.Equal(1, report.RowsRead);
        Assert.Equal(3, posts[0].Line);
    }

    [Fact]
    public void Json_lines_reads_and_rejects_bad_lines()
    {
        var m = new PostMapping { Id = "id", Author = "user", Time = "ts", TimeFormat = TimeFormat.UnixSeconds, Text = "body", Parent = "reply_to" };
        var text = "{\"id\":\"a\",\"user\":\"u1\",\"ts\":1700000000,\"body\":\"hoi @u2\",\"reply_to\":null}\n" +
                   "{\"id\":\"b\",\"user\":\"u2\",\"ts\":1700000060,\"body\":\"ja\",\"reply_to\":\"a\"}\n" +
                   "{\"id\":\"c\",\"user\":\"u2\",\"ts\":\n" +
                   "{\"id\":\"d\",\"ts\":1,\"body\":\"x\",\"reply_to\":null}\n";
        var reader = new JsonLinesPostReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "x.jsonl", m);
        var posts = reader.Read().ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(["u2"], posts[0].Post.Mentions);
        Assert.Equal("a", posts[1].Post.ParentId);
        Assert.Equal((4L, 2L), (reader.Report.RowsRead, reader.Report.Rejected));
        Assert.Contains("invalid JSON", reader.Report.Issues[0].Reason);
        Assert.Equal(3, reader.Report.Issues[0].Line);
        Assert.Equal(("user", 4L), (reader.Report.Issues[1].Field, reader.Report.Issues[1].Line));
    }

    /// <summary>A read-only stream of head + a byte repeated + tail, generated on the fly (no 50 MB buffer).</summary>
    private sealed class ConcatStream(byte[] head, byte fill, long fillCount, byte[] tail) : Stream
    {
        private long _pos;
        private long Length_ => head.Length + fillCount + tail.Length;
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _pos < Length_)
            {
                long p = _pos;
                buffer[offset + n] = p < head.Length ? head[p] : p < head.Length + fillCount ? fill : tail[p - head.Length - fillCount];
                n++; _pos++;
            }
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => Length_;
        public override long Position { get => _pos; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
