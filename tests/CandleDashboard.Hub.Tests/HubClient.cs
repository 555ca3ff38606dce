using CandleDashboard.Contracts;
using CandleDashboard.Core.Storage;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// One .NET SignalR client of the hub under test (WebSockets after negotiation, like a default
/// .NET client), reading payloads strictly into the app's contract records.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    /// <summary>Longest a single hub call may take before the test fails instead of hanging.</summary>
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);

    private readonly ClientLog _log;

    private HubClient(HubConnection connection, ClientLog log)
    {
        Connection = connection;
        _log = log;
    }

    public HubConnection Connection { get; }

    /// <summary>The id negotiation gave this connection: the server's <c>Context.ConnectionId</c>.</summary>
    public string ConnectionId => Connection.ConnectionId ?? throw new InvalidOperationException("Not connected.");

    public HubConnectionState State => Connection.State;

    public static async Task<HubClient> ConnectAsync(string hubUrl)
    {
        var log = new ClientLog();
        var connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, HttpTransportType.WebSockets)
            .AddJsonProtocol(o => WireJson.MakeStrict(o.PayloadSerializerOptions))
            .ConfigureLogging(logging => logging.AddProvider(log))
            .Build();
        using var deadline = new CancellationTokenSource(CallDeadline);
        await connection.StartAsync(deadline.Token);
        return new HubClient(connection, log);
    }

    public Recorder<CandleMessage> RecordCandles() => Record<CandleMessage>("candle");

    public Recorder<DataUpdated> RecordDataUpdates() => Record<DataUpdated>("data_updated");

    /// <summary>Records a client method; register before subscribing so nothing is missed.</summary>
    public Recorder<T> Record<T>(string method) => new(Connection, method, _log);

    public Task SubscribeAsync(string symbol, string interval) => CallAsync("Subscribe", symbol, interval);

    public Task UnsubscribeAsync(string symbol, string interval) => CallAsync("Unsubscribe", symbol, interval);

    /// <summary>Follows a series of a venue by its id (<c>kraken</c>).</summary>
    public Task SubscribeAsync(string exchange, string symbol, string interval) => CallAsync("SubscribeExchange", exchange, symbol, interval);

    public Task UnsubscribeAsync(string exchange, string symbol, string interval) => CallAsync("UnsubscribeExchange", exchange, symbol, interval);

    /// <summary>Invokes a call the hub must refuse; returns the error text the client reads.</summary>
    public async Task<string> RefusalAsync(string method, params object?[] args)
    {
        using var deadline = new CancellationTokenSource(CallDeadline);
        var error = await Assert.ThrowsAsync<HubException>(() => Connection.InvokeCoreAsync(method, args, deadline.Token));
        return error.Message;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private async Task CallAsync(string method, params object?[] args)
    {
        using var deadline = new CancellationTokenSource(CallDeadline);
        await Connection.InvokeCoreAsync(method, args, deadline.Token);
    }
}
