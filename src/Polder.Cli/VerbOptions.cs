namespace Polder.Cli;

/// <summary>
/// What each verb accepts, declared once: its positional arguments and its options. The parser (System.CommandLine)
/// builds help and rejects unknown options from this table; the verbs read the values through <see cref="CliArguments"/>.
/// </summary>
internal static class VerbOptions
{
    /// <summary>One option: <c>Value</c> null for a flag, otherwise the value's help name.</summary>
    internal sealed record Spec(string Name, string? Value, string Description);

    /// <summary>The positional arguments of a verb (help name and description) and its options.</summary>
    internal sealed record Verb(string? Arguments, string ArgumentsDescription, IReadOnlyList<Spec> Options);

    private static Spec V(string name, string value, string description) => new(name, value, description);
    private static Spec F(string name, string description) => new(name, null, description);

    private static readonly Spec TextColumn = V("text-column", "C", "read this CSV column instead of one document per line");
    private static readonly Spec Data = V("data", "CSV", "the labelled CSV (- for stdin)");
    private static readonly Spec DataText = V("text-column", "C", "the text column");
    private static readonly Spec LabelColumn = V("label-column", "L", "the label column");
    private static readonly Spec LabelMap = V("label-map", "RAW=LABEL,…", "map raw labels (e.g. stars) to label names");
    private static readonly Spec Where = V("where", "COL<V", "keep only rows whose column is below a value");
    private static readonly Spec Seed = V("seed", "N", "random seed");

