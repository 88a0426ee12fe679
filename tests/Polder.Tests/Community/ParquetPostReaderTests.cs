using Parquet;
using Parquet.Schema;
using Polder.Community;
using Polder.Community.Reading;

namespace Polder.Tests.Community;

public class ParquetPostReaderTests
{
    [Fact]
    public async Task Reads_posts_from_parquet_columns_of_several_types()
    {
        var id = new DataField<string>("id");
        var author = new DataField<string>("author");
        var created = new DataField<long>("created");
        var parent = new DataField<string>("parent", true);
        var text = new DataField<string>("text");
        var likes = new DataField<int?>("likes");
        var ms = new MemoryStream();
        await using (var w = await ParquetWriter.CreateAsync(new ParquetSchema(id, author, created, parent, text, likes), ms))
        {
            using var g = w.CreateRowGroup();
            await g.WriteAsync(id, new[] { "a", "b", "c" });
            await g.WriteAsync(author, new[] { "u1", "u2", "u3" });
            await g.WriteAsync<long>(created, new long[] { 1700000000, 1700003600, -99999999999999 }.AsMemory());
            await g.WriteAsync(parent, new string?[] { null, "a", "a" });
            await g.WriteAsync(text, new[] { "vraag @u2", "antwoord", "kapot" });
            await g.WriteAsync<int>(likes, new int?[] { 3, null, 1 }.AsMemory());
        }
        ms.Position = 0;
        var mapping = new PostMapping { Id = "id", Author = "author", Time = "created", TimeFormat = TimeFormat.UnixSeconds, Parent = "parent", Text = "text", Likes = "likes" };
        var reader = new ParquetPostReader(ms, "posts.parquet", mapping);
        var posts = reader.Read().ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal((3L, 2L, 1L), (reader.Report.RowsRead, reader.Report.Accepted, reader.Report.Rejected));
        Assert.Equal(("created", 3L), (reader.Report.Issues[0].Field, reader.Report.Issues[0].Line));
        Assert.Equal(PostKind.Reply, posts[1].Post.Kind);
        Assert.Equal(3, posts[0].Post.Likes);
        Assert.Equal(["u2"], posts[0].Post.Mentions);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700003600), posts[1].Post.Time);

        ms.Position = 0;
        var missing = new ParquetPostReader(ms, "posts.parquet", mapping with { Title = "title" });
        var e = Assert.Throws<CommunityReadException>(() => missing.Read().ToList());
        Assert.Equal("title", e.Issue.Field);
    }
}
