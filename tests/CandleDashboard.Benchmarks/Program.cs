using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/CandleDashboard.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
