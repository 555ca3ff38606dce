using CandleDashboard.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace CandleDashboard.Integration.Tests;

/// <summary>
/// A client sending bad hub calls in a loop gets its reason each time, and the log gets no error with a
/// stack per call (SignalR's default), so bad input cannot flood the operator's log.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class HubRefusalLoggingTests(StoresFixture stores)
{
    [Fact]
    public async Task Refused_hub_calls_answer_the_caller_and_log_no_error()
    {
        var log = new CapturingLoggerProvider();
        await using var app = await AppInstance.StartAsync(stores.StorelessAppArgs("--Logging:LogLevel:Default=Debug"), builder => builder.Logging.AddProvider(log));
        var connection = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, CandleHub.Path.TrimStart('/'))).Build();
        await using (connection)
        {
            await connection.StartAsync();
            for (var i = 0; i < 50; i++)
            {
                var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Subscribe", "NOT A SYMBOL!", "1m"));
                Assert.Contains("symbol", refused.Message, StringComparison.OrdinalIgnoreCase);
            }
        }

        var entries = log.Entries.ToArray();
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
        Assert.Equal(50, entries.Count(e => e.Category == "CandleDashboard.Web.Hubs.HubCallLogFilter" && e.Level == LogLevel.Debug && e.Message.Contains("Refused CandleHub.Subscribe", StringComparison.Ordinal)));
    }
}