    /// <summary>Every verb by name ("train topics" for a sub-verb).</summary>
    internal static readonly IReadOnlyDictionary<string, Verb> ByName = new Dictionary<string, Verb>(StringComparer.Ordinal)
    {
        ["analyze"] = new("FILE", "the community file (default: a simulated community)",
        [
            V("out", "DIR", "write report.html, summary.json and tables here"),
            V("format", "polder|reddit|political-tweets", "input format (default: from the header)"),
            V("window", "day|week|month|year", "the period of the time series (default month)"),
            V("trend-window", "day|week|month|year", "the period of the trends"),
            V("policy", "skip|fail", "skip bad rows (default) or fail on the first"),
            V("almanak", "CSV", "municipality almanac for the places"),
            V("org", "ID,ID", "author ids that are organisations"),
            Seed,
            V("topic-model", "FILE", "a trained topic model instead of the shipped one"),
            F("stream", "read the file twice without holding its posts (large files; no forecasts; docs/streaming.md)"),
        ]),
        ["network"] = new("FILE", "edge list, political-tweets TSV, reddit CSV or Polder community CSV",
        [
            V("format", "auto|edges|tweets|reddit|polder", "input format (default auto)"),
            V("kind", "reply,mention,retweet", "interaction kinds to keep"),
            V("kind-weights", "retweet=3,mention=1", "weight per interaction kind"),
            V("path-length", "hops|inverse-weight", "how path lengths are measured"),
            V("columns", "src,dst,weight,time", "the columns of a headerless edge list"),
            F("directed", "communities on the directed graph"),
            V("from", "UNIX", "drop interactions before this time"),
            V("until", "UNIX", "drop interactions from this time on"),
            V("resolution", "R", "Leiden resolution (default 1)"),
            V("quality", "modularity|cpm", "Leiden quality function"),
            Seed,
            V("patience", "N", "Leiden iterations without improvement before stopping"),
            V("spread-p", "P", "spread simulation probability (default 0.05)"),
            V("spread-runs", "N", "spread simulation runs"),
            V("exact-limit", "N", "above this many nodes measures are sampled (default 5000)"),
            V("samples", "N", "sampled sources above the limit (default 64)"),
            V("window", "7d", "also measure sliding windows of this width"),
            V("step", "1d", "the step between windows (default: the width)"),
            V("out", "DIR", "write nodes.csv, edges.csv and summary.json here (default .)"),
        ]),
        ["alerts"] = new("FILE", "the community file (none with --evaluate)",
        [
            V("format", "polder|reddit|political-tweets", "input format (default: from the header)"),
            V("topics", "auto|complaints|themes", "which topic keys to watch (default auto)"),
            V("threshold", "Z", "score a 24-hour window must reach for a volume alert (default 4)"),
            V("share-threshold", "Z", "score for a negative-share alert (default 5)"),
            V("min-baseline-days", "D", "days of history before the first test (default 3)"),
            F("evaluate", "measure recall and false alarms on simulations with planted events"),
            V("seeds", "N", "simulations for --evaluate (default 20)"),
            Seed,
            V("days", "D", "days per simulation for --evaluate"),
            V("threads-per-day", "T", "threads per day for --evaluate"),
            V("events", "N", "events per simulation for --evaluate"),
            V("size", "3x", "size of the planted events for --evaluate"),
            V("event-days", "D", "duration of the planted events for --evaluate"),
        ]),
        ["sentences"] = new("FILE", "one document per line (- for stdin)", []),
        ["tokenize"] = new("FILE", "one document per line (- for stdin)", []),
        ["language"] = new("FILE", "one document per line (- for stdin)", []),
        ["simulate"] = new(null, "",
        [
            Seed,
            V("out", "FILE", "the community CSV to write (required)"),
            V("event", "DATE,TOPIC,3x[,2d];…", "plant new issues: from DATE, TOPIC gets 3x its threads for 2 days, in a negative tone"),
            V("truth", "FILE", "write what was planted (options, events) as JSON"),
            V("days", "D", "days to simulate"),
            V("citizens", "C", "number of citizens"),
            V("threads-per-day", "T", "new threads per day"),
            V("median-hours", "H", "median response time in hours"),
            V("response-probability", "P", "probability of a response"),
            V("municipality", "NAME", "the municipality's name"),
        ]),
        ["sentiment"] = new("FILE", "one document per line, or a CSV with --text-column (- for stdin)",
        [
            V("model", "M", "a trained sentiment model instead of the lexicon"),
            TextColumn,
            F("aspects", "also write the aspects of each document"),
        ]),
        ["train sentiment"] = new(null, "",
        [
            Data, DataText, LabelColumn,
            V("out", "FILE", "the model file to write"),
            Seed,
            V("cv", "K", "also cross-validate with K folds"),
            LabelMap,
        ]),
        ["eval sentiment"] = new(null, "",
        [
            Data, DataText, LabelColumn,
            V("model", "M", "score this model (default: the lexicon)"),
            V("cv", "K", "cross-validate a trained model with K folds"),
            V("seeds", "N", "repeat the cross-validation with N seeds"),
            Seed,
            LabelMap,
        ]),
        ["train topics"] = new(null, "",
        [
            Data, DataText, LabelColumn,
            V("out", "M", "the model file to write"),
            Where,
            F("multi-label", "a row may have several labels"),
            V("label-separator", "S", "separator of multiple labels"),
            V("word-ngrams", "N", "word n-gram length"),
            V("char-min", "N", "shortest character n-gram"),
            V("char-max", "N", "longest character n-gram"),
            F("stems", "use Dutch stems as features"),
            F("raw-tf", "raw term frequency instead of sublinear"),
            F("no-title", "no separate title features"),
            V("min-df", "N", "minimum document frequency"),
            V("l2", "X", "L2 regularisation"),
            V("l1", "X", "L1 regularisation"),
            V("iterations", "N", "maximum iterations"),
            V("class-weighting", "balanced|sqrt|none", "how classes are weighted"),
            V("select-features", "N", "keep the N most informative features"),
            V("max-features", "N", "vocabulary size limit"),
            Seed,
            V("optimizer", "lbfgs|sdca", "the optimiser"),
            V("tolerance", "X", "optimisation tolerance"),
            F("verbose", "progress on stderr"),
        ]),
        ["topics"] = new("FILE", "one document per line (- for stdin)",
        [
            V("model", "M", "a trained topic model (default: the shipped themes model)"),
            V("top", "N", "how many labels with probability (default 5)"),
            V("explain", "N", "the N strongest features per document"),
        ]),
        ["eval topics"] = new(null, "",
        [
            Data, DataText, LabelColumn,
            V("model", "M", "the model to score (default: the shipped themes model)"),
            Where,
        ]),
        ["eval"] = new("TASK INPUT", "opinion RIVM.csv|COMMUNITY.csv, reaction, engagement MESSAGES.csv or retention MESSAGES.csv",
        [
            V("group", "ATTRIBUTE", "opinion, community input: the author attribute that makes the groups"),
            V("window-days", "N", "opinion: wave length; retention: the window in days"),
            V("shares", "F,F", "opinion, community input: the shares to forecast"),
            V("first-wave", "N", "opinion: the first wave scored"),
            V("last-wave", "N", "opinion: the last wave scored"),
            V("covariates", "CSV", "opinion: covariates per wave"),
            V("annotations", "CSV", "reaction: the judgments"),
            V("annotators", "CSV", "reaction: the annotators"),
            V("articles", "JSONL", "reaction: the articles"),
            V("grouping", "standpoint|party", "reaction: how readers are grouped"),
            V("folds", "K", "reaction: cross-validation folds (default 5)"),
            Seed,
            F("sentiment-features", "reaction: add sentiment features"),
            F("no-reader-effects", "reaction: no per-reader effects"),
            V("model", "SAVED", "reaction: score this saved model on these files instead of cross-validating"),
            V("rolling-origin", "DATE", "engagement: evaluate from this origin on in steps"),
            V("step-days", "N", "the step between rolling origins"),
            V("split", "DATE", "engagement, retention: train before, test from this date (default 2021-07-01)"),
            V("end", "DATE", "engagement, retention: ignore data from this date on"),
            F("feature-table", "engagement, retention: use the actor feature table"),
            F("no-feature-table", "engagement, retention: do not use the actor feature table"),
            V("save", "MODEL", "save the trained model"),
        ]),
        ["predict"] = new("TASK INPUT", "opinion RIVM.csv|COMMUNITY.csv, reaction ARTICLES.jsonl, engagement MESSAGES.csv or retention MESSAGES.csv",
        [
            V("model", "FILE", "the saved model (required)"),
            F("explain", "explain each prediction"),
            V("group", "G", "opinion: the author attribute; reaction: the reader group"),
            V("window-days", "N", "opinion, community input: wave length"),
            V("shares", "F,F", "opinion, community input: the shares"),
            V("covariates", "CSV", "opinion: covariates per wave"),
            V("wave", "N", "opinion: the wave to predict (default: the next one)"),
            V("readers", "ID,ID,…", "reaction: these readers"),
            V("origin", "DATE", "retention: the prediction origin"),
        ]),
        ["places"] = new("FILE", "one document per line, or a CSV with --text-column (- for stdin)",
        [
            TextColumn,
            F("lowercase", "also find places written in lower case"),
            V("min-confidence", "X", "leave out places below this confidence (default 0.5)"),
        ]),
        ["complaints"] = new("FILE", "one document per line, or a CSV with --text-column (- for stdin)",
        [
            TextColumn,
            V("min-score", "X", "the lowest score that counts as a complaint (default 3)"),
        ]),
        ["serve"] = new(null, "",
        [
            V("port", "N", "HTTP port of the API (default 5080; env POLDER_HTTP_PORT)"),
            V("address", "IP", "address the API listens on (default 127.0.0.1)"),
            V("storage", "memory|postgres", "where grain state lives (default memory; env POLDER_STORAGE)"),
            V("clustering", "localhost|postgres", "how silos find each other (default localhost; env POLDER_CLUSTERING)"),
            V("postgres", "CONNECTION", "Npgsql connection string (env POLDER_POSTGRES)"),
            V("silo-port", "N", "silo-to-silo port (default 11111)"),
            V("gateway-port", "N", "client gateway port (default 30000)"),
            V("primary-silo-port", "N", "localhost clustering: the first silo's port, for a second silo on this machine"),
            V("advertise", "IP", "postgres clustering: the address other silos reach this one at"),
            V("cluster-id", "ID", "Orleans cluster id (default polder)"),
            V("ingest", "ID=FILE,…", "ingest these files into these communities at start"),
            V("format", "polder|reddit|political-tweets", "format of the --ingest files (default: from the header)"),
            V("for", "SECONDS", "stop after this many seconds (default: until Ctrl+C)"),
        ]),
    };
}
