using BenchmarkDotNet.Running;

// Run all benchmarks, or pick with --filter '*Tokenizer*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
