using Polder.Prediction.Engagement;
using Polder.Prediction.Features;

namespace Polder.Prediction.Retention;

/// <summary>
/// The actor feature table as extra columns of a per-actor predictor (<see cref="ActorRetentionModel"/>,
/// <see cref="EngagementModel"/>): an actor's <see cref="ActorFeatureTable"/> row over the <see cref="PeriodDays"/> days
/// before a time, appended after the predictor's own features under the names <c>table:&lt;feature&gt;</c>
/// (<see cref="Prefix"/>). An actor without posts in that period gets NaN in every column. Immutable.
/// </summary>
/// <remarks>
/// The period ends at the time the prediction is made for (an origin, or for a post the start of its calendar month),
/// so, as in the table itself, no post after that time is used. The community the table is built on is made from the
/// predictor's <see cref="EngagementPost"/> list, which carries no votes: like counts are snapshots taken after the
/// fact, so leaving them out keeps <c>engagement_per_post</c> to replies received before the period's end.
/// </remarks>
public sealed class ActorTableColumns
{
    /// <summary>The prefix of every appended column name, so table columns never collide with a predictor's own names.</summary>
    public const string Prefix = "table:";

    /// <summary>Longest period accepted (ten years), also when read from a model file.</summary>
    public const int MaxPeriodDays = 3660;

    /// <summary>Creates the columns for tables built with <paramref name="options"/> over <paramref name="periodDays"/> days.</summary>
    /// <param name="options">Table options (<see cref="FeatureTableOptions.Default"/> when null); the topic source decides the topic columns.</param>
    /// <param name="periodDays">Length of the period each row describes, ending at the prediction time; default 90 (the retention model's look-back).</param>
    public ActorTableColumns(FeatureTableOptions? options = null, int periodDays = 90)
    {
        if (periodDays is < 1 or > MaxPeriodDays) throw new ArgumentOutOfRangeException(nameof(periodDays), $"period must be 1..{MaxPeriodDays} days");
        Options = options ?? FeatureTableOptions.Default;
        PeriodDays = periodDays;
        TableNames = ActorFeatureTable.Names(Options);
        Names = TableNames.Select(n => Prefix + n).ToArray();
    }

    /// <summary>The defaults: <see cref="FeatureTableOptions.Default"/> over 90 days.</summary>
    public static ActorTableColumns Default { get; } = new();

    /// <summary>The options the tables are built with.</summary>
    public FeatureTableOptions Options { get; }

    /// <summary>Length in days of the period each row describes (it ends at the prediction time).</summary>
    public int PeriodDays { get; }

    /// <summary>The table's own feature names (<see cref="ActorFeatureTable.Names"/>), in column order.</summary>
    public IReadOnlyList<string> TableNames { get; }

    /// <summary>The appended column names: <see cref="Prefix"/> + each of <see cref="TableNames"/>.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of appended columns.</summary>
    public int Count => Names.Count;
}
