using System.Globalization;
using Polder.Prediction;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder eval opinion|reaction|engagement|retention …</c>: evaluates a predictor on data the way the tests do and prints one
/// JSON object of metrics. <c>--save FILE</c> also writes a model trained on all of the data (for <c>polder predict</c>).
/// </summary>
public sealed class EvalCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "eval";

    /// <inheritdoc />
    public string Summary => "opinion RIVM.csv | reaction --annotations A --annotators B --articles C [--grouping standpoint|party] [--sentiment-features] [--no-reader-effects] [--model SAVED (score it on these files instead of cross-validating)] | engagement MESSAGES.csv [--split 2021-07-01] | retention MESSAGES.csv [--split 2021-07-01] [--window-days 30]  → metrics as JSON [--save MODEL]";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        var task = a.Positional.Count >= 1 ? a.Positional[0] : throw new CliUsageException("usage: polder eval opinion|reaction|engagement|retention …");
        var save = a.Option("save");
        using var json = new JsonLineWriter(context.Out);
        var w = json.Begin();
        w.WriteStartObject();
        w.WriteString("task", task);
        switch (task)
        {
            case "opinion":
            {
                var path = a.Positional.Count == 2 ? a.Positional[1] : throw new CliUsageException("usage: polder eval opinion RIVM.csv [--first-wave N] [--last-wave N]");
                var survey = RivmSurvey.Read(path);
                var table = survey.Table;
                // Default: every wave from the fifth measured one (four waves of history) to the last (waves 5-9 of waves 1-9).
                var measured = table.MeasuredWaves;
                if (measured.Count < 2) throw new CliUsageException($"{path}: {measured.Count} measured wave(s); a backtest needs at least two");
                int first = a.Int("first-wave", measured[Math.Min(4, measured.Count - 1)] + 1) - 1, last = a.Int("last-wave", measured[^1] + 1) - 1;
                if (first < 1 || last < first || last >= table.WaveCount)
                    throw new CliUsageException($"--first-wave/--last-wave: the file has waves up to {table.WaveCount}; the first target wave must be at least 2 and not after the last");
                var model = OpinionBacktest.EvaluateModel(table, first, last);
                w.WriteString("evaluation", $"rolling origin, one step ahead, waves {first + 1}-{last + 1}");
                w.WriteNumber("rows", survey.Rows);
                w.WriteNumber("values", survey.Values);
                w.WriteStartObject("rows_left_out");
                foreach (var (reason, n) in survey.LeftOut) w.WriteNumber(reason, n);
                w.WriteEndObject();
                w.WriteNumber("forecasts", model.Count);
                w.WriteNumber("mae", Math.Round(model.Mae, 4));
                w.WriteNumber("interval80_coverage", Math.Round(model.IntervalCoverage, 4));
                w.WriteStartObject("baselines_mae");
                w.WriteNumber("last_value", Math.Round(OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.LastValue).Mae, 4));
                w.WriteNumber("mean_of_last_3", Math.Round(OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.MeanOfLast3).Mae, 4));
                w.WriteNumber("linear_trend", Math.Round(OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.LinearTrend).Mae, 4));
                w.WriteNumber("mean_of_last_3_plus_national_change", Math.Round(OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.MeanOfLast3PlusNationalChange).Mae, 4));
                w.WriteEndObject();
                if (save is not null) { using var o = File.Create(save); GroupOpinionModel.Train(table, table.WaveCount - 1).Save(o); }
                break;
            }
            case "reaction":
            {
                var data = ReaderJudgments.Read(a.Required("annotations"), a.Required("annotators"), a.Required("articles"));
                var grouping = ParseGrouping(a.Option("grouping", "standpoint")!);
                int folds = a.Int("folds", 5), seed = a.Int("seed", 42);
                var cells = TextReactionCell.Aggregate(data.Judgments, grouping);
                var options = new TextReactionOptions();
                if (a.Flag("sentiment-features")) options = options with { Text = options.Text with { SentimentFeatures = true } };
                if (a.Flag("no-reader-effects")) options = options with { ReaderEffects = false };
                var modelPath = a.Option("model");
                if (modelPath is not null && save is not null) throw new CliUsageException("--model scores a saved model; --save trains one: use one of them");
                w.WriteString("evaluation", modelPath is null ? $"article-grouped {folds}-fold cross-validation, seed {seed}" : $"saved model {modelPath} on every cell of these files");
                w.WriteBoolean("sentiment_features", options.Text.SentimentFeatures);
                w.WriteBoolean("reader_effects", options.ReaderEffects);
                w.WriteString("grouping", grouping.ToString());
                w.WriteNumber("annotation_rows", data.AnnotationRows);
                w.WriteNumber("judgments", cells.Sum(c => c.Judgments));
                w.WriteStartObject("rows_left_out");
                foreach (var (reason, n) in data.LeftOut) w.WriteNumber(reason, n);
                w.WriteEndObject();
                w.WriteNumber("cells", cells.Count);
                IReadOnlyList<MethodScore> scores;
                if (modelPath is null) scores = TextReactionEvaluation.CrossValidate(cells, data.Articles, folds, seed, options);
                else
                {
                    using var m = File.OpenRead(modelPath);
                    var model = TextReactionModel.Load(m);
                    w.WriteNumber("readers_known_to_model", cells.SelectMany(c => c.Readers ?? []).Select(j => j.RespondentId).Distinct().Count(r => model.Readers?.Knows(r) == true));
                    scores = TextReactionEvaluation.Score(model, cells, data.Articles);
                }
                w.WriteStartObject("methods");
                foreach (var m in scores)
                {
                    w.WriteStartObject(m.Method);
                    w.WriteNumber("weighted_mae", Math.Round(m.Score.WeightedMae, 4));
                    w.WriteNumber("brier_per_judgment", Math.Round(m.Score.Brier, 4));
                    if (!double.IsNaN(m.IntervalCoverage))
                    {
                        w.WriteNumber("interval80_coverage", Math.Round(m.IntervalCoverage, 4));
                        w.WriteNumber("interval80_mean_width", Math.Round(m.IntervalWidth, 4));
                        w.WriteNumber("interval80_forecast_probability", Math.Round(m.IntervalProbability, 4));
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                if (save is not null) { using var o = File.Create(save); TextReactionModel.Train(cells, data.Articles, options).Save(o); }
                break;
            }
            case "engagement":
            {
                var path = a.Positional.Count == 2 ? a.Positional[1] : throw new CliUsageException("usage: polder eval engagement MESSAGES.csv [--split 2021-07-01]");
                var split = DateTimeOffset.Parse(a.Option("split", "2021-07-01")!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                var posts = EngagementPost.ReadCsv(path);
                var (score, _) = EngagementEvaluation.TimeSplit(posts, split);
                w.WriteString("evaluation", $"time split: train before {split:yyyy-MM-dd}, test from then; target: reply within 24 h");
                w.WriteNumber("train_posts", score.TrainPosts);
                w.WriteNumber("test_posts", score.TestPosts);
                w.WriteNumber("test_positive_rate", Math.Round(score.TestPositiveRate, 4));
                w.WriteNumber("auc", Math.Round(score.Auc, 4));
                w.WriteNumber("brier", Math.Round(score.Brier, 4));
                w.WriteNumber("log_loss", Math.Round(score.LogLoss, 4));
                if (save is not null)
                {
                    var x = EngagementFeatures.Build(posts);
                    var y = EngagementFeatures.Labels(posts);
                    long end = posts.Max(p => p.Created);
                    // Train on every post whose 24 h window has closed.
                    var rows = Enumerable.Range(0, posts.Count).Where(i => posts[i].Created + 86400 <= end).ToArray();
                    var xt = EngagementFeatures.Rows(x, rows);
                    var model = EngagementModel.Train(xt, rows.Select(i => y[i]).ToArray(), null, EngagementModel.RecencyWeights(rows.Select(i => posts[i].Created), end));
                    using var o = File.Create(save); model.Save(o);
                }
                break;
            }
            case "retention":
            {
                var path = a.Positional.Count == 2 ? a.Positional[1] : throw new CliUsageException("usage: polder eval retention MESSAGES.csv [--split 2021-07-01] [--window-days 30]");
                var split = DateTimeOffset.Parse(a.Option("split", "2021-07-01")!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                int days = a.Int("window-days", 30);
                var (score, model) = ActorRetentionEvaluation.TimeSplit(EngagementPost.ReadCsv(path), split, days);
                w.WriteString("evaluation", $"time split: origins every {days} days, train on origins whose next window ends before {split:yyyy-MM-dd}, test on origins from then; target: an actor active in the last {ActorRetentionFeatures.LookbackDays} days posts in the next {days} days");
                w.WriteNumber("train_rows", score.TrainRows);
                w.WriteNumber("test_rows", score.TestRows);
                w.WriteNumber("test_positive_rate", Math.Round(score.TestPositiveRate, 4));
                w.WriteNumber("auc", Math.Round(score.Auc, 4));
                w.WriteNumber("recency_baseline_auc", Math.Round(score.RecencyAuc, 4));
                w.WriteNumber("frequency_baseline_auc", Math.Round(score.FrequencyAuc, 4));
                w.WriteNumber("brier", Math.Round(score.Brier, 4));
                if (save is not null) { using var o = File.Create(save); model.Save(o); }
                break;
            }
            default: throw new CliUsageException($"unknown task '{task}': use opinion, reaction, engagement or retention");
        }
        if (save is not null) w.WriteString("saved", save);
        w.WriteEndObject();
        json.End();
        return 0;
    }

    internal static ReaderGrouping ParseGrouping(string s) => s switch
    {
        "standpoint" or "Political_standpoint" => ReaderGrouping.PoliticalStandpoint,
        "party" or "vote" or "Vote_for_party" => ReaderGrouping.VoteForParty,
        _ => throw new CliUsageException($"--grouping: '{s}' is not standpoint or party"),
    };
}
