using Polder.Places;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder places FILE [--text-column C] [--min-confidence X]</c>: the Dutch municipalities and places mentioned in every
/// input line (or CSV record), with their municipality, province, size class, offsets, confidence and evidence, one
/// JSON object per input.
/// </summary>
public sealed class PlacesCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "places";

    /// <inheritdoc />
    public string Summary => "Dutch places per line: {\"line\",\"places\":[{\"text\",\"start\",\"length\",\"name\",\"kind\",\"municipality\",\"province\",\"size_class\",\"confidence\",\"evidence\",\"alternatives\"}]}";

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var args = context.Args;
        var path = args.Positional.Count == 1 ? args.Positional[0]
            : throw new CliUsageException("usage: polder places FILE (- for stdin) [--text-column C] [--lowercase] [--min-confidence X]");
        string? textColumn = args.Option("text-column");
        var min = args.Option("min-confidence");
        double minConfidence = PlaceFinderOptions.Default.MinConfidence;
        if (min is not null && !(double.TryParse(min, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out minConfidence)
            && minConfidence is >= 0 and <= 1))
            throw new CliUsageException($"--min-confidence: '{min}' is not a number from 0 to 1");
        // --lowercase: also names written without a capital (more recall, more false hits such as "best")
        bool lower = args.Flag("lowercase");
        var finder = !lower && min is null ? PlaceFinder.Default
            : new PlaceFinder(new PlaceFinderOptions { RequireCapital = !lower, MinConfidence = minConfidence });
        using var json = new JsonLineWriter(context.Out);
        foreach (var (line, text) in SentimentInput.Documents(path, context.In, textColumn))
        {
            var w = json.Begin();
            w.WriteStartObject();
            w.WriteNumber("line", line);
            w.WriteStartArray("places");
            foreach (var m in finder.Find(text))
            {
                w.WriteStartObject();
                w.WriteString("text", m.Text);
                // offsets in UTF-16 code units of the line (or CSV field), as .NET and JavaScript strings count
                w.WriteNumber("start", m.Start);
                w.WriteNumber("length", m.Length);
                w.WriteString("name", m.Name);
                w.WriteString("kind", m.Kind switch { PlaceKind.Municipality => "municipality", PlaceKind.District => "district", _ => "place" });
                w.WriteString("municipality", m.Municipality.Name);
                w.WriteString("province", m.Province);
                w.WriteString("size_class", m.SizeClass.ToString().ToLowerInvariant());
                if (m.Municipality.Population is int population) w.WriteNumber("population", population);
                w.WriteNumber("confidence", m.Confidence);
                w.WriteStartArray("evidence");
                foreach (var e in m.Evidence) w.WriteStringValue(e);
                w.WriteEndArray();
                w.WriteStartArray("alternatives");
                foreach (var a in m.Alternatives)
                {
                    w.WriteStartObject();
                    w.WriteString("municipality", a.Name);
                    w.WriteString("province", a.Province);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            json.End();
        }
        return 0;
    }
}
