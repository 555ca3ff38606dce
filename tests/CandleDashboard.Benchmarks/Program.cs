using BenchmarkDotNet.Running;
using CandleDashboard.Benchmarks.Circuits;
using CandleDashboard.Benchmarks.Latency;

// BenchmarkDotNet:   dotnet run -c Release --project tests/CandleDashboard.Benchmarks -- --filter '*'
// Latency harness:   dotnet run -c Release --project tests/CandleDashboard.Benchmarks -- latency [seconds] [--follower]
// Page load:         dotnet run -c Release --project tests/CandleDashboard.Benchmarks -- pageload [loads]
// Plotly bundles:    dotnet run -c Release --project tests/CandleDashboard.Benchmarks -- bundles [--loads N] FILE…
// Update payloads:   dotnet run -c Release --project tests/CandleDashboard.Benchmarks -- payload
// Chart navigation:  dotnet run -c Release --project tests/CandleDashboard.Benchmarks -- chartnav [store pages]
// Layouts:           dotnet run -c Release --project tests/CandleDashboard.Benchmarks -- layout [seconds]
// Circuits:          dotnet run -c Release --project tests/CandleDashboard.Benchmarks -- circuits [viewers…] [--seconds N] [--validate] [--profile FILE]
// Bulk import:       dotnet run -c Release --project tests/CandleDashboard.Benchmarks -- import [trades] [runs]
if (args.Length > 0 && args[0] == "latency")
{
    var seconds = args.Length > 1 && args[1] != "--follower" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 60;
    return await TickToChartHarness.RunAsync(TimeSpan.FromSeconds(seconds), onFollower: args.Contains("--follower"));
}

if (args.Length > 0 && args[0] == "pageload")
{
    var trace = args.Contains("--trace");
    var loads = args.Length > 1 && !trace ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8;
    return await PageLoadHarness.RunAsync(loads, trace);
}

if (args.Length > 0 && args[0] == "bundles")
{
    var loadsAt = Array.IndexOf(args, "--loads");
    var bundleLoads = loadsAt > 0 ? int.Parse(args[loadsAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 12;
    var files = args.Skip(1).Where((a, i) => a != "--loads" && (loadsAt < 0 || i + 1 != loadsAt + 1)).ToList();
    return await BundleEvalHarness.RunAsync(files, bundleLoads);
}

if (args.Length > 0 && args[0] == "chartnav")
{
    var pages = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8;
    return await ChartNavigationHarness.RunAsync(pages);
}

if (args.Length > 0 && args[0] == "layout")
{
    var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30;
    return await LayoutHarness.RunAsync(TimeSpan.FromSeconds(seconds));
}

if (args.Length > 0 && args[0] == "circuits")
{
    var options = CircuitsArguments.Parse(args[1..]);
    return options.Validate
        ? await CircuitValidation.RunAsync(options.Window)
        : await CircuitLoadHarness.RunAsync(options.Steps, options.Window, options.ProfileFile);
}

if (args.Length > 0 && args[0] == "import")
{
    var trades = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000_000;
    var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    return await CandleDashboard.Benchmarks.Import.BulkImportHarness.RunAsync(trades, runs);
}

if (args.Length > 0 && args[0] == "payload")
{
    return CandleDashboard.Benchmarks.ChartUpdatePayload.Report();
}

// This assembly, not typeof(Program): the app referenced here has a public Program of its own.
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
return 0;
