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
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"count\":{e.Count},\"rows_read\":{rows.RowsRead},\"rows_without_label\":{rows.EmptyLabel},\"rows_left_out_by_where\":{rows.FilteredOut},\"accuracy\":{Math.Round(e.Accuracy, 4)},\"macro_f1\":{Math.Round(e.MacroF1, 4)}}}"));
        return 0;
    }
}
