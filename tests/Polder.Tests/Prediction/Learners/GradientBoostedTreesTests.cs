using Polder.Prediction.Learners;

namespace Polder.Tests.Prediction.Learners;

public class GradientBoostedTreesTests
{
    [Fact]
    public void TreesWhoseNodesPointBackwardsOrOutOfRangeAreRefused()
    {
        var x = Enumerable.Range(0, 200).Select(i => (float)(i % 10)).ToArray();
        var trees = GradientBoostedTrees.Train(x, 1, x.Select(v => v >= 5 ? 1.0 : 0).ToArray(), null, new GradientBoostingOptions { Trees = 2, Loss = BoostingLoss.Logistic });
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) trees.Save(w);
        var bytes = ms.ToArray();
        // layout: "GBT1", features, loss, bias, offset count, offsets, node count, then per node feature, threshold, left, right, value
        int root = 5 + 4 + 4 + 8 + 4 + 3 * 4 + 4;
        Assert.Equal(0, BitConverter.ToInt32(bytes, root));                        // the first root splits on feature 0
        GradientBoostedTrees Read(byte[] b) => GradientBoostedTrees.Load(new BinaryReader(new MemoryStream(b)));
        Assert.Equal(trees.PredictProbability([7]), Read(bytes).PredictProbability([7]));
        Assert.Contains("children", Assert.Throws<InvalidDataException>(() => Read(With(bytes, root + 8, BitConverter.GetBytes(0)))).Message);   // left child = itself: a loop
        Assert.Contains("feature", Assert.Throws<InvalidDataException>(() => Read(With(bytes, root, BitConverter.GetBytes(5)))).Message);          // feature 5 of 1
        Assert.Contains("node count", Assert.Throws<InvalidDataException>(() => Read(With(bytes, root - 4, BitConverter.GetBytes(int.MaxValue)))).Message);
    }

    [Fact]
    public void MissingValuesGoTheSameWayInTrainingAndPrediction()
    {
        // The label is "x is missing"; before, training put NaN left of every split while prediction sent it right.
        int n = 400;
        var x = new float[n];
        var y = new double[n];
        for (int i = 0; i < n; i++) { bool missing = i % 3 == 0; x[i] = missing ? float.NaN : i % 7; y[i] = missing ? 1 : 0; }
        var strong = new GradientBoostingOptions { Trees = 30, LearningRate = 0.3, MinLeafWeight = 1, Loss = BoostingLoss.Logistic, RowSubsample = 1 };
        var trees = GradientBoostedTrees.Train(x, 1, y, null, strong);
        Assert.True(trees.PredictProbability([float.NaN]) > 0.9);
        for (int v = 0; v < 7; v++) Assert.True(trees.PredictProbability([v]) < 0.1);
        // Without NaN the bins are what they were: a plain threshold is learnt.
        var z = Enumerable.Range(0, n).Select(i => (float)(i % 10)).ToArray();
        var t2 = GradientBoostedTrees.Train(z, 1, z.Select(v => v >= 5 ? 1.0 : 0).ToArray(), null, strong);
        Assert.True(t2.PredictProbability([7]) > 0.9 && t2.PredictProbability([2]) < 0.1);
    }

    private static byte[] With(byte[] bytes, int offset, byte[] patch)
    {
        var copy = (byte[])bytes.Clone();
        patch.CopyTo(copy, offset);
        return copy;
    }
}
