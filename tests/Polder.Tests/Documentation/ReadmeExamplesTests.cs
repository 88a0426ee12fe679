using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Polder.Tests.Documentation;

/// <summary>
/// The C# examples of README.md (every <c>```csharp</c> block after an <c>&lt;!-- example: NAME --&gt;</c> marker) are
/// compiled with Roslyn and run against the library, so the README cannot drift from the API.
/// </summary>
public partial class ReadmeExamplesTests
{
    [GeneratedRegex(@"<!-- example: (?<name>[^>]+?) -->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    /// <summary>The layers README must show an example of.</summary>
    private static readonly string[] Layers = ["sentiment", "topics", "places", "network", "engagement and retention", "group opinion"];

    private static string ReadmePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Analysis.sln"))) return Path.Combine(dir.FullName, "README.md");
        throw new FileNotFoundException("Analysis.sln not found above " + AppContext.BaseDirectory);
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var l in Layers) data.Add(l);
        return data;
    }

    [Fact]
    public void Readme_has_an_example_for_every_layer_and_keeps_its_first_two_commands()
    {
        var readme = File.ReadAllText(ReadmePath());
        Assert.Equal(Layers, Example().Matches(readme).Select(m => m.Groups["name"].Value));
        Assert.Contains("dotnet run --project src/Polder.Cli -c Release -- analyze --out out/", readme);
        Assert.Contains("dotnet test Analysis.sln -c Release", readme);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Example_compiles_and_runs(string name)
    {
        var code = Example().Matches(File.ReadAllText(ReadmePath())).Single(m => m.Groups["name"].Value == name).Groups["code"].Value;
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Append(typeof(Polder.Analysis.CommunityAnalyzer).Assembly)
            .Distinct();
        var options = ScriptOptions.Default.WithReferences(references).WithImports("System", "System.Linq", "System.Collections.Generic");
        // Console is process-wide and other test classes run in parallel, so the examples' Console.WriteLine calls are
        // pointed at a writer of their own (a script global) instead of redirecting the console
        var output = new StringWriter();
        var script = code.Replace("Console.WriteLine(", "Out.WriteLine(", StringComparison.Ordinal);
        await CSharpScript.RunAsync(script, options, new ExampleGlobals { Out = output });
        Assert.False(string.IsNullOrWhiteSpace(output.ToString()), $"example '{name}' printed nothing");
    }

    /// <summary>What an example sees besides the library: the writer its output goes to.</summary>
    public sealed class ExampleGlobals
    {
        /// <summary>The example's output.</summary>
        public TextWriter Out { get; init; } = TextWriter.Null;
    }
}
