using System.Globalization;
using Polder.Topics;

namespace Polder.Cli.Commands;

/// <summary><c>polder eval topics --data CSV --text-column C --label-column L --model M</c>: accuracy and macro-F1 as JSON.</summary>
public sealed class EvalTopicsCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "eval topics";

    /// <inheritdoc />
    public string Summary => "--data CSV --text-column C --label-column L [--model M] [--where COL<V]  accuracy and macro-F1 as JSON";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        var modelPath = a.Option("model");
        var model = modelPath is null ? TopicClassifier.Themes : TopicClassifier.Load(modelPath);
        var (texts, labels) = TopicData.Read(a);
        var e = TopicEvaluation.Evaluate(model, texts, labels);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"count\":{e.Count},\"accuracy\":{Math.Round(e.Accuracy, 4)},\"macroF1\":{Math.Round(e.MacroF1, 4)}}}"));
        return 0;
    }
}
