using CandleDashboard.Contracts;
using CandleDashboard.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace CandleDashboard.Fault.Tests;

/// <summary>A public-hub client of one app process that follows one series and keeps every candle message it hears.</summary>
public sealed class CandleFollower : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<CandleMessage> _heard = [];

    private CandleFollower(HubConnection connection)
    {
        _connection = connection;
        _connection.On<CandleMessage>(HubMessageNames.Candle, message =>
        {
            lock (_heard)
            {
                _heard.Add(message);
            }
        });
    }

    public IReadOnlyList<CandleMessage> Heard
    {
        get
        {
            lock (_heard)
            {
                return [.. _heard];
            }
        }
    }

    /// <summary>Connects and subscribes; returns once the server has added the connection to the series.</summary>
    public static async Task<CandleFollower> FollowAsync(Uri app, string symbol, string interval)
    {
        var follower = new CandleFollower(new HubConnectionBuilder().WithUrl(new Uri(app, CandleHub.Path.TrimStart('/'))).Build());
        await follower._connection.StartAsync();
        await follower._connection.InvokeAsync("Subscribe", symbol, interval);
        return follower;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
