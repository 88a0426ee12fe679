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

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a Polder sentiment model.</exception>
    public static SentimentModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var ml = CreateContext(0);
        ITransformer t;
        DataViewSchema schema;
        try
        {
            t = ml.Model.Load(stream, out schema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException("not a Polder sentiment model: " + e.Message, e);
        }
        return new SentimentModel(ml, t, schema);
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
