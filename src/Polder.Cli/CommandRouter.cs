using System.CommandLine;
using System.CommandLine.Help;
using System.Text;
using System.Text.RegularExpressions;
using Polder.Analysis;

namespace Polder.Cli;

/// <summary>Parses the command line with System.CommandLine (help per verb, exit codes) and runs the verb.</summary>
public static class CommandRouter
{
    /// <summary>Every verb of the tool. Add new verbs here.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new Commands.AnalyzeCommand(),
        new Commands.NetworkCommand(),
        new Commands.SentencesCommand(),
        new Commands.SimulateCommand(),
        new Commands.TokenizeCommand(),
        new Commands.SentimentCommand(),
        new Commands.TrainSentimentCommand(),
        new Commands.EvalSentimentCommand(),
        new Commands.TrainTopicsCommand(),
        new Commands.TopicsCommand(),
        new Commands.EvalTopicsCommand(),
        new Commands.EvalCommand(),
        new Commands.PredictCommand(),
        new Commands.PlacesCommand(),
        new Commands.LanguageCommand(),
        new Commands.ComplaintsCommand(),
        new Commands.ServeCommand(),
        new Commands.AlertsCommand(),
        new Commands.DiscoverCommand(),
        new Commands.EvalDiscoverCommand(),
    ];

    private static readonly ParserConfiguration Parser = new()
    {
        // "@x" is a file name or text here, never a response file to expand
        ResponseFileTokenReplacer = null,
    };

    /// <summary>
    /// Runs the tool with the given streams; returns the exit code: 0 done (and for --help), 1 an input error (bad
    /// data in a file, named by file:line:field), 2 a usage mistake (unknown verb or option, missing or bad value,
    /// missing file or directory). Every failure is one line on <paramref name="stderr"/>, never a stack trace.
    /// </summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildTree(stdin, stdout, stderr);
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (args.Length == 0)
        {
            // the verb list, but a bare "polder" did nothing asked for: a usage mistake
            root.Parse(["--help"], Parser).Invoke(invocation);
            return 2;
        }
        if (args[0] == "help") args = [.. args.Skip(1), "--help"];   // "polder help VERB" is "polder VERB --help"
        var result = root.Parse(args, Parser);
        if (result.Action is not HelpAction && result.Errors.Count > 0)
        {
            var verb = VerbPath(result.CommandResult.Command);
            stderr.WriteLine($"{verb}: {OneLine(result.Errors[0].Message)}{Stop(result.Errors[0].Message)} Run '{verb} --help'.");
            return 2;
        }
        return result.Invoke(invocation);
    }

    /// <summary>The command tree: one System.CommandLine command per verb, options and help from <see cref="VerbOptions"/>.</summary>
    private static Command BuildTree(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        // a plain Command, not RootCommand: help must say "polder", not the host process's name (tests run in-process)
        var root = new Command("polder", "Dutch online communities: text, sentiment, topics, behaviour, networks, forecasts") { new HelpOption() };
        foreach (var c in Commands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var words = c.Name.Split(' ');
            var parent = root;
            foreach (var w in words[..^1])
            {
                var sub = parent.Subcommands.FirstOrDefault(s => s.Name == w);
                if (sub is null) { sub = new Command(w, $"{w} sub-verbs; see --help"); parent.Subcommands.Add(sub); }
                parent = sub;
            }
            var command = parent.Subcommands.FirstOrDefault(s => s.Name == words[^1]);
            if (command is null) { command = new Command(words[^1]); parent.Subcommands.Add(command); }
            command.Description = c.Summary;
            var spec = VerbOptions.ByName[c.Name];
            Argument<string[]>? positional = null;
            if (spec.Arguments is not null)
            {
                // the verbs check the count themselves, with their own usage line
                positional = new Argument<string[]>(spec.Arguments) { Arity = ArgumentArity.ZeroOrMore, HelpName = spec.Arguments, Description = spec.ArgumentsDescription };
                command.Arguments.Add(positional);
            }
            var options = new List<(string Name, Option Option)>();
            foreach (var o in spec.Options)
            {
                Option option = o.Value is null
                    ? new Option<bool>("--" + o.Name) { Description = o.Description }
                    // values stay text: CliArguments turns them into numbers and dates with the verb's own wording
                    : new Option<string>("--" + o.Name) { Description = o.Description, HelpName = o.Value };
                command.Options.Add(option);
                options.Add((o.Name, option));
            }
            command.SetAction(parse => Execute(c, parse, positional, options, stdin, stdout, stderr));
        }
        return root;
    }

    /// <summary>Runs one verb: the only place that turns exceptions into exit codes and one-line messages.</summary>
    private static int Execute(ICliCommand c, ParseResult parse, Argument<string[]>? positional, List<(string Name, Option Option)> options,
        TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var given = new List<KeyValuePair<string, string?>>();
        foreach (var (name, option) in options)
        {
            if (parse.GetResult(option) is not { Implicit: false }) continue;
            if (option is Option<bool> flag) { if (parse.GetValue(flag)) given.Add(new(name, null)); }
            else given.Add(new(name, parse.GetValue((Option<string>)option)));
        }
        var cliArgs = new CliArguments(positional is null ? [] : parse.GetValue(positional) ?? [], given);
        var verb = "polder " + c.Name;
        try
        {
            // the parser lets an unknown "--x" through as a positional argument; "-" alone is standard input
            if (cliArgs.Positional.FirstOrDefault(p => p.Length > 1 && p[0] == '-') is { } unknown)
                throw new CliUsageException($"unknown option '{unknown}'");
            var code = c.Run(new CliContext(cliArgs, stdin, stdout, stderr));
            foreach (var u in cliArgs.Unused) stderr.WriteLine($"{verb}: warning: option --{u} was not used here");
            return code;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var (code, message, hint) = Describe(e);
            stderr.WriteLine($"{verb}: {OneLine(message)}{(hint ? $"{Stop(message)} Run '{verb} --help'." : "")}");
            return code;
        }
    }

    /// <summary>The exit code and the words for a failure; .NET's own messages are replaced by ours.</summary>
    internal static (int Code, string Message, bool Hint) Describe(Exception e) => e switch
    {
        CliUsageException u => (2, e.Message, u.Hint),
        // the library names a missing file as an input error; for the tool a missing file is a usage mistake
        PolderInputException { InnerException: FileNotFoundException or DirectoryNotFoundException } p when p.File is not null => (2, $"file not found: {p.File}", false),
        PolderInputException { Line: null, File: { Length: > 0 } f } when f != "-" && !File.Exists(f) && !Directory.Exists(f) => (2, $"file not found: {f}", false),
        PolderInputException { Line: null, File: { Length: > 0 } f } when Directory.Exists(f) => (2, $"{f} is a directory, not a file", false),
        PolderInputException => (1, e.Message, false),
        FileNotFoundException f => (2, $"file not found: {f.FileName ?? PathIn(f.Message)}", false),
        DirectoryNotFoundException => (2, $"file not found: {PathIn(e.Message)}", false),   // a file path whose folder is missing
        // opening a directory as a file fails with "access denied" or an I/O error: say what it is
        UnauthorizedAccessException or IOException when Directory.Exists(PathIn(e.Message)) => (2, $"{PathIn(e.Message)} is a directory, not a file", false),
        UnauthorizedAccessException => (1, $"permission denied: {PathIn(e.Message)}", false),
        DecoderFallbackException => (1, "the input is not valid UTF-8", false),
        IOException => (1, $"cannot read or write {PathIn(e.Message)}", false),
        InvalidDataException or FormatException => (1, e.Message, false),
        OperationCanceledException => (130, "cancelled", false),
        // a bug, not a user mistake: still one line; the type helps a bug report
        _ => (1, $"unexpected error ({e.GetType().Name}): {e.Message}", false),
    };

    /// <summary>The quoted path in a .NET I/O message ("Could not find a part of the path '/x'."), else "the file".</summary>
    private static string PathIn(string message)
    {
        var m = Regex.Match(message, "'([^']+)'");
        return m.Success ? m.Groups[1].Value : "the file";
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();

    private static string Stop(string s) => s.TrimEnd().EndsWith('.') ? "" : ".";

    private static string VerbPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault()) names.Insert(0, c.Name);
        return string.Join(' ', names);
    }
}
