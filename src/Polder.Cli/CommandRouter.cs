namespace Polder.Cli;

/// <summary>Finds the verb in the arguments and runs it.</summary>
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
    ];

    /// <summary>Runs the tool with the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine("polder — Dutch online communities: text, sentiment, topics, behaviour, networks, forecasts");
            stdout.WriteLine();
            foreach (var c in Commands.OrderBy(c => c.Name, StringComparer.Ordinal))
                stdout.WriteLine($"  polder {c.Name,-20} {c.Summary}");
            return args.Length == 0 ? 2 : 0;
        }
        // Longest verb match first, so "train topics" wins over a hypothetical "train".
        var command = Commands
            .Select(c => (c, words: c.Name.Split(' ')))
            .Where(x => x.words.Length <= args.Length && x.words.Select((w, i) => args[i] == w).All(b => b))
            .OrderByDescending(x => x.words.Length)
            .Select(x => x)
            .FirstOrDefault();
        if (command.c is null)
        {
            stderr.WriteLine($"polder: unknown command '{args[0]}'. Run 'polder --help'.");
            return 2;
        }
        var cliArgs = new CliArguments(args.Skip(command.words.Length));
        try
        {
            var code = command.c.Run(new CliContext(cliArgs, stdin, stdout, stderr));
            foreach (var u in cliArgs.Unused) stderr.WriteLine($"polder: warning: option --{u} was not used by '{command.c.Name}'");
            return code;
        }
        catch (CliUsageException e)
        {
            stderr.WriteLine($"polder {command.c.Name}: {e.Message}");
            return 2;
        }
        catch (Polder.Analysis.PolderInputException e)
        {
            stderr.WriteLine($"polder {command.c.Name}: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            stderr.WriteLine($"polder {command.c.Name}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine($"polder {command.c.Name}: cancelled");
            return 130;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // never a stack trace for a user: one line naming the failure; the type helps a bug report
            stderr.WriteLine($"polder {command.c.Name}: unexpected error ({e.GetType().Name}): {e.Message}");
            return 1;
        }
    }
}
