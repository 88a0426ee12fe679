using Polder.Community;
using Polder.Prediction.Engagement;
using Polder.Prediction.Features;
using Polder.Prediction.Learners;
using Polder.Prediction.Retention;

namespace Polder.Tests.Prediction.Retention;

/// <summary>The actor feature table appended to the retention and engagement predictors (<see cref="ActorTableColumns"/>).</summary>
public class ActorTableColumnsTests
{
    private const long Day = 86400;
    private static readonly long T0 = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    // No topic columns: the themes model is not what these tests are about, and it is the slow part.
    private static readonly ActorTableColumns Columns = new(FeatureTableOptions.Default with { Topics = TopicFeatureSource.None });

    /// <summary>Four months of a small forum: threads started by one of eight actors, answered by others, some back-and-forth.</summary>
    private static List<EngagementPost> Forum(int seed = 3)
    {
        var rng = new Random(seed);
        var posts = new List<EngagementPost>();
        string[] actors = ["ann", "bob", "cid", "dee", "eve", "fay", "gus", ""];
        for (int k = 0; k < 160; k++)
        {
            long t = T0 + k * 18 * 3600 + rng.Next(3600);
            string root = $"r{k}", op = actors[rng.Next(k < 80 ? 5 : actors.Length)];   // fay, gus and the deleted account join later
            posts.Add(new(root, root, "", op, t, $"Vraag {k}?", rng.Next(3) == 0 ? "Weet iemand hoe dit werkt in Utrecht?" : "Goed nieuws, bedankt allemaal!"));
            string parent = root;
            for (int r = 0; r < rng.Next(4); r++)
            {
                t += rng.Next(1, 30) * 3600;
                var id = $"c{k}_{r}";
                posts.Add(new(id, root, parent, actors[rng.Next(actors.Length)], t, "", r % 2 == 0 ? "Ja, zo doe je dat." : "Nee hoor, slecht idee."));
                parent = id;
            }
        }
        return posts;
    }

    /// <summary>The community the table should see, built here independently of the library's conversion.</summary>
    private static OnlineCommunity Community(IEnumerable<EngagementPost> posts)
    {
        var b = new CommunityBuilder();
        foreach (var p in posts)
            b.Add(new Post
            {
                Id = p.Id, AuthorId = p.Author == "" ? "[deleted]" : p.Author, Text = p.Text, Title = p.Title == "" ? null : p.Title,
                Time = DateTimeOffset.FromUnixTimeSeconds(p.Created), Kind = p.IsRoot ? PostKind.Post : PostKind.Reply,
                ParentId = p.IsRoot ? null : p.ParentId, ThreadId = p.ThreadId,
            });
        return b.Build();
    }

    private static float[] TableRow(FeatureTable table, string actor)
    {
        int r = table.FindRow("ActorId", actor == "" ? "[deleted]" : actor);
        return r < 0 ? Enumerable.Repeat(float.NaN, table.FeatureCount).ToArray() : table.Row(r).ToArray();
    }

    [Fact]
    public void RetentionRowsGetExactlyTheTableColumnsOfThePeriodBeforeTheOrigin()
    {
        var posts = Forum();
        long origin = T0 + 100 * Day;
        var (actors, plain, _) = ActorRetentionFeatures.Build(posts, origin);
        var (actors2, x, labels) = ActorRetentionFeatures.Build(posts, origin, 30, true, Columns);
        int own = ActorRetentionFeatures.Count, width = own + Columns.Count;

        Assert.Equal(actors, actors2);
        Assert.Equal([.. ActorRetentionFeatures.Names, .. ActorFeatureTable.Names(Columns.Options).Select(n => "table:" + n)], ActorRetentionFeatures.NamesWith(Columns));
        Assert.Equal(actors.Length * width, x.Length);
        var to = DateTimeOffset.FromUnixTimeSeconds(origin);
        var table = ActorFeatureTable.Build(Community(posts), to.AddDays(-90), to, Columns.Options);
        for (int i = 0; i < actors.Length; i++)
        {
            Assert.Equal(plain.AsSpan(i * own, own).ToArray(), x.AsSpan(i * width, own).ToArray());            // own features untouched
            Assert.Equal(TableRow(table, actors[i]), x.AsSpan(i * width + own, Columns.Count).ToArray());      // then the actor's table row
        }

        // No leakage: posts from the origin on change no feature, own or table.
        var later = posts.Select(p => p.Created >= origin ? p with { Text = "Totaal iets anders!", Author = "zed" } : p)
            .Append(new EngagementPost("late", "r0", "r0", "ann", origin + Day, "", "nog een")).ToList();
        var (_, x2, _) = ActorRetentionFeatures.Build(later, origin, 30, true, Columns);
        Assert.Equal(x, x2);
        Assert.Equal(actors.Length, labels.Length);
    }

