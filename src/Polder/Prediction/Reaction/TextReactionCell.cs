namespace Polder.Prediction.Reaction;

/// <summary>The judgments of one reader group on one article: <see cref="Partisan"/> of <see cref="Judgments"/> found it partisan.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Group">The reader group.</param>
/// <param name="Partisan">Judgments that found the article partisan.</param>
/// <param name="Judgments">All judgments that said partisan or not.</param>
/// <param name="Readers">The cell's individual judgments (who said what), when known: they let a model learn and use
/// each panel member's propensity (<see cref="ReaderEffects"/>). Null for cells known only as counts.</param>
public readonly record struct TextReactionCell(long ArticleId, string Group, int Partisan, int Judgments, IReadOnlyList<ReaderJudgment>? Readers = null)
{
    /// <summary>The observed partisan share.</summary>
    public double Share => (double)Partisan / Judgments;

    /// <summary>Aggregates judgments into (article, group) cells in a stable order.</summary>
    public static IReadOnlyList<TextReactionCell> Aggregate(IEnumerable<ReaderJudgment> judgments, ReaderGrouping grouping) =>
        judgments.GroupBy(j => (j.ArticleId, Group: ReaderJudgments.GroupOf(j, grouping)))
            .Select(g => new TextReactionCell(g.Key.ArticleId, g.Key.Group, g.Count(j => j.Partisan), g.Count(), g.OrderBy(j => j.RespondentId).ToArray()))
            .OrderBy(c => c.ArticleId).ThenBy(c => c.Group, StringComparer.Ordinal)
            .ToArray();
}

/// <summary>Judgment-weighted scores of share predictions on cells.</summary>
/// <param name="WeightedMae">Σ n·|p − k/n| / Σ n.</param>
/// <param name="Brier">Brier score per judgment: Σ [k(1−p)² + (n−k)p²] / Σ n.</param>
/// <param name="Cells">Number of cells.</param>
/// <param name="Judgments">Number of judgments.</param>
public readonly record struct ShareScore(double WeightedMae, double Brier, int Cells, int Judgments)
{
    /// <summary>Scores predictions <paramref name="predicted"/> (one per cell) with both metrics.</summary>
    public static ShareScore Of(IReadOnlyList<TextReactionCell> cells, IReadOnlyList<double> predicted) => Of(cells, predicted, predicted);

    /// <summary>
    /// Scores point forecasts <paramref name="point"/> by the weighted MAE and probabilities <paramref name="probability"/>
    /// by the Brier score (one of each per cell): the absolute error is smallest at a median, the Brier score at the mean.
    /// </summary>
    public static ShareScore Of(IReadOnlyList<TextReactionCell> cells, IReadOnlyList<double> point, IReadOnlyList<double> probability)
    {
        double mae = 0, brier = 0; int n = 0;
        for (int i = 0; i < cells.Count; i++)
        {
            var c = cells[i]; double p = probability[i];
            mae += c.Judgments * Math.Abs(point[i] - c.Share);
            brier += c.Partisan * (1 - p) * (1 - p) + (c.Judgments - c.Partisan) * p * p;
            n += c.Judgments;
        }
        return new ShareScore(mae / n, brier / n, cells.Count, n);
    }
}
