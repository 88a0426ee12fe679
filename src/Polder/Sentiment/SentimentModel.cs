using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Polder.Sentiment;

/// <summary>
/// A trained sentiment model (see <see cref="SentimentTrainer"/>): an ML.NET transformer over texts.
/// Thread-safe: predictions use a pool of prediction engines. Saves to and loads from a stream (zip).
/// </summary>
public sealed class SentimentModel : IDisposable
{
    private readonly MLContext _ml;
    private readonly DataViewSchema _inputSchema;
    private readonly ConcurrentBag<PredictionEngine<SentimentExample, Output>> _engines = new();

    internal SentimentModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    {
        _ml = ml;
        Transformer = transformer;
        _inputSchema = inputSchema;
    }

    /// <summary>The ML.NET transformer: input columns Text (and Label, may be empty); output PredictedLabel and Score.</summary>
    public ITransformer Transformer { get; }

    internal static MLContext CreateContext(int seed)
    {
        var ml = new MLContext(seed);
        ml.ComponentCatalog.RegisterAssembly(typeof(SentimentLexiconFeaturesMapping).Assembly);
        return ml;
    }

    /// <summary>Predicts one text.</summary>
    public SentimentPrediction Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_engines.TryTake(out var engine))
            engine = _ml.Model.CreatePredictionEngine<SentimentExample, Output>(Transformer, _inputSchema);
        try
        {
            var o = engine.Predict(new SentimentExample { Text = text, Label = "" });
            return ToPrediction(o.Score);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <summary>Predicts many texts in one pass (faster than one by one), in order.</summary>
    public IReadOnlyList<SentimentPrediction> PredictMany(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var data = _ml.Data.LoadFromEnumerable(texts.Select(t => new SentimentExample { Text = t ?? "", Label = "" }));
        var scored = Transformer.Transform(data);
        return _ml.Data.CreateEnumerable<Output>(scored, reuseRowObject: false).Select(o => ToPrediction(o.Score)).ToList();
    }

    /// <summary>Writes the model (an ML.NET zip) to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _ml.Model.Save(Transformer, _inputSchema, stream);
    }

    /// <summary>The largest model <see cref="Load"/> accepts (64 MiB; the default model on the MP tweets is well under 10 MiB).</summary>
    public const long MaxModelBytes = 64L * 1024 * 1024;

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// The stream is larger than <see cref="MaxModelBytes"/>, not an ML.NET model, or not a Polder sentiment model
    /// (no three-class <c>Score</c> and <c>PredictedLabel</c> over a <c>Text</c> column).
    /// </exception>
    public static SentimentModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = ReadLimited(stream);
        var ml = CreateContext(0);
        ITransformer t;
        DataViewSchema schema;
        try
        {
            t = ml.Model.Load(bytes, out schema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException("not a Polder sentiment model: " + e.Message, e);
        }
        CheckSchema(t, schema);
        return new SentimentModel(ml, t, schema);
    }

    private static MemoryStream ReadLimited(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxModelBytes)
            throw new InvalidDataException($"not a Polder sentiment model: {stream.Length - stream.Position} bytes, more than the limit of {MaxModelBytes}");
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + n > MaxModelBytes)
                throw new InvalidDataException($"not a Polder sentiment model: more than the limit of {MaxModelBytes} bytes");
            copy.Write(buffer, 0, n);
        }
        copy.Position = 0;
        return copy;
    }

    private static void CheckSchema(ITransformer t, DataViewSchema input)
    {
        string? problem = null;
        if (input.GetColumnOrNull(nameof(SentimentExample.Text)) is not { } text || text.Type is not TextDataViewType)
            problem = "its input has no text column 'Text'";
        else
        {
            DataViewSchema? output = null;
            try { output = t.GetOutputSchema(input); }
            catch (Exception e) when (e is not OutOfMemoryException) { problem = "its transforms do not apply to its input: " + e.Message; }
            if (output is null) { }
            else if (output.GetColumnOrNull("Score") is not { Type: VectorDataViewType { Size: 3 } })
                problem = "it has no three-class 'Score' output";
            else if (output.GetColumnOrNull("PredictedLabel") is not { } label || label.Type is not TextDataViewType)
                problem = "it has no 'PredictedLabel' text output";
        }
        if (problem is not null) throw new InvalidDataException("not a Polder sentiment model: " + problem);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        while (_engines.TryTake(out var e)) e.Dispose();
    }

    private static SentimentPrediction ToPrediction(float[] score)
    {
        double neg = score[0], neu = score[1], pos = score[2];
        // The most probable class; a tie goes to neutral.
        var label = neu >= neg && neu >= pos ? SentimentLabel.Neutral : neg > pos ? SentimentLabel.Negative : SentimentLabel.Positive;
        return new SentimentPrediction(label, pos - neg, neg, neu, pos);
    }

    /// <summary>The model's output row (ML.NET).</summary>
    public sealed class Output
    {
        /// <summary>Class probabilities: negative, neutral, positive.</summary>
        [ColumnName("Score")]
        public float[] Score { get; set; } = [];

        /// <summary>The predicted label name.</summary>
        [ColumnName("PredictedLabel")]
        public string PredictedLabel { get; set; } = "";
    }
}
