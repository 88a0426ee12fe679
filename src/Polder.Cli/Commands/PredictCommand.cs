using System.Globalization;
using System.Text.Json;
using Polder.Prediction.Engagement;
using Polder.Prediction.Opinion;
using Polder.Prediction.Reaction;
using Polder.Prediction.Retention;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder predict opinion|reaction|engagement|retention --model FILE INPUT</c>: loads a saved model once and prints one JSON
/// object per prediction, with the largest feature contributions when <c>--explain</c> is given.
/// </summary>
public sealed class PredictCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "predict";

    /// <inheritdoc />
    public string Summary => "predict with a saved model: opinion, reaction, engagement or retention → JSON lines";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        if (a.Positional.Count != 2) throw new CliUsageException("usage: polder predict opinion|reaction|engagement|retention INPUT --model FILE");
        var (task, input) = (a.Positional[0], a.Positional[1]);
        var modelPath = a.Required("model");
        bool explain = a.Flag("explain");
        using var json = new JsonLineWriter(context.Out);
        using var modelStream = File.OpenRead(modelPath);
        switch (task)
        {
            case "opinion":
            {
                var model = GroupOpinionModel.Load(modelStream);
                var source = OpinionInput.Load(a, input);
                var table = source.Table;
                int wave = a.Int("wave", table.WaveCount + 1) - 1; // default: the wave after the last one
                if (wave < 1 || wave > table.WaveCount) throw new CliUsageException($"--wave: {input} has waves 1..{table.WaveCount}; a forecast is for wave 2..{table.WaveCount + 1} (it needs the wave before)");
                var extended = wave < table.WaveCount ? table : new GroupSeriesTable(table.Series.Select(s =>
                    new GroupSeries(s.Key, [.. s.Values, .. Enumerable.Repeat(double.NaN, wave + 1 - table.WaveCount)], [.. s.SampleSizes, .. new int[wave + 1 - table.WaveCount]])), wave + 1, table.Covariates);
                foreach (var s in extended.Series)
                {
                    var w = json.Begin();
                    w.WriteStartObject();
                    w.WriteString("region", s.Key.RegionCode); w.WriteString("subgroup_category", s.Key.SubgroupCategory); w.WriteString("subgroup", s.Key.Subgroup);
                    w.WriteString("indicator_category", s.Key.IndicatorCategory); w.WriteString("indicator", s.Key.Indicator);
                    w.WriteNumber("wave", wave + 1);
                    // A community's waves are windows: say which one the forecast is for.
                    if (source.WindowStart(wave) is { } from) w.WriteString("window_start", from.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                    if (model.TryForecast(extended, s, wave, out var f))
                    {
                        w.WriteNumber("forecast", Math.Round(f.Value, 3)); w.WriteNumber("lower80", Math.Round(f.Lower, 3)); w.WriteNumber("upper80", Math.Round(f.Upper, 3));
                        if (explain) WriteContributions(w, model.Explain(extended, s, wave));
                    }
                    else
                    {
                        // Every series gets a line: one that cannot be forecast says why instead of vanishing.
                        w.WriteNull("forecast");
                        w.WriteString("reason", $"no value at wave {wave} (a forecast starts from the wave before)");
                    }
                    w.WriteEndObject();
                    json.End();
                }
                break;
            }
            case "reaction":
            {
                var model = TextReactionModel.Load(modelStream);
                var group = a.Option("group");
                long[] readers = ParseReaders(a.Option("readers"));
                if (readers.Length > 0 && group is null) throw new CliUsageException("--readers needs --group (the readers' group)");
                int lineNo = 0;
                foreach (var line in File.ReadLines(input))
                {
                    lineNo++;
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    using var doc = ParseArticle(input, lineNo, line);
                    var root = doc.RootElement;
                    string title = StringField(input, lineNo, root, "title"), text = StringField(input, lineNo, root, "text");
                    var features = model.Featurize(title, text);
                    var w = json.Begin();
                    w.WriteStartObject();
                    if (root.TryGetProperty("id", out var id)) { w.WritePropertyName("id"); id.WriteTo(w); }
                    w.WriteStartObject("partisan_share");
                    foreach (var g in group is null ? model.Groups : [group]) w.WriteNumber(g, Math.Round(model.PredictShare(features, g), 4));
                    w.WriteEndObject();
                    w.WriteStartObject("partisan_probability");
                    foreach (var g in group is null ? model.Groups : [group]) w.WriteNumber(g, Math.Round(model.PredictProbability(features, g), 4));
                    w.WriteEndObject();
                    // 80% interval of the whole group's share (a Beta around the probability, widened by how much
                    // readers of one text agree beyond the model).
                    w.WriteStartObject("partisan_share_interval80");
                    foreach (var g in group is null ? model.Groups : [group]) WriteInterval(w, g, model.PredictShareInterval(features, g));
                    w.WriteEndObject();
                    if (readers.Length > 0)
                    {
                        w.WriteNumber("readers", readers.Length);
                        w.WriteNumber("readers_partisan_share", Math.Round(model.PredictShare(features, group!, readers), 4));
                        w.WriteNumber("readers_partisan_probability", Math.Round(model.PredictProbability(features, group!, readers), 4));
                        WriteInterval(w, "readers_partisan_share_interval80", model.PredictShareInterval(features, group!, readers));
                    }
                    if (explain) WriteContributions(w, model.Explain(title, text, group ?? model.Groups[0]));
                    w.WriteEndObject();
                    json.End();
                }
                break;
            }
            case "engagement":
            {
                var model = EngagementModel.Load(modelStream);
                var posts = MessagesInput.Load(input).Posts;
                // A model trained with the actor table gets its columns built the same way (the file records it).
                var x = EngagementFeatures.Build(posts, model.WindowSeconds, model.Table);
                int d = model.FeatureNames.Count;
                for (int i = 0; i < posts.Count; i++)
                {
                    var row = x.AsSpan(i * d, d);
                    var w = json.Begin();
                    w.WriteStartObject();
                    w.WriteString("id", posts[i].Id);
                    w.WriteNumber(model.WindowSeconds == EngagementModel.DefaultWindowSeconds ? "reply_within_24h" : "reply_within_window", Math.Round(model.Predict(row), 4));
                    if (explain) WriteContributions(w, model.Explain(row).OrderByDescending(c => Math.Abs(c.Contribution)).Take(8).ToArray());
                    w.WriteEndObject();
                    json.End();
                }
                break;
            }
            case "retention":
            {
                var model = ActorRetentionModel.Load(modelStream);
                var read = MessagesInput.Load(input);
                var posts = read.Posts;
                if (posts.Count == 0) throw new CliUsageException($"{input}: no posts");
                // Default origin: just after the last post, i.e. "who of the recently active will post in the next window".
                long origin = a.Date("origin")?.ToUnixTimeSeconds() ?? posts.Max(p => p.Created) + 1;
                var (actors, x, _) = ActorRetentionFeatures.Build(posts, origin, model.WindowDays, false, model.Table);
                int d = model.FeatureNames.Count;
                for (int i = 0; i < actors.Length; i++)
                {
                    // an empty or deleted author is no actor (docs/behaviour-metrics.md): it pools many people, so no forecast
                    if (Polder.Networks.PostInteractions.IsUnknownAuthor(actors[i])) continue;
                    var row = x.AsSpan(i * d, d);
                    var w = json.Begin();
                    w.WriteStartObject();
                    w.WriteString("actor", actors[i]);
                    w.WriteString("origin", DateTimeOffset.FromUnixTimeSeconds(origin).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                    w.WriteNumber("window_days", model.WindowDays);
                    w.WriteNumber("active_next_window", Math.Round(model.Predict(row), 4));
                    if (explain) WriteContributions(w, model.Explain(row).OrderByDescending(c => Math.Abs(c.Contribution)).Take(8).ToArray());
                    w.WriteEndObject();
                    json.End();
                }
                break;
            }
            default: throw new CliUsageException($"unknown task '{task}': use opinion, reaction, engagement or retention");
        }
        return 0;
    }

    // "--readers 12,34": the panel members whose share is forecast (their learned propensities are used)
    private static long[] ParseReaders(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => long.TryParse(r, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : throw new CliUsageException($"--readers: '{r}' is not a reader id (a whole number)"))
            .ToArray();

    private static void WriteContributions(Utf8JsonWriter w, IEnumerable<FeatureContribution> parts)
    {
        w.WriteStartArray("contributions");
        foreach (var c in parts)
        {
            w.WriteStartObject();
            w.WriteString("feature", c.Feature);
            // A missing value (NaN, e.g. an actor-table column of an author without posts in the period) is JSON null.
            if (double.IsFinite(c.Value)) w.WriteNumber("value", Math.Round(c.Value, 4));
            else w.WriteNull("value");
            w.WriteNumber("contribution", Math.Round(c.Contribution, 4));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    // One article per line: a JSON object with optional string fields id, title and text.
    private static JsonDocument ParseArticle(string file, int line, string json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new InvalidDataException($"{file}:{line}: not a JSON object ({e.Message})", e); }
        if (doc.RootElement.ValueKind != JsonValueKind.Object) { doc.Dispose(); throw new InvalidDataException($"{file}:{line}: not a JSON object (an article is {{\"id\": …, \"title\": …, \"text\": …}})"); }
        return doc;
    }

    private static string StringField(string file, int line, JsonElement root, string name) =>
        !root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? ""
            : v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new InvalidDataException($"{file}:{line}: field {name}: a {v.ValueKind.ToString().ToLowerInvariant()}, not a string");

    private static void WriteInterval(System.Text.Json.Utf8JsonWriter w, string name, ShareInterval interval)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(Math.Round(interval.Lower, 4));
        w.WriteNumberValue(Math.Round(interval.Upper, 4));
        w.WriteEndArray();
    }
}
