using System.Text.Json;
using System.Text.Encodings.Web;
using Polder.Topics.Discovery;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder discover FILE|- [--text-column C] [--topics K] [--seed N] [--method M] [--out DIR]</c>: unsupervised
/// topics of the input's lines (or CSV records), one JSON line per input line
/// (<c>{"line","topic","label","weight"}</c>; topic null when the line has no known word), and with <c>--out</c>
/// a <c>topics.json</c> with every topic's label, terms, size and example posts.
/// </summary>
public sealed class DiscoverCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "discover";

    /// <inheritdoc />
    public string Summary => "unsupervised topics: {\"line\",\"topic\",\"label\",\"weight\"} per line; --out DIR adds topics.json";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        var path = a.Positional.Count == 1 ? a.Positional[0]
            : throw new CliUsageException("usage: polder discover FILE (- for stdin) [--text-column C] [--topics K] [--seed N] [--method M] [--out DIR]");
        var options = Options(a);
        var outDir = a.Option("out");
        if (outDir is not null && !Directory.Exists(outDir)) Directory.CreateDirectory(outDir);
        var lines = new List<long>();
        var texts = new List<string>();
        foreach (var (line, text) in SentimentInput.Documents(path, context.In, a.Option("text-column")))
        {
            lines.Add(line);
            texts.Add(text);
        }
        if (texts.Count == 0) throw new CliUsageException($"{path}: no posts to discover topics in");
        var result = TopicDiscovery.Discover(texts, options);
        using (var json = new JsonLineWriter(context.Out))
            for (int i = 0; i < texts.Count; i++)
            {
                var assignment = result.Assignments[i];
                var w = json.Begin();
                w.WriteStartObject();
                w.WriteNumber("line", lines[i]);
                if (assignment.HasTopic)
                {
                    w.WriteNumber("topic", assignment.Topic);
                    w.WriteString("label", result.Topics[assignment.Topic].Label);
                }
                else
                {
                    w.WriteNull("topic");
                    w.WriteNull("label");
                }
                w.WriteNumber("weight", Math.Round(assignment.Weight, 4));
                w.WriteEndObject();
                json.End();
            }
        if (outDir is not null) WriteTopicsJson(Path.Combine(outDir, "topics.json"), result, texts, lines, options);
        return 0;
    }

    /// <summary>The discovery options from <c>--topics</c>, <c>--seed</c> and <c>--method</c>.</summary>
    public static TopicDiscoveryOptions Options(CliArguments a)
    {
        int topics = a.Int("topics", 0), seed = a.Int("seed", 1);
        if (topics < 0) throw new CliUsageException("--topics must be 0 (automatic) or more");
        var method = a.Option("method") switch
        {
            null or "lsa-kmeans" => DiscoveryMethod.LsaKMeans,
            "kmeans" => DiscoveryMethod.SphericalKMeans,
            "nmf" => DiscoveryMethod.Nmf,
            var m => throw new CliUsageException($"--method: '{m}' is not lsa-kmeans, kmeans or nmf"),
        };
        return new TopicDiscoveryOptions { Topics = topics, Seed = seed, Method = method };
    }

    private static void WriteTopicsJson(string file, TopicDiscoveryResult result, List<string> texts, List<long> lines, TopicDiscoveryOptions options)
    {
        using var stream = File.Create(file);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("method", MethodName(result.Method));
        w.WriteNumber("seed", options.Seed);
        w.WriteNumber("posts", texts.Count);
        w.WriteNumber("fitted_posts", result.FittedPosts);
        w.WriteNumber("posts_without_topic", result.Assignments.Count(x => !x.HasTopic));
        w.WritePropertyName("topics");
        TopicDiscoveryJson.WriteTopics(w, result.Topics, i => texts[i], i => lines[i]);
        w.WriteEndObject();
    }

    /// <summary>The CLI name of a method.</summary>
    public static string MethodName(DiscoveryMethod m) => m switch
    {
        DiscoveryMethod.Nmf => "nmf",
        DiscoveryMethod.SphericalKMeans => "kmeans",
        _ => "lsa-kmeans",
    };
}
