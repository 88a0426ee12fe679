using System.Globalization;
using Polder.Sentiment;

// Hyper-parameter search for SentimentTrainer by repeated stratified k-fold cross-validation on the TRAIN split only.
// Usage: dotnet run -c Release --project scripts/tune-sentiment -- TRAIN.csv SEEDS FOLDS SPEC [SPEC…]
// SPEC: comma-separated changes to the defaults, "default" for none: l2=F l1=F lex=N (0 = no lexicon features)
// word=N char=N charall min=N mi=N norm stem neg idf cw learner=maxent|sdca|svm. Prints, per SPEC, the mean and standard
// deviation over the seeds of the pooled out-of-fold macro-F1 (seed s: folds and ML.NET seeded with s).
var path = args[0];
// SEEDS: N (seeds 1..N) or FIRST-LAST.
var seedRange = args[1].Split('-').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
int firstSeed = seedRange.Length > 1 ? seedRange[0] : 1, seeds = seedRange.Length > 1 ? seedRange[1] - seedRange[0] + 1 : seedRange[0];
int folds = int.Parse(args[2], CultureInfo.InvariantCulture);
var examples = ReadCsv(path).ToList();
Console.WriteLine($"{examples.Count} examples, {seeds}x{folds}-fold");
foreach (var spec in args.Skip(3))
{
    var o = Parse(spec);
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var scores = new List<double>();
    var accs = new List<double>();
    for (int s = firstSeed; s < firstSeed + seeds; s++)
    {
        var (_, pooled) = SentimentTrainer.CrossValidate(examples, o with { Seed = s }, folds);
        scores.Add(pooled.MacroF1);
        accs.Add(pooled.Accuracy);
    }
    double mean = scores.Average(), sd = Math.Sqrt(scores.Sum(x => (x - mean) * (x - mean)) / Math.Max(1, scores.Count - 1));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"macroF1={mean:F4} sd={sd:F4} acc={accs.Average():F4} [{string.Join(" ", scores.Select(x => x.ToString("F3", CultureInfo.InvariantCulture)))}] {spec} ({sw.Elapsed.TotalSeconds:F0}s)"));
}

static SentimentTrainerOptions Parse(string spec)
{
    var o = SentimentTrainerOptions.Default;
    if (spec == "default") return o;
    foreach (var part in spec.Split(','))
    {
        var kv = part.Split('=');
        string k = kv[0], v = kv.Length > 1 ? kv[1] : "";
        float F() => float.Parse(v, CultureInfo.InvariantCulture);
        int I() => int.Parse(v, CultureInfo.InvariantCulture);
        o = k switch
        {
            "l2" => o with { L2Regularization = F() },
            "l1" => o with { L1Regularization = F() },
            "lex" => I() == 0 ? o with { UseLexiconFeatures = false } : o with { UseLexiconFeatures = true, LexiconRepeats = I() },
            "word" => o with { WordNgramLength = I() },
            "char" => o with { CharNgramLength = I() },
            "charall" => o with { AllCharNgramLengths = true },
            "norm" => o with { NormalizeText = true },
            "stem" => o with { StemWords = true },
            "neg" => o with { MarkNegation = true },
            "idf" => o with { UseIdf = true },
            "cw" => o with { ClassWeighting = true },
            "min" => o with { MinNgramCount = I() },
            "mi" => o with { MutualInformationSlots = I() },
            "learner" => o with { Learner = v },
            _ => throw new ArgumentException("unknown spec part " + part),
        };
    }
    return o;
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
