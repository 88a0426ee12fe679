using Microsoft.ML;
using Microsoft.ML.Data;
using Polder.Sentiment;

namespace Polder.Tests.Sentiment;

public class SentimentModelTests
{
    private static List<SentimentExample> Toy()
    {
        string[] pos = ["Wat een mooie dag", "Super goed gedaan", "Geweldig nieuws", "Heerlijk weer vandaag", "Top, bedankt!", "Fantastisch optreden", "Trots op het team", "Blij met dit besluit"];
        string[] neg = ["Wat een slechte dag", "Heel slecht geregeld", "Vreselijk nieuws", "Waardeloos weer vandaag", "Schandalig, bah", "Verschrikkelijk optreden", "Boos op het team", "Teleurgesteld in dit besluit"];
        string[] neu = ["De trein vertrekt om drie uur", "Morgen is de vergadering", "Het rapport staat online", "Vandaag debat in de Kamer", "Lees het verslag hier", "De minister spreekt om tien uur", "Het team vergadert dinsdag", "Het besluit staat in de krant"];
        return [.. pos.Select(t => new SentimentExample(t, SentimentLabel.Positive)),
                .. neg.Select(t => new SentimentExample(t, SentimentLabel.Negative)),
                .. neu.Select(t => new SentimentExample(t, SentimentLabel.Neutral))];
    }

    [Fact]
    public void TrainingIsDeterministicForASeed()
    {
        using var a = SentimentTrainer.Train(Toy());
        using var b = SentimentTrainer.Train(Toy());
        string[] probe = ["Wat een mooie vergadering", "Slecht nieuws vandaag", "Het team"];
        Assert.Equal(probe.Select(p => a.Predict(p)), probe.Select(p => b.Predict(p)));
    }

    [Fact]
    public void SaveAndLoadGiveTheSamePredictions()
    {
        using var model = SentimentTrainer.Train(Toy());
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        using var loaded = SentimentModel.Load(stream);
        string[] probe = ["Wat een mooie dag", "Heel slecht geregeld", "Morgen is de vergadering", "Dit is niet goed"];
        foreach (var p in probe) Assert.Equal(model.Predict(p), loaded.Predict(p));
        Assert.Equal(probe.Select(model.Predict), loaded.PredictMany(probe));
        var pos = loaded.Predict("Wat een mooie dag");
        Assert.Equal(SentimentLabel.Positive, pos.Label);
        Assert.Equal(1.0, pos.Negative + pos.Neutral + pos.Positive, 4);
        Assert.Equal(pos.Positive - pos.Negative, pos.Score, 9);
    }

    [Fact]
    public void LoadingSomethingElseIsAClearError()
    {
        using var s = new MemoryStream("not a model"u8.ToArray());
        var e = Assert.Throws<InvalidDataException>(() => SentimentModel.Load(s));
        Assert.Contains("not a Polder sentiment model", e.Message);
    }

    [Fact]
    public void LoadingATruncatedModelIsAClearError()
    {
        using var model = SentimentTrainer.Train(Toy());
        using var full = new MemoryStream();
        model.Save(full);
        using var truncated = new MemoryStream(full.ToArray()[..(int)(full.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => SentimentModel.Load(truncated));
        Assert.Contains("not a Polder sentiment model", e.Message);
    }

    [Fact]
    public void LoadingAnotherMLNetModelIsAClearError()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Toy());
        var other = ml.Transforms.Text.FeaturizeText("Features", "Text").Fit(data);
        using var s = new MemoryStream();
        ml.Model.Save(other, data.Schema, s);
        s.Position = 0;
        var e = Assert.Throws<InvalidDataException>(() => SentimentModel.Load(s));
        Assert.Contains("three-class 'Score'", e.Message);
    }

    [Fact]
    public void LoadingMoreThanTheSizeLimitIsAClearError()
    {
        using var s = new OversizedStream(SentimentModel.MaxModelBytes + 1);
        var e = Assert.Throws<InvalidDataException>(() => SentimentModel.Load(s));
        Assert.Contains("limit", e.Message);
    }

    /// <summary>A seekable stream that reports a length without holding the bytes.</summary>
    private sealed class OversizedStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("must not be read");
        public override long Seek(long offset, SeekOrigin origin) => Position = offset;
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void PredictionIsThreadSafe()
    {
        using var model = SentimentTrainer.Train(Toy());
        var texts = Toy().Select(e => e.Text).ToArray();
        var expected = texts.Select(model.Predict).ToArray();
        var actual = new SentimentPrediction[texts.Length];
        Parallel.For(0, texts.Length * 5, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => actual[i % texts.Length] = model.Predict(texts[i % texts.Length]));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void LexiconFeaturesAreAnEstimatorForYourOwnPipelines()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Toy().Select(e => new { Tekst = e.Text }));
        var t = ml.Transforms.SentimentLexiconFeatures("Lex", "Tekst").Fit(data).Transform(data);
        var column = t.GetColumn<float[]>("Lex").ToList();
        Assert.Equal(24, column.Count);
        Assert.All(column, v => Assert.Equal(SentimentFeatures.Count, v.Length));
        Assert.True(column[0][0] > 0);   // "Wat een mooie dag": positive score
        Assert.True(column[8][0] < 0);   // "Wat een slechte dag": negative score
        Assert.Null(t.Schema.GetColumnOrNull(SentimentTextRow.ColumnName));
    }

    [Fact]
    public void CrossValidationUsesEveryExampleOnce()
    {
        var (folds, pooled) = SentimentTrainer.CrossValidate(Toy(), folds: 3);
        Assert.Equal(3, folds.Count);
        Assert.Equal(24, pooled.Count);
    }

    [Fact]
    public void EvaluationMatchesHandComputedFigures()
    {
        var ev = SentimentEvaluation.Compute(["a", "a", "b", "c"], ["a", "b", "b", "b"]);
        Assert.Equal(0.5, ev.Accuracy);
        // a: P 1, R .5, F1 2/3; b: P 1/3, R 1, F1 .5; c: 0
        Assert.Equal((2.0 / 3 + 0.5 + 0) / 3, ev.MacroF1, 9);
    }
}
