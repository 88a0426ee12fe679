using System.Text;
using Polder.Cli;

// Console.Out flushes on every write; a buffered UTF-8 writer keeps JSON Lines output fast.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false, throwOnInvalidBytes: true));
try
{
    return CommandRouter.Run(args, stdin, stdout, Console.Error);
}
finally
{
    stdout.Flush();
}