    [Fact]
    public void EngagementRowsGetTheAuthorsTableRowAtTheStartOfThePostsMonth()
    {
        var posts = Forum();
        var plain = EngagementFeatures.Build(posts);
        var x = EngagementFeatures.Build(posts, Day, Columns);
        int own = EngagementFeatures.Count, width = own + Columns.Count;
        Assert.Equal(posts.Count * width, x.Length);
        var community = Community(posts);
        var tables = new Dictionary<long, FeatureTable>();
        int withRow = 0, without = 0;
        for (int i = 0; i < posts.Count; i++)
        {
            var t = DateTimeOffset.FromUnixTimeSeconds(posts[i].Created);
            var monthStart = new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero);
            Assert.Equal(monthStart.ToUnixTimeSeconds(), EngagementFeatures.MonthStart(posts[i].Created));
            if (!tables.TryGetValue(monthStart.Ticks, out var table))
                tables[monthStart.Ticks] = table = ActorFeatureTable.Build(community, monthStart.AddDays(-90), monthStart, Columns.Options);
            Assert.Equal(plain.AsSpan(i * own, own).ToArray(), x.AsSpan(i * width, own).ToArray());
            var expected = TableRow(table, posts[i].Author);
            Assert.Equal(expected, x.AsSpan(i * width + own, Columns.Count).ToArray());
            if (float.IsNaN(expected[0])) without++; else withRow++;
        }
        Assert.True(withRow > 100 && without > 10, $"{withRow} rows with a table row, {without} without");   // January has no earlier month

