using BenchmarkDotNet.Running;
using CandleDashboard.Benchmarks.Latency;

// BenchmarkDotNet:   dotnet run -c Release --project tests/CandleDashboard.Benchmarks -- --filter '*'
// Latency harness:   dotnet run -c Release --project tests/CandleDashboard.Benchmarks -- latency [seconds]
if (args.Length > 0 && args[0] == "latency")
{
    var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 60;
    return await TickToChartHarness.RunAsync(TimeSpan.FromSeconds(seconds));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
