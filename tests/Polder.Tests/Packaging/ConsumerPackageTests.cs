using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Polder.Analysis;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Packaging;

/// <summary>
/// Polder as a user meets it: the packages are packed into a temporary folder, a fresh console project references
/// <c>Polder</c> from that folder only, and its three-line program analyses a sentence. Slow (packing, restoring and
/// building outside this build): one test. Nothing touches the repository's bin/obj (an artifacts path in the
/// temporary folder), and the package version is unique per run (0.0.0-test.TIMESTAMP), so a package left in the
/// NuGet cache by an earlier run can never stand in for the one just built; that cache entry is removed afterwards.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class ConsumerPackageTests
{
    private const string Sentence = "Al drie weken ligt het afval naast de container, wat een schande! Gemeente, doe er eens wat aan.";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void A_fresh_console_project_uses_the_packed_Polder_package()
    {
        var version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var root = Path.Combine(Path.GetTempPath(), "polder-consumer-" + Guid.NewGuid().ToString("N")[..12]);
        var feed = Path.Combine(root, "feed");
        var artifacts = Path.Combine(root, "artifacts");
        var app = Path.Combine(root, "app");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(app);
        var env = DotnetEnvironment();
        bool passed = false;
        try
        {
            foreach (var project in new[] { "src/Polder/Polder.csproj", "src/Polder.Interactive/Polder.Interactive.csproj", "src/Polder.Cli/Polder.Cli.csproj" })
                ProcessRunner.Run(ProcessRunner.Dotnet,
                    ["pack", Path.Combine(SharedData.RepoRoot, project), "-c", "Release", "-o", feed, "--artifacts-path", artifacts,
                     $"-p:Version={version}", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
                    SharedData.RepoRoot, PackTimeout, env);

            foreach (var id in new[] { "Polder", "Polder.Interactive", "Polder.Cli" })
                CheckPackage(Path.Combine(feed, $"{id}.{version}.nupkg"), id, version);
            CheckEmbeddedResources(Path.Combine(feed, $"Polder.{version}.nupkg"));

            WriteConsumer(app, feed, version);
            var output = Path.Combine(app, "out");
            ProcessRunner.Run(ProcessRunner.Dotnet,
                ["build", app, "-c", "Release", "-o", output, "-nodeReuse:false", "-p:UseSharedCompilation=false"], app, BuildTimeout, env);
            // the package came from the feed, at the unique version
            var assets = File.ReadAllText(Path.Combine(app, "obj", "project.assets.json"));
            Assert.Contains($"\"Polder/{version}\"", assets);

            var stdout = ProcessRunner.Run(ProcessRunner.Dotnet, [Path.Combine(output, "Consumer.dll")], app, RunTimeout, env);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            var expected = TextAnalyzer.Default.Analyze(Sentence); // the same code, referenced as a project
            Assert.Equal([expected.SentimentLabel!, expected.Topic!], lines);
            Assert.Equal("negative", lines[0]); // an unmistakably negative complaint
            passed = true;
        }
        finally
        {
            // the unique version would otherwise pile up in the NuGet cache; keep the folder of a failed run for a look
            var nugetPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } np
                ? np : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var id in new[] { "polder", "polder.interactive", "polder.cli" })
            {
                TryDelete(Path.Combine(nugetPackages, id, version));
                if (Directory.Exists(Path.Combine(nugetPackages, id)) && !Directory.EnumerateFileSystemEntries(Path.Combine(nugetPackages, id)).Any())
                    TryDelete(Path.Combine(nugetPackages, id));
            }
            if (passed) TryDelete(root);
        }
    }

    /// <summary>The package has its README, licence, XML docs, repository commit and a symbols package beside it.</summary>
    private static void CheckPackage(string nupkg, string id, string version)
    {
        Assert.True(File.Exists(nupkg), $"{nupkg} was not written; feed has: {string.Join(", ", Directory.GetFiles(Path.GetDirectoryName(nupkg)!).Select(Path.GetFileName))}");
        Assert.True(File.Exists(Path.ChangeExtension(nupkg, ".snupkg")), $"no symbols package beside {nupkg}");
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("README.md", entries);
        Assert.Contains("THIRD-PARTY-NOTICES.md", entries); // the sources and licences of the embedded language data
        var nuspec = XDocument.Load(zip.GetEntry(id + ".nuspec")!.Open());
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var meta = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal(version, meta.Element(ns + "version")!.Value);
        // Polder.Core embeds the CC BY-SA places table (the tool carries Polder.Core too); the rest is MIT.
        Assert.Equal(id is "Polder" or "Polder.Cli" ? "MIT AND CC-BY-SA-4.0" : "MIT", meta.Element(ns + "license")!.Value);
        Assert.Equal("README.md", meta.Element(ns + "readme")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(meta.Element(ns + "description")?.Value), $"{id}: no description");
        Assert.False(string.IsNullOrWhiteSpace(meta.Element(ns + "tags")?.Value), $"{id}: no tags");
        Assert.Null(meta.Element(ns + "icon"));
        Assert.Matches("^[0-9a-f]{40}$", meta.Element(ns + "repository")?.Attribute("commit")?.Value ?? "");
        var dlls = entries.Where(e => e.EndsWith(".dll", StringComparison.Ordinal) && (e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("tools/", StringComparison.Ordinal))).ToArray();
        Assert.NotEmpty(dlls);
        if (id != "Polder.Cli") // a tool package carries the assemblies, a library package their XML docs too
            foreach (var dll in dlls) Assert.Contains(Path.ChangeExtension(dll, ".xml"), entries);
        if (id == "Polder.Interactive") Assert.Contains("interactive-extensions/dotnet/extension.dib", entries);
    }

    /// <summary>Polder.Core.dll in the package embeds the same resources (models, lexicons, gazetteer) as the assembly these tests use.</summary>
    private static void CheckEmbeddedResources(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        using var dll = new MemoryStream();
        zip.GetEntry("lib/net10.0/Polder.Core.dll")!.Open().CopyTo(dll);
        dll.Position = 0;
        using var pe = new PEReader(dll);
        var md = pe.GetMetadataReader();
        var packed = md.ManifestResources.Select(h => md.GetString(md.GetManifestResource(h).Name)).Order(StringComparer.Ordinal).ToArray();
        var built = typeof(TextAnalyzer).Assembly.GetManifestResourceNames().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(built, packed);
        Assert.Contains("Polder.Topics.themes-dekamer.model", packed);
    }

    private static void WriteConsumer(string app, string feed, string version)
    {
        // stop MSBuild and NuGet from picking up files of the folders above the temporary one
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(app, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(app, "Directory.Packages.props"),
            "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        // Polder* only from the local feed; everything else through the machine's existing "nuget.org" source key
        File.WriteAllText(Path.Combine(app, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="polder-local" value="{feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="polder-local">
                  <package pattern="Polder*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Polder" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), $"""
            var a = Polder.Analysis.TextAnalyzer.Default.Analyze("{Sentence}");
            Console.WriteLine(a.SentimentLabel);
            Console.WriteLine(a.Topic);
            """);
    }

    /// <summary>The child dotnet processes: no build servers or reused nodes that outlive them, no MSBuild settings of the test host.</summary>
    private static Dictionary<string, string?> DotnetEnvironment()
    {
        var env = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        };
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>())
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && !env.ContainsKey(key) || key.StartsWith("VSTEST", StringComparison.Ordinal))
                env[key] = null;
        env["MSBUILDDISABLENODEREUSE"] = "1";
        return env;
    }

    private static void TryDelete(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Packing and building other projects takes both cores: run it alone, after the parallel tests, so it slows none of them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackagingCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "packaging (runs alone)";
}
