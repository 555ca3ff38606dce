using CandleDashboard.Simulator;

// Runs the simulator as a process until Ctrl+C; see README.md for the options.
if (!SimulatorCommandLine.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(SimulatorCommandLine.Usage);
    return 2;
}

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();

var started = System.Diagnostics.Stopwatch.StartNew();
await using var simulator = await ExchangeSimulator.StartAsync(options);
Console.WriteLine($"Exchange simulator (Binance spot protocol) started in {started.ElapsedMilliseconds} ms");
Console.WriteLine($"  REST:      {simulator.RestBaseUri}api/v3/klines?symbol={options.Symbols[0]}&interval=1m");
Console.WriteLine($"  Streams:   {simulator.WebSocketBaseUri}stream?streams={options.Symbols[0].ToLowerInvariant()}@trade");
Console.WriteLine($"  Raw:       {simulator.WebSocketBaseUri}ws/{options.Symbols[0].ToLowerInvariant()}@aggTrade");
Console.WriteLine($"  Symbols:   {string.Join(",", options.Symbols)}");
Console.WriteLine(options.ReplayFile is null
    ? $"  Trades:    random walk, seed {options.Seed}, {(options.Burst ? "burst (>= 5000/s in total)" : $"{options.TradesPerSecondPerSymbol}/s per symbol")}"
    : $"  Trades:    replaying {options.ReplayFile} at {options.ReplaySpeed}x");
Console.WriteLine("Press Ctrl+C to stop.");
await stop.Task;
return 0;
