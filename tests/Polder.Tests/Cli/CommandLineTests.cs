using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Polder.Cli;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Cli;

/// <summary>
/// The contract every verb shares (issue 17): generated help that never runs work, exit 2 for usage mistakes and a
/// missing file, exit 1 naming file:line for invalid UTF-8, one line on stderr and never .NET's own text, and one
/// JSON key style (snake_case).
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("polder-cli-contract-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>A standard input that fails the test when a verb reads it.</summary>
    private sealed class NeverRead : TextReader
    {
        public override int Peek() => throw new InvalidOperationException("stdin was read");
        public override int Read() => throw new InvalidOperationException("stdin was read");
        public override string? ReadLine() => throw new InvalidOperationException("stdin was read");
        public override string ReadToEnd() => throw new InvalidOperationException("stdin was read");
    }

    private static readonly string Missing = Path.Combine(Path.GetTempPath(), "polder-no-such-folder", "missing.csv");

    public static TheoryData<string> Verbs()
    {
        var data = new TheoryData<string>();
        foreach (var c in CommandRouter.Commands) data.Add(c.Name);
        return data;
    }

    private static void AssertOneLine(string err)
    {
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", err);            // no stack trace
        Assert.DoesNotContain("Could not", err);         // no raw .NET I/O message
        Assert.DoesNotContain("Exception", err);
    }

    [Fact]
    public void AnalyzeHelpPrintsHelpAndExitsZeroWithoutReadingData()
    {
        var outDir = Path.Combine(_dir, "never-written");
        var sw = Stopwatch.StartNew();
        var (code, output, err) = CliRunner.Run(new NeverRead(), "analyze", Missing, "--out", outDir, "--help");
        sw.Stop();
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Contains("polder analyze", output);
        Assert.Contains("--window", output);
        Assert.False(Directory.Exists(outDir));         // no analysis ran: nothing written
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"help took {sw.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void EveryVerbHasItsOwnHelp(string verb)
    {
        var (code, output, err) = CliRunner.Run(new NeverRead(), [.. verb.Split(' '), "--help"]);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Contains("Usage:", output);
        Assert.Contains("polder " + verb.Split(' ')[0], output);
        Assert.Contains("--help", output);
        // "polder help VERB" says the same
        Assert.Equal(output, CliRunner.Run(new NeverRead(), ["help", .. verb.Split(' ')]).Out);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void AnUnknownOptionIsAUsageMistakeInEveryVerb(string verb)
    {
        var (code, _, err) = CliRunner.Run(new NeverRead(), [.. verb.Split(' '), "--no-such-option"]);
        Assert.Equal(2, code);
        AssertOneLine(err);
        Assert.Contains("--no-such-option", err);
        Assert.Contains($"polder {verb} --help", err);
    }

    [Theory]
    [InlineData("analyze --window")]                    // option without its value
    [InlineData("analyze --window decade")]             // bad value
    [InlineData("topics - --top many")]                 // not a number
    [InlineData("simulate --seed 1")]                   // required option missing
    [InlineData("simulate extra")]                      // an argument the verb does not take
    [InlineData("tokenize")]                            // missing argument
    [InlineData("train")]                               // a group without its sub-verb
    [InlineData("frobnicate")]                          // unknown verb
    public void UsageMistakesExitTwoWithOneLineAndAHint(string line)
    {
        var (code, _, err) = CliRunner.Run(new NeverRead(), line.Split(' '));
        Assert.Equal(2, code);
        AssertOneLine(err);
        Assert.Contains("--help", err);
    }

    [Fact]
    public void NoArgumentsShowTheVerbsAndExitTwo()
    {
        var (code, output, _) = CliRunner.Run(new NeverRead());
        Assert.Equal(2, code);
        foreach (var c in CommandRouter.Commands) Assert.Contains(c.Name.Split(' ')[^1], output);
    }

    public static TheoryData<string> FileVerbs() =>
    [
        "analyze M", "network M", "tokenize M", "sentences M", "language M", "sentiment M", "topics M", "places M", "complaints M",
        "sentiment - --model M", "topics - --model M", "analyze --topic-model M", "analyze --almanak M",
        "eval opinion M", "eval engagement M", "eval retention M", "eval reaction --annotations M --annotators M --articles M",
        "predict opinion M --model M", "predict reaction M --model M", "predict engagement M --model M", "predict retention M --model M",
        "train sentiment --data M --text-column t --label-column l --out X", "eval sentiment --data M --text-column t --label-column l",
        "train topics --data M --text-column t --label-column l --out X", "eval topics --data M --text-column t --label-column l",
        "eval topics --data - --text-column t --label-column l --model M",
    ];

    [Theory]
    [MemberData(nameof(FileVerbs))]
    public void AMissingFileIsOneLineAndExitTwoInEveryVerb(string line)
    {
        var args = line.Split(' ').Select(a => a == "M" ? Missing : a == "X" ? Path.Combine(_dir, "out.zip") : a).ToArray();
        var (code, _, err) = CliRunner.Run("", args);
        Assert.Equal(2, code);
        AssertOneLine(err);
        Assert.Contains($"file not found: {Missing}", err);
    }

    [Theory]
    [MemberData(nameof(FileVerbs))]
    public void ADirectoryForAFileIsOneLineAndExitTwoInEveryVerb(string line)
    {
        var args = line.Split(' ').Select(a => a == "M" ? _dir : a == "X" ? Path.Combine(_dir, "out.zip") : a).ToArray();
        var (code, _, err) = CliRunner.Run("", args);
        Assert.Equal(2, code);
        AssertOneLine(err);
        Assert.Contains($"{_dir} is a directory, not a file", err);
    }

    // Line 3 of each file holds the bytes "f\xC3(": a lead byte without its continuation.
    private string BadFile(string name, string before, string after = "\n")
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetBytes(before), 0x66, 0xC3, 0x28, .. System.Text.Encoding.UTF8.GetBytes(after)]);
        return path;
    }

    [Theory]
    [InlineData("tokenize T")]
    [InlineData("sentences T")]
    [InlineData("language T")]
    [InlineData("sentiment T")]
    [InlineData("topics T")]
    [InlineData("places T")]
    [InlineData("complaints T")]
    [InlineData("sentiment C --text-column text")]
    [InlineData("places C --text-column text")]
    [InlineData("complaints C --text-column text")]
    [InlineData("train sentiment --data C --text-column text --label-column label --out X")]
    [InlineData("eval sentiment --data C --text-column text --label-column label")]
    [InlineData("train topics --data C --text-column text --label-column label --out X")]
    [InlineData("eval topics --data C --text-column text --label-column label")]
    [InlineData("network E --out X")]
    [InlineData("analyze P --out X")]
    [InlineData("network P --out X")]
    [InlineData("eval engagement P")]
    [InlineData("eval retention P")]
    [InlineData("eval opinion P --group neighbourhood")]
    public void InvalidUtf8IsAnInputErrorNamingFileAndLineInEveryReader(string line)
    {
        string text = BadFile("bad.txt", "goed\nook goed\n");
        string csv = BadFile("bad.csv", "text,label\ngoed werk,positive\n", " slecht,negative\n");
        string edges = BadFile("bad-edges.txt", "a b\nb c\n", " d\n");
        const string Header = "id,thread_id,parent_id,author,author_name,role,organisation_type,municipality,neighbourhood,time,kind,likes,shares,channel,text\n";
        string polder = BadFile("bad-polder.csv",
            Header + "p1,p1,,anna,Anna,citizen,,Polderstad,Oost,2024-01-01T10:00:00+01:00,post,0,0,forum,Hallo allemaal\n"
            + "p2,p1,p1,bert,Bert,citizen,,Polderstad,West,2024-01-01T11:00:00+01:00,reply,0,0,forum,",
            " fout\np3,p1,p1,anna,Anna,citizen,,Polderstad,Oost,2024-01-01T12:00:00+01:00,reply,0,0,forum,Dank\n");
        var outDir = Path.Combine(_dir, "out");
        var args = line.Split(' ').Select(a => a switch { "T" => text, "C" => csv, "E" => edges, "P" => polder, "X" => outDir, _ => a }).ToArray();
        var (code, _, err) = CliRunner.Run("", args);
        Assert.Equal(1, code);
        AssertOneLine(err);
        Assert.Matches(@":3(:|\b)", err);
        Assert.Contains(Path.GetFileName(args.First(a => a.StartsWith(_dir, StringComparison.Ordinal))), err);
        Assert.Contains("invalid UTF-8", err);
        Assert.False(Directory.Exists(outDir));         // nothing written from a half-read input
    }

    [Fact]
    public void InvalidUtf8OnStandardInputNamesTheLine()
    {
        // StringReader cannot hold bad bytes; a strict decoder over them stands in for the process's stdin
        var bytes = new MemoryStream([.. "goed\n"u8.ToArray(), 0x66, 0xC3, 0x28, 0x0A]);
        var stdin = new StreamReader(bytes, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
        var (code, _, err) = CliRunner.Run(stdin, "tokenize", "-");
        Assert.Equal(1, code);
        AssertOneLine(err);
        Assert.Contains("<stdin>:2: invalid UTF-8", err);
    }

    private static readonly Regex SnakeCase = new("^[a-z0-9_]+$");

    // Maps keyed by data, not by name: class labels (response-time bands are keyed by snake_case names)
    private static readonly HashSet<string> DataKeyedMaps = ["classes", "per_class"];

    private static void AssertSnakeCase(JsonElement e, string path, List<string> bad)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (!SnakeCase.IsMatch(p.Name)) bad.Add($"{path}/{p.Name}");
                if (!DataKeyedMaps.Contains(p.Name)) AssertSnakeCase(p.Value, $"{path}/{p.Name}", bad);
                else if (p.Value.ValueKind == JsonValueKind.Object)
                    foreach (var inner in p.Value.EnumerateObject()) AssertSnakeCase(inner.Value, $"{path}/{p.Name}/*", bad);
                else AssertSnakeCase(p.Value, $"{path}/{p.Name}", bad);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
            foreach (var x in e.EnumerateArray()) AssertSnakeCase(x, path + "[]", bad);
    }

    /// <summary>Every object in the JSON or JSON Lines text; empty when there is none.</summary>
    private static List<JsonElement> JsonIn(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{') && !trimmed.Contains("}\n{", StringComparison.Ordinal))
            try { return [JsonDocument.Parse(trimmed).RootElement]; } catch (JsonException) { }
        return text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }

    private static string? _community;
    private static readonly Lock CommunityLock = new();

    /// <summary>A small simulated community, made once for the JSON tests.</summary>
    private static string Community()
    {
        lock (CommunityLock)
        {
            if (_community is not null) return _community;
            var path = Path.Combine(Directory.CreateTempSubdirectory("polder-cli-community-").FullName, "community.csv");
            var (code, _, err) = CliRunner.Run("", "simulate", "--seed", "3", "--days", "60", "--citizens", "30", "--out", path);
            Assert.True(code == 0, err);
            return _community = path;
        }
    }

    [Theory]
    [InlineData("tokenize T")]
    [InlineData("sentences T")]
    [InlineData("language T")]
    [InlineData("sentiment T --aspects")]
    [InlineData("topics T --explain 2")]
    [InlineData("places T")]
    [InlineData("complaints T")]
    [InlineData("eval sentiment --data C --text-column text --label-column label")]
    [InlineData("train sentiment --data C --text-column text --label-column label --out X --cv 2")]
    [InlineData("eval topics --data C --text-column text --label-column label")]
    [InlineData("eval engagement P")]
    [InlineData("eval opinion P --group neighbourhood")]
    [InlineData("analyze P --out D")]
    [InlineData("network P --out D")]
    public void JsonKeysAreSnakeCaseInEveryVerb(string line)
    {
        var text = Path.Combine(_dir, "posts.txt");
        File.WriteAllText(text, "De lantaarnpaal in de Kerkstraat in Utrecht is al weken kapot.\nWat een mooie dag in Amsterdam!\n");
        var csv = Path.Combine(_dir, "labelled.csv");
        File.WriteAllText(csv, "text,label\nheel goed en mooi,positive\nslecht en lelijk,negative\nprima fijn,positive\nvreselijk slecht,negative\n");
        var outDir = Path.Combine(_dir, "out");
        var args = line.Split(' ').Select(a => a switch
        {
            "T" => text, "C" => csv, "P" => Community(), "X" => Path.Combine(_dir, "model.zip"), "D" => outDir, _ => a,
        }).ToArray();
        var (code, output, err) = CliRunner.Run("", args);
        Assert.True(code == 0, err);
        var objects = JsonIn(output);
        if (Directory.Exists(outDir))
            objects.AddRange(Directory.GetFiles(outDir, "*.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement));
        Assert.NotEmpty(objects);
        var bad = new List<string>();
        foreach (var o in objects) AssertSnakeCase(o, "", bad);
        Assert.True(bad.Count == 0, "keys not snake_case: " + string.Join(", ", bad.Distinct().Take(20)));
    }
}
