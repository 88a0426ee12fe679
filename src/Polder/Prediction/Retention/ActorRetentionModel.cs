using Polder.Prediction.Engagement;
using Polder.Prediction.Features;
using Polder.Prediction.Learners;
using Polder.Prediction.Opinion;

namespace Polder.Prediction.Retention;

/// <summary>
/// Predicts whether an actor who was active recently will post again in the next window, from
/// <see cref="ActorRetentionFeatures"/> (optionally followed by the actor's <see cref="ActorFeatureTable"/> row at the
/// origin, <see cref="Table"/>), with gradient-boosted trees (log loss). Immutable and thread-safe.
/// </summary>
public sealed class ActorRetentionModel
{
    private const string TagStem = "PolderActorRetention";
    private readonly NamedFeatureTrees _trees;

    private ActorRetentionModel(NamedFeatureTrees trees) => _trees = trees;

    /// <summary>The default boosting settings (small trees: a few thousand training rows).</summary>
    public static GradientBoostingOptions DefaultOptions { get; } = new()
    {
        Trees = 100, LearningRate = 0.05, MaxDepth = 2, MinLeafWeight = 20, Loss = BoostingLoss.Logistic, RowSubsample = 0.8, FeatureSubsample = 0.8, Seed = 42,
    };

    /// <summary>Feature names in vector order: <see cref="ActorRetentionFeatures.Names"/>, then the table's columns when <see cref="Table"/> is set.</summary>
    public IReadOnlyList<string> FeatureNames => _trees.Names;

    /// <summary>The actor-table columns appended to the own features, or null when the model does not use the table.</summary>
    public ActorTableColumns? Table => _trees.Table;

    /// <summary>Trains on row-major <paramref name="features"/> as <see cref="ActorRetentionFeatures.Build(IReadOnlyList{EngagementPost}, long, int, bool, ActorTableColumns?)"/>
    /// writes them for the same <paramref name="table"/> (<see cref="ActorRetentionFeatures.Count"/> + the table's columns per row).</summary>
    /// <param name="features">Row-major features.</param>
    /// <param name="labels">Outcome per row.</param>
    /// <param name="options">Boosting settings (<see cref="DefaultOptions"/> when null).</param>
    /// <param name="table">The actor-table columns the rows carry after the own features; null: none.</param>
    /// <param name="windowDays">The length of the "next window" the labels were built with (recorded in the model file).</param>
    public static ActorRetentionModel Train(float[] features, bool[] labels, GradientBoostingOptions? options = null, ActorTableColumns? table = null, int windowDays = DefaultWindowDays) =>
        new(NamedFeatureTrees.Train(features, ActorRetentionFeatures.Names, table, labels, null, options ?? DefaultOptions, windowDays * 86400L));

    /// <summary>
    /// Trains the model to use from now on: rows at origins every <paramref name="windowDays"/> days back from
    /// <paramref name="until"/> (default: the last post), each labelled by its next window, all of which have closed by then.
    /// Posts from <paramref name="until"/> on are not read.
    /// </summary>
    /// <param name="posts">The community's messages.</param>
    /// <param name="windowDays">Length of the next window (and the grid step).</param>
    /// <param name="until">End of the data to learn from; null: the last post's time.</param>
    /// <param name="options">Boosting settings (<see cref="DefaultOptions"/> when null).</param>
    /// <param name="table">Actor-table columns to append to every row (each origin's table from posts before it); null: none.</param>
    /// <exception cref="ArgumentException">No origin has a closed window with eligible actors, or only one outcome occurs.</exception>
    public static ActorRetentionModel Train(IReadOnlyList<EngagementPost> posts, int windowDays, DateTimeOffset? until = null, GradientBoostingOptions? options = null, ActorTableColumns? table = null)
    {
        ArgumentNullException.ThrowIfNull(posts);
        if (posts.Count == 0) throw new ArgumentException("no posts to train on", nameof(posts));
        long window = windowDays * 86400L, first = posts.Min(p => p.Created);
        long last = until?.ToUnixTimeSeconds() ?? posts.Max(p => p.Created);
        var before = posts.Where(p => p.Created < last).ToArray();
        var source = table is null ? null : new ActorTableSource(before, table);
        var x = new List<float>(); var y = new List<bool>();
        for (long origin = last - window; origin > first; origin -= window)
        {
            var (_, fx, fy) = ActorRetentionFeatures.Build(before, origin, windowDays, true, source);
            x.AddRange(fx); y.AddRange(fy);
        }
        if (!y.Contains(true) || !y.Contains(false))
            throw new ArgumentException($"{y.Count} training rows with {(y.Count == 0 ? "no" : "one")} outcome: the data must span more than one {windowDays}-day window and hold both outcomes");
        return Train([.. x], [.. y], options, table, windowDays);
    }

    /// <summary>The next window of files from before it was recorded, and the default: 30 days.</summary>
    public const int DefaultWindowDays = 30;

    /// <summary>The length of the next window the model predicts activity in, in days (build features with the same).</summary>
    public int WindowDays => (int)(_trees.WindowSeconds / 86400);

    /// <summary>The probability that the actor posts in the next window.</summary>
    public double Predict(ReadOnlySpan<float> features) => _trees.Predict(features);

    /// <summary>Each feature's contribution (log-odds) to one prediction; <c>base</c> is the expected log-odds.</summary>
    public IReadOnlyList<FeatureContribution> Explain(ReadOnlySpan<float> features) => _trees.Explain(features);

    /// <summary>Writes the model to <paramref name="stream"/> (left open), recording whether and how it uses the actor table.</summary>
    public void Save(Stream stream) => _trees.Save(stream, TagStem);

    /// <summary>
    /// Reads a model written by <see cref="Save"/> (format 3; format 2 from before the window was recorded, and format 1 from
    /// before the table option, load with the 30-day window).
    /// </summary>
    /// <param name="stream">The model file; untrusted.</param>
    /// <param name="tableOptions">For a model that uses the actor table: the table options to build its columns with (needed
    /// for a custom topic classifier or analyser); null: the defaults with the topic source and seed the file records.</param>
    /// <exception cref="InvalidDataException">A foreign, truncated or damaged file, or features (own or table) that differ
    /// from what this version and <paramref name="tableOptions"/> give.</exception>
    public static ActorRetentionModel Load(Stream stream, FeatureTableOptions? tableOptions = null) =>
        new(NamedFeatureTrees.Load(stream, TagStem, ActorRetentionFeatures.Names, "actor-retention model", tableOptions, DefaultWindowDays * 86400L));
}