        // No leakage: a post's row does not change when later posts are added (or removed).
        int cut = posts.Count / 2;
        long stop = posts.OrderBy(p => p.Created).ElementAt(cut).Created;
        var early = posts.Where(p => p.Created < stop).ToList();
        var xe = EngagementFeatures.Build(early, Day, Columns);
        for (int i = 0, j = 0; i < posts.Count; i++)
        {
            if (posts[i].Created >= stop) continue;
            Assert.Equal(x.AsSpan(i * width, width).ToArray(), xe.AsSpan(j * width, width).ToArray());
            j++;
        }
    }

    [Fact]
    public void RetentionModelWithTheTableExplainsItsColumnsAndSurvivesSaveAndLoad()
    {
        var posts = Forum();
        var rows = new List<float>(); var labels = new List<bool>();
        for (long origin = T0 + 40 * Day; origin <= T0 + 100 * Day; origin += 10 * Day)
        {
            var (_, x, y) = ActorRetentionFeatures.Build(posts, origin, 30, true, Columns);
            rows.AddRange(x); labels.AddRange(y);
        }
        var options = ActorRetentionModel.DefaultOptions with { Trees = 20, MinLeafWeight = 2 };
        var model = ActorRetentionModel.Train([.. rows], [.. labels], options, Columns);
        Assert.Same(Columns, model.Table);
        Assert.Equal(ActorRetentionFeatures.NamesWith(Columns), model.FeatureNames);
        int d = model.FeatureNames.Count;
        var row = rows.GetRange(0, d).ToArray();
        var parts = model.Explain(row);
        Assert.Equal(["base", .. ActorRetentionFeatures.Names, .. Columns.Names], parts.Select(c => c.Feature));
        Assert.Equal(model.Predict(row), 1 / (1 + Math.Exp(-parts.Sum(c => c.Contribution))), 9);
        Assert.Throws<ArgumentException>(() => model.Predict(row.AsSpan(0, ActorRetentionFeatures.Count)));

        using var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        var loaded = ActorRetentionModel.Load(ms);
        Assert.NotNull(loaded.Table);
        Assert.Equal(90, loaded.Table!.PeriodDays);
        Assert.Equal(TopicFeatureSource.None, loaded.Table.Options.Topics);
        Assert.Equal(model.FeatureNames, loaded.FeatureNames);
        for (int i = 0; i < labels.Count; i++)
            Assert.Equal(model.Predict(rows.GetRange(i * d, d).ToArray()), loaded.Predict(rows.GetRange(i * d, d).ToArray()));

        // The table options at load must give the same columns: themes add 33 topic columns.
        ms.Position = 0;
        var e = Assert.Throws<InvalidDataException>(() => ActorRetentionModel.Load(ms, FeatureTableOptions.Default));
        Assert.Contains("topics", e.Message);
        ms.Position = 0;
        Assert.NotNull(ActorRetentionModel.Load(ms, Columns.Options).Table);
    }

    [Fact]
    public void EngagementModelRecordsTheTableAndRefusesDifferentTableNames()
    {
        var posts = Forum();
        var x = EngagementFeatures.Build(posts, Day, Columns);
        var y = EngagementFeatures.Labels(posts);
        var model = EngagementModel.Train(x, y, EngagementModel.DefaultOptions with { Trees = 20 }, null, Columns);
        int d = model.FeatureNames.Count;
        Assert.Equal(EngagementFeatures.Count + Columns.Count, d);
        Assert.Equal(["base", .. EngagementFeatures.NamesWith(Columns)], model.Explain(x.AsSpan(0, d)).Select(c => c.Feature));

        var bytes = Save(model);
        var loaded = EngagementModel.Load(new MemoryStream(bytes));
        Assert.Equal(Columns.Names, loaded.Table!.Names);
        for (int i = 0; i < posts.Count; i++) Assert.Equal(model.Predict(x.AsSpan(i * d, d)), loaded.Predict(x.AsSpan(i * d, d)));

        // A table column renamed (as a later version of the table might): refused, naming the table.
        var renamed = Patch(bytes, "table:pagerank", "table:PageRank");
        var e = Assert.Throws<InvalidDataException>(() => EngagementModel.Load(new MemoryStream(renamed)));
        Assert.Contains("actor-table features", e.Message);
        // An own feature renamed: refused with "retrain".
        e = Assert.Throws<InvalidDataException>(() => EngagementModel.Load(new MemoryStream(Patch(bytes, "has_thanks", "has_THANKS"))));
        Assert.Contains("retrain", e.Message);

        // Without the table the file says so, and loads as a model without it.
        var plain = EngagementModel.Train(EngagementFeatures.Build(posts), y, EngagementModel.DefaultOptions with { Trees = 5 });
        Assert.Null(EngagementModel.Load(new MemoryStream(Save(plain))).Table);
        Assert.Equal(EngagementFeatures.Names, EngagementModel.Load(new MemoryStream(Save(plain))).FeatureNames);
    }

    [Fact]
    public void FormatOneModelFilesStillLoadAsModelsWithoutTheTable()
    {
        // Format 1 (before the table option): tag, names, trees; no table byte.
        var rng = new Random(5);
        int d = ActorRetentionFeatures.Count, n = 300;
        var x = Enumerable.Range(0, n * d).Select(_ => (float)rng.NextDouble()).ToArray();
        var y = Enumerable.Range(0, n).Select(i => x[i * d] > 0.5).ToArray();
        var trees = GradientBoostedTrees.Train(x, d, y.Select(b => b ? 1.0 : 0).ToArray(), null, new GradientBoostingOptions { Trees = 10, Loss = BoostingLoss.Logistic });
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write("PolderActorRetention1");
            w.Write(d);
            foreach (var name in ActorRetentionFeatures.Names) w.Write(name);
            trees.Save(w);
        }
        ms.Position = 0;
        var model = ActorRetentionModel.Load(ms);
        Assert.Null(model.Table);
        for (int i = 0; i < 20; i++) Assert.Equal(trees.PredictProbability(x.AsSpan(i * d, d)), model.Predict(x.AsSpan(i * d, d)));
    }

    [Fact]
    public void ForeignTruncatedOrDamagedModelFilesAreInvalidData()
    {
        var posts = Forum();
        var (_, x, y) = ActorRetentionFeatures.Build(posts, T0 + 100 * Day, 30, true, Columns);
        var bytes = Save(ActorRetentionModel.Train(x, y, ActorRetentionModel.DefaultOptions with { Trees = 3, MinLeafWeight = 1 }, Columns));

        for (int cut = 0; cut < bytes.Length; cut += Math.Max(1, bytes.Length / 200))
            Assert.Throws<InvalidDataException>(() => ActorRetentionModel.Load(new MemoryStream(bytes[..cut])));
        Assert.Throws<InvalidDataException>(() => ActorRetentionModel.Load(new MemoryStream("message_id,thread_id\n"u8.ToArray())));
        Assert.Throws<InvalidDataException>(() => EngagementModel.Load(new MemoryStream(bytes)));            // another model's file
        Assert.Throws<InvalidDataException>(() => ActorRetentionModel.Load(new MemoryStream([0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 1, 2])));   // a 4 GB "tag"

        // Header fields out of range: the table flag, the period, the topic source, the target window, the feature count.
        int flag = "PolderActorRetention3".Length + 1;
        Assert.Contains("table flag", Assert.Throws<InvalidDataException>(() => ActorRetentionModel.Load(new MemoryStream(With(bytes, flag, [7])))).Message);
        Assert.Contains("period", Assert.Throws<InvalidDataException>(() => ActorRetentionModel.Load(new MemoryStream(With(bytes, flag + 1, BitConverter.GetBytes(0))))).Message);
        Assert.Contains("topic source", Assert.Throws<InvalidDataException>(() => ActorRetentionModel.Load(new MemoryStream(With(bytes, flag + 5, BitConverter.GetBytes(99))))).Message);
        Assert.Contains("target window", Assert.Throws<InvalidDataException>(() => ActorRetentionModel.Load(new MemoryStream(With(bytes, flag + 13, BitConverter.GetBytes(0L))))).Message);
        Assert.Contains("target window", Assert.Throws<InvalidDataException>(() => ActorRetentionModel.Load(new MemoryStream(With(bytes, flag + 13, BitConverter.GetBytes(long.MaxValue))))).Message);
        Assert.Contains("feature count", Assert.Throws<InvalidDataException>(() => ActorRetentionModel.Load(new MemoryStream(With(bytes, flag + 21, BitConverter.GetBytes(int.MaxValue))))).Message);
    }

    [Fact]
    public void TheWindowIsRecordedAndFilesFromBeforeItLoadWithThirtyDays()
    {
        var posts = Forum();
        var (_, x, y) = ActorRetentionFeatures.Build(posts, T0 + 100 * Day, 10, true, Columns);
        var model = ActorRetentionModel.Train(x, y, ActorRetentionModel.DefaultOptions with { Trees = 3, MinLeafWeight = 1 }, Columns, windowDays: 10);
        var bytes = Save(model);
        Assert.Equal(10, ActorRetentionModel.Load(new MemoryStream(bytes)).WindowDays);
        // The same file as format 2 wrote it: no window field. It loads, with the window every model had then.
        int flag = "PolderActorRetention3".Length + 1, window = flag + 13;
        var v2 = Patch([.. bytes[..window], .. bytes[(window + 8)..]], "PolderActorRetention3", "PolderActorRetention2");
        var old = ActorRetentionModel.Load(new MemoryStream(v2));
        Assert.Equal(ActorRetentionModel.DefaultWindowDays, old.WindowDays);
        int d = model.FeatureNames.Count;
        Assert.Equal(model.Predict(x.AsSpan(0, d)), old.Predict(x.AsSpan(0, d)));
        Assert.Equal(EngagementModel.DefaultWindowSeconds, EngagementModel.Load(new MemoryStream(Save(EngagementModel.Train(
            EngagementFeatures.Build(Forum()), EngagementFeatures.Labels(Forum()), EngagementModel.DefaultOptions with { Trees = 3, MinLeafWeight = 1 })))).WindowSeconds);
    }

    private static byte[] Save(EngagementModel m) { using var ms = new MemoryStream(); m.Save(ms); return ms.ToArray(); }
    private static byte[] Save(ActorRetentionModel m) { using var ms = new MemoryStream(); m.Save(ms); return ms.ToArray(); }

    private static byte[] With(byte[] bytes, int offset, byte[] patch)
    {
        var copy = (byte[])bytes.Clone();
        patch.CopyTo(copy, offset);
        return copy;
    }

    private static byte[] Patch(byte[] bytes, string from, string to)
    {
        var a = System.Text.Encoding.UTF8.GetBytes(from);
        var b = System.Text.Encoding.UTF8.GetBytes(to);
        Assert.Equal(a.Length, b.Length);
        int at = bytes.AsSpan().IndexOf(a);
        Assert.True(at >= 0, $"'{from}' not in the file");
        return With(bytes, at, b);
    }
}
