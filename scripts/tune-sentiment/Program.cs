using System.Globalization;
using Polder.Sentiment;

// Usage: dotnet run -c Release --project scripts/tune-sentiment -- ../shared/data/sentiment/zegelaar-political-tweets-polarity-train.csv STAGE
// Reads a CSV with columns content,polarity (Python's csv quoting), runs a staged grid and prints CV macro-F1.
var path = args.Length > 0 ? args[0] : "../shared/data/sentiment/zegelaar-python-tweets-polarity-train.csv";
string stage = args.Length > 1 ? args[1] : "1";
var examples = ReadCsv(path).ToList();
Console.WriteLine($"{examples.Count} examples, stage {stage}");
var baseline = SentimentTrainerOptions.Default;
IEnumerable<SentimentTrainerOptions> grid = stage switch
{
    "1" => from l2 in new[] { 0.25f, 1f, 4f }
           from rep in new[] { 0, 1, 3 }
           select baseline with { L2Regularization = l2, UseLexiconFeatures = rep > 0, LexiconRepeats = Math.Max(rep, 1) },
    "2" => new[] { baseline with { L2Regularization = 0.1f } }.Concat(
           from c in new[] { 0, 3, 5 }
           from all in new[] { false, true }
           where !(c == 0 && all) && !(c == 5 && all)
           select baseline with { CharNgramLength = c, AllCharNgramLengths = all }),
    "3" => new[] { baseline }.Concat(from w in new[] { 1, 3 } select baseline with { WordNgramLength = w }),
    "4" => new[] { baseline with { NormalizeText = true }, baseline with { NormalizeText = true, StemWords = true },
                   baseline with { NormalizeText = true, LexiconRepeats = 2 }, baseline with { LexiconRepeats = 2 } },
    "5" => new[] { baseline with { Learner = "svm" }, baseline with { Learner = "svm", L2Regularization = 1f }, baseline with { L2Regularization = 0.5f } },
    _ => [baseline],
};
foreach (var o in grid)
{
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var (folds, pooled) = SentimentTrainer.CrossValidate(examples, o, 5);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"cv_mean={folds.Average():F4} pooled={pooled.MacroF1:F4} acc={pooled.Accuracy:F4} learner={o.Learner} l2={o.L2Regularization} lex={o.UseLexiconFeatures}x{o.LexiconRepeats} norm={o.NormalizeText} stem={o.StemWords} word={o.WordNgramLength} char={o.CharNgramLength}{(o.AllCharNgramLengths ? "all" : "")} ({sw.Elapsed.TotalSeconds:F0}s)"));
}

static IEnumerable<SentimentExample> ReadCsv(string path)
{
    var text = File.ReadAllText(path);
    var fields = new List<string>();
    var field = new System.Text.StringBuilder();
    bool q = false, header = true;
    for (int i = 0; i <= text.Length; i++)
    {
        char c = i < text.Length ? text[i] : '\n';
        if (q)
        {
            if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') q = false;
            else field.Append(c);
            continue;
        }
        if (c == '"') { q = true; continue; }
        if (c == ',') { fields.Add(field.ToString()); field.Clear(); continue; }
        if (c == '\r') continue;
        if (c == '\n')
        {
            fields.Add(field.ToString()); field.Clear();
            if (fields.Count >= 2 && !header && SentimentLabels.TryParse(fields[1], out var label)) yield return new SentimentExample(fields[0], label);
            header = false;
            fields.Clear();
            continue;
        }
        field.Append(c);
    }
}
