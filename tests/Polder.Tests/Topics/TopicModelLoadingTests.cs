using System.IO.Compression;
using System.Text;
using Polder.Topics;

namespace Polder.Tests.Topics;

/// <summary>Loading topic models: round trip, and clear errors for files that are not, or no longer, models.</summary>
public class TopicModelLoadingTests
{
    private static byte[] Saved(TopicClassifier model)
    {
        using var ms = new MemoryStream();
        model.Save(ms);
        return ms.ToArray();
    }

    private static byte[] Decompressed(byte[] model)
    {
        using var gz = new GZipStream(new MemoryStream(model), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    private static byte[] Compressed(byte[] raw)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(raw);
        return ms.ToArray();
    }

    private static InvalidDataException LoadFails(byte[] bytes) =>
        Assert.Throws<InvalidDataException>(() => TopicClassifier.Load(new MemoryStream(bytes)));

    [Fact]
    public void Round_trip_keeps_features_and_predictions_of_unseen_words()
    {
        var model = TopicClassifierTests.TrainSmall();
        var loaded = TopicClassifier.Load(new MemoryStream(Saved(model)));
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        // words never seen in training still get their character n-grams
        foreach (var text in new[] { "Spoorwegverbindingen en treinstellen", "Belastingparadijzen", "Ziekenhuisopnames" })
        {
            var a = model.Predict(text); var b = loaded.Predict(text);
            Assert.Equal(a.Label, b.Label);
            Assert.Equal(a.Confidence, b.Confidence, 2);
        }
    }

    [Fact]
    public void Truncated_model_says_so()
    {
        var raw = Decompressed(Saved(TopicClassifierTests.TrainSmall()));
        var e = LoadFails(Compressed(raw.AsSpan(0, raw.Length / 2).ToArray()));
        Assert.Contains("truncated", e.Message);
        // a cut compressed stream is an error as well, never a half model
        var bytes = Saved(TopicClassifierTests.TrainSmall());
        LoadFails(bytes.AsSpan(0, bytes.Length - 20).ToArray());
    }

    [Fact]
    public void Other_files_are_not_topic_models()
    {
        Assert.Contains("not a Polder topic model", LoadFails([1, 2, 3]).Message);
        Assert.Contains("not a Polder topic model", LoadFails(Compressed(Encoding.UTF8.GetBytes("label,text\nA,b\n"))).Message);
        var raw = Decompressed(Saved(TopicClassifierTests.TrainSmall()));
        // format version (after the 1-byte length and 13 bytes of the magic) set to 99
        BitConverter.GetBytes(99).CopyTo(raw, 14);
        Assert.Contains("format 99", LoadFails(Compressed(raw)).Message);
    }

    [Fact]
    public void Absurd_counts_fail_before_allocating()
    {
        var raw = Decompressed(Saved(TopicClassifierTests.TrainSmall()));
        // header: magic (14 bytes), version (4), 3 ints, bool, int, bool, bool (options: 18 bytes), bool + float (5): label count at 42
        var bad = (byte[])raw.Clone();
        BitConverter.GetBytes(int.MaxValue).CopyTo(bad, 42);
        Assert.Contains("number of labels", LoadFails(Compressed(bad)).Message);
        bad = (byte[])raw.Clone();
        BitConverter.GetBytes(9).CopyTo(bad, 18); // word n-gram length 9
        Assert.Contains("word n-gram length", LoadFails(Compressed(bad)).Message);
    }

    [Fact]
    public void Shipped_model_is_small_and_loads_from_the_embedded_resource()
    {
        var file = new FileInfo(Path.Combine(Polder.Tests.Infrastructure.SharedData.RepoRoot, "models", "themes-dekamer.model"));
        Assert.True(file.Length <= 10 * 1024 * 1024, $"{file.Length} bytes");
        var themes = TopicClassifier.Themes;
        Assert.Equal(33, themes.Labels.Count);
        // the embedded resource is the file in models/ (format 3: known words and the training fingerprint are kept)
        var fromFile = TopicClassifier.Load(file.FullName);
        Assert.Equal(fromFile.FeatureCount, themes.FeatureCount);
        Assert.Equal(fromFile.Featurizer.KnownWords.Count, themes.Featurizer.KnownWords.Count);
        Assert.True(themes.Featurizer.KnownWords.Count > 10_000);
        Assert.NotNull(themes.Training);
        Assert.Equal(fromFile.Training!.Count, themes.Training!.Count);
    }

    [Fact]
    public void Model_files_name_the_path_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"polder-bad-{Guid.NewGuid():N}.model");
        File.WriteAllBytes(path, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3]);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => TopicClassifier.Load(path));
            Assert.Contains(path, e.Message);
        }
        finally { File.Delete(path); }
    }
}
