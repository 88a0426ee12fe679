using Microsoft.ML;
using Microsoft.ML.Data;
using Polder.Prediction.Engagement;
using Polder.Prediction.Features;

namespace Polder.Tests.Prediction.Features;

public class PredictionDataViewTests
{
    [Fact]
    public void EngagementFeaturesBecomeAnMlNetDataViewWithSlotNames()
    {
        var posts = new List<EngagementPost>();
        long t = 1_600_000_000;
        for (int i = 0; i < 200; i++)
        {
            posts.Add(new EngagementPost($"r{i}", $"r{i}", "", $"u{i % 5}", t, "Vraag?", "Weet iemand dit?"));
            if (i % 2 == 0) posts.Add(new EngagementPost($"c{i}", $"r{i}", $"r{i}", $"u{(i + 1) % 5}", t + 600, "", "Ja."));
            t += 3600;
        }
        var ml = new MLContext(seed: 42);
        var view = PredictionDataView.Engagement(ml, posts);
        var features = view.Schema["Features"];
        Assert.Equal(EngagementFeatures.Count, ((VectorDataViewType)features.Type).Size);
        VBuffer<ReadOnlyMemory<char>> names = default;
        features.GetSlotNames(ref names);
        Assert.Equal(EngagementFeatures.Names, names.DenseValues().Select(m => m.ToString()).ToArray());
        Assert.Equal(posts.Count, ml.Data.CreateEnumerable<LabelOnly>(view, reuseRowObject: false).Count());
        // A user's own ML.NET trainer runs on it.
        var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 5).Fit(view);
        Assert.NotNull(model);
    }

    private sealed class LabelOnly
    {
        public bool Label { get; set; }
    }
}
