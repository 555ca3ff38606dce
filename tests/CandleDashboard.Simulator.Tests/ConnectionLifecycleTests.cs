using System.Diagnostics;
using CandleDashboard.Simulator.Tests.Support;

namespace CandleDashboard.Simulator.Tests;

/// <summary>Binance's connection rules: server pings, a silent client is dropped, every connection ends after its lifetime.</summary>
public sealed class ConnectionLifecycleTests
{
    [Fact]
    public async Task Server_sends_ping_frames_at_the_configured_interval()
    {
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Symbols = ["BTCUSDT"],
            TradesPerSecondPerSymbol = 1,
            PingInterval = TimeSpan.FromMilliseconds(200),
            PongTimeout = TimeSpan.FromSeconds(30),
        });
        using var peer = await RawWebSocketPeer.ConnectAsync(simulator.WebSocketBaseUri, "/ws/btcusdt@trade");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var pings = 0;
        var clock = Stopwatch.StartNew();
        while (pings < 3)
        {
            var opcode = await peer.ReadFrameOpcodeAsync(deadline.Token, answerPings: true);
            Assert.NotNull(opcode);
            if (opcode == RawWebSocketPeer.PingOpcode)
            {
                pings++;
            }
        }

        // The WebSocket sends the next ping only after the pong to the previous one; three of them
        // spaced by the interval cannot arrive sooner than about 400 ms after connecting.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(350), $"3 pings in {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_client_that_never_answers_pings_is_dropped_while_one_that_does_stays()
    {
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Symbols = ["BTCUSDT"],
            TradesPerSecondPerSymbol = 5,
            PingInterval = TimeSpan.FromMilliseconds(100),
            PongTimeout = TimeSpan.FromMilliseconds(300),
        });
        await using var polite = await StreamClient.ConnectAsync(new Uri(simulator.WebSocketBaseUri, "/ws/btcusdt@trade"));
        using var silent = await RawWebSocketPeer.ConnectAsync(simulator.WebSocketBaseUri, "/ws/btcusdt@trade");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        // ClientWebSocket answers pings only while a receive is pending, so the polite client reads all along.
        var politeReading = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(1.5))
            {
                if (await polite.ReceiveAsync(TimeSpan.FromSeconds(5)) is null)
                {
                    return false;
                }
            }

            return true;
        });

        while (await silent.ReadFrameOpcodeAsync(deadline.Token) is not null)
        {
            // keep reading (without ever sending a pong) until the server hangs up
        }

        Assert.True(await politeReading, "the client that answers pings was dropped");
        Assert.Equal(1, simulator.OpenWebSocketCount);
    }

    [Fact]
    public async Task Connections_are_dropped_after_the_maximum_lifetime()
    {
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Symbols = ["ETHUSDT"],
            TradesPerSecondPerSymbol = 50,
            MaxConnectionLifetime = TimeSpan.FromMilliseconds(500),
        });
        var clock = Stopwatch.StartNew();
        await using var client = await StreamClient.ConnectAsync(new Uri(simulator.WebSocketBaseUri, "/ws/ethusdt@trade"));

        while (await client.ReceiveAsync(TimeSpan.FromSeconds(10)) is not null)
        {
        }

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(8));
        await Eventually.HoldsAsync(() => simulator.OpenWebSocketCount == 0, TimeSpan.FromSeconds(5), "the server to forget the connection");
    }
}
