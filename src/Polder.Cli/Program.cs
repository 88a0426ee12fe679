using Polder.Cli;

return CommandRouter.Run(args, Console.In, Console.Out, Console.Error);
