using CandleDashboard.Core.Storage;
using CandleDashboard.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace CandleDashboard.Integration.Tests;

/// <summary>
/// A .NET SignalR client of one app instance's public hub that records every <c>data_updated</c>
/// it hears, so a test can await a given message (with a deadline) and count copies afterwards.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly object _gate = new();
    private readonly List<DataUpdated> _heard = [];
    private readonly List<(Func<DataUpdated, bool> Match, TaskCompletionSource<DataUpdated> Heard)> _waiters = [];

    private HubClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<DataUpdated>(HubMessageNames.DataUpdated, OnDataUpdated);
    }

    /// <summary>Every data_updated heard so far, in arrival order.</summary>
    public IReadOnlyList<DataUpdated> Heard
    {
        get
        {
            lock (_gate)
            {
                return [.. _heard];
            }
        }
    }

    public static async Task<HubClient> ConnectAsync(AppInstance instance)
    {
        var client = new HubClient(new HubConnectionBuilder().WithUrl(new Uri(instance.BaseAddress, CandleHub.Path.TrimStart('/'))).Build());
        await client._connection.StartAsync();
        return client;
    }

    /// <summary>Returns once the server has added this connection to the series' group.</summary>
    public Task SubscribeAsync(string symbol, string interval) => _connection.InvokeAsync("Subscribe", symbol, interval);

    /// <summary>The first message heard (already or later) that matches; fails after <paramref name="deadline"/>.</summary>
    public Task<DataUpdated> HearsAsync(Func<DataUpdated, bool> match, TimeSpan deadline)
    {
        lock (_gate)
        {
            if (_heard.FirstOrDefault(match) is { } already)
            {
                return Task.FromResult(already);
            }

            var waiter = new TaskCompletionSource<DataUpdated>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, waiter));
            return waiter.Task.WaitAsync(deadline);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnDataUpdated(DataUpdated message)
    {
        lock (_gate)
        {
            _heard.Add(message);
            foreach (var waiter in _waiters.Where(w => w.Match(message)).ToArray())
            {
                waiter.Heard.TrySetResult(message);
                _waiters.Remove(waiter);
            }
        }
    }
}
