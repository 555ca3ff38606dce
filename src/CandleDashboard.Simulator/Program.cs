using CandleDashboard.Simulator;

// Runs the simulator as a process until Ctrl+C; see README.md for the options.
if (!SimulatorCommandLine.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(SimulatorCommandLine.Usage);
    return 2;
}

// Ctrl+C and SIGTERM (docker stop, kill) both end the simulator cleanly: connections dropped, port released.
var stop = new TaskCompletionSource();
void OnSignal(System.Runtime.InteropServices.PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}

using var onInterrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, OnSignal);
using var onTerminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, OnSignal);

var started = System.Diagnostics.Stopwatch.StartNew();
await using var simulator = await ExchangeSimulator.StartAsync(options);
Console.WriteLine($"Exchange simulator (Binance and Kraken spot protocols) started in {started.ElapsedMilliseconds} ms");
Console.WriteLine($"  REST:      {simulator.RestBaseUri}api/v3/klines?symbol={options.Symbols[0]}&interval=1m");
Console.WriteLine($"  Streams:   {simulator.WebSocketBaseUri}stream?streams={options.Symbols[0].ToLowerInvariant()}@trade");
Console.WriteLine($"  Raw:       {simulator.WebSocketBaseUri}ws/{options.Symbols[0].ToLowerInvariant()}@aggTrade");
Console.WriteLine($"  Symbols:   {string.Join(",", options.Symbols)}");
Console.WriteLine(options.ReplayFile is null
    ? $"  Trades:    random walk, seed {options.Seed}, {(options.Burst ? "burst (>= 5000/s in total)" : $"{options.TradesPerSecondPerSymbol}/s per symbol")}"
    : $"  Trades:    replaying {options.ReplayFile} at {options.ReplaySpeed}x");
Console.WriteLine($"  Kraken:    {simulator.KrakenRestBaseUri}0/public/OHLC?pair={options.KrakenSymbols.FirstOrDefault() ?? "XBTUSD"}&interval=1");
Console.WriteLine($"  Kraken v2: {simulator.KrakenWebSocketUri}  (pairs: {string.Join(",", options.KrakenSymbols)}{(options.KrakenReplayFile is null ? "" : $", replaying {options.KrakenReplayFile}")})");
Console.WriteLine("Press Ctrl+C to stop.");
await stop.Task;
return 0;

/// <summary>Entry point of the stand-alone simulator; internal so the web app, which references this project, keeps the only public Program.</summary>
internal partial class Program;
