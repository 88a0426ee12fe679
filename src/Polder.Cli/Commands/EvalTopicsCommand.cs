using System.Globalization;
using Polder.Topics;

namespace Polder.Cli.Commands;

/// <summary><c>polder eval topics --data CSV --text-column C --label-column L --model M</c>: accuracy and macro-F1 as JSON.</summary>
public sealed class EvalTopicsCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "eval topics";

    /// <inheritdoc />
    public string Summary => "evaluate a topic classifier: accuracy and macro-F1 as JSON";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        var modelPath = a.Option("model");
        var model = modelPath is null ? TopicClassifier.Themes : TopicClassifier.Load(modelPath);
        var rows = TopicData.Read(a);
        if (rows.Texts.Count == 0) throw new CliUsageException($"no labelled rows in --data ({rows.Accounting()})");
        var e = TopicEvaluation.Evaluate(model, rows.Texts, rows.Labels);
        // scores on rows the model was trained on over-state accuracy: say so, with how many
        int seen = model.Training?.CountOverlap(rows.Texts) ?? 0;
        if (seen > 0)
            context.Error.WriteLine($"warning: {seen} of {e.Count} evaluated rows were in the model's training data; these scores over-state accuracy on new texts (evaluate on rows the model was not trained on, e.g. a later month with --where)");
        else if (model.Training is null)
            context.Error.WriteLine("note: the model holds no record of its training rows (saved before format 3); overlap with them cannot be checked");
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"count\":{e.Count},\"rows_seen_in_training\":{seen},\"rows_read\":{rows.RowsRead},\"rows_without_label\":{rows.EmptyLabel},\"rows_left_out_by_where\":{rows.FilteredOut},\"accuracy\":{Math.Round(e.Accuracy, 4)},\"macro_f1\":{Math.Round(e.MacroF1, 4)}}}"));
        return 0;
    }
}
