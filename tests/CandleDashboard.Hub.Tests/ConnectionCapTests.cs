using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CandleDashboard.Web.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// The app with its default caps (20 hub connections and 20 circuits per client address), and
/// SignalR's dispatcher silenced: it logs every refused connection as an error with a stack trace.
/// </summary>
public sealed class DefaultCapsHubAppFixture() : HubAppFixture(
    "--Logging:LogLevel:Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher=None",
    "--Logging:LogLevel:Microsoft.AspNetCore.SignalR.HubConnectionHandler=None");

/// <summary>Hub connections and Blazor circuits are capped per client address, with a clear refusal.</summary>
public sealed class ConnectionCapTests(DefaultCapsHubAppFixture hub) : IClassFixture<DefaultCapsHubAppFixture>
{
    private const int DefaultCap = 20;
    private const string Loopback = "127.0.0.1";
    private const string Refusal = "Too many connections: at most 20 hub connections per client address. Close one first.";

    private ConnectionCaps Caps => hub.App.Services.GetRequiredService<ConnectionCaps>();

    [Fact]
    public async Task The_21st_hub_connection_from_one_address_is_refused_with_the_reason_and_a_freed_slot_is_taken_again()
    {
        var clients = new List<HubClient>();
        try
        {
            for (var i = 0; i < DefaultCap; i++)
            {
                clients.Add(await hub.ConnectAsync());
            }

            Assert.Equal(DefaultCap, Caps.Hub.CountOf(Loopback));

            // Negotiate: a plain 429 with ProblemDetails before any upgrade.
            using var http = new HttpClient();
            using var negotiate = await http.PostAsync($"{hub.App.HubUrl}/negotiate?negotiateVersion=1", null);
            Assert.Equal(HttpStatusCode.TooManyRequests, negotiate.StatusCode);
            Assert.Equal("application/problem+json", negotiate.Content.Headers.ContentType?.MediaType);
            var problem = await negotiate.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
            Assert.Equal("Too many connections", problem.GetProperty("title").GetString());
            Assert.Equal(Refusal, problem.GetProperty("detail").GetString());

            // A .NET client sees the status.
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.ConnectAsync());
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

            // A client that skips negotiation is refused when it connects, with the reason.
            Assert.EndsWith("HubException: " + Refusal, await RefusalWithoutNegotiationAsync());
            Assert.Equal(DefaultCap, Caps.Hub.CountOf(Loopback));

            // One leaves: the next one is accepted and works.
            await clients[0].DisposeAsync();
            clients.RemoveAt(0);
            Assert.True(await Poll.UntilAsync(() => Caps.Hub.CountOf(Loopback) == DefaultCap - 1, TimeSpan.FromSeconds(10)), "the slot is given back");
            var next = await hub.ConnectAsync();
            clients.Add(next);
            await next.SubscribeAsync("BTCUSDT", "1m");
            Assert.Equal(DefaultCap, Caps.Hub.CountOf(Loopback));
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }

        Assert.True(await Poll.UntilAsync(() => Caps.Hub.CountOf(Loopback) == 0, TimeSpan.FromSeconds(10)), "every slot is given back");
    }

    [Fact]
    public async Task A_page_request_from_an_address_at_the_circuit_cap_gets_a_friendly_429_instead_of_a_circuit()
    {
        // Stand-ins for 20 connected chart tabs of this address (a browser is not needed to hold a slot).
        for (var i = 0; i < DefaultCap; i++)
        {
            Assert.True(Caps.Circuits.TryAcquire(Loopback));
        }

        try
        {
            using var http = new HttpClient();
            var chartUrl = hub.App.HubUrl.Replace(CandleHub.Path, "/chart/BTCUSDT/1m", StringComparison.Ordinal);
            using (var full = await http.GetAsync(chartUrl))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, full.StatusCode);
                var page = await full.Content.ReadAsStringAsync();
                Assert.Contains("data-testid=\"circuit-limit\"", page);
                Assert.Contains("Too many open charts from your network: at most 20 at once. Close a chart tab, then reload this page.", page);
                Assert.DoesNotContain("<!--Blazor:", page); // no interactive component, so no circuit starts
            }

            Caps.Circuits.Release(Loopback);
            using var freed = await http.GetAsync(chartUrl);
            Assert.Equal(HttpStatusCode.OK, freed.StatusCode);
            var chart = await freed.Content.ReadAsStringAsync();
            Assert.DoesNotContain("circuit-limit", chart);
            Assert.Contains("<!--Blazor:", chart); // the interactive page, which starts a circuit
        }
        finally
        {
            while (Caps.Circuits.CountOf(Loopback) > 0)
            {
                Caps.Circuits.Release(Loopback);
            }
        }
    }

    [Fact]
    public async Task A_circuit_hub_connection_takes_a_slot_and_over_the_cap_is_closed()
    {
        var blazorHub = hub.App.HubUrl.Replace(CandleHub.Path, "/_blazor", StringComparison.Ordinal);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        for (var i = 0; i < DefaultCap - 1; i++)
        {
            Assert.True(Caps.Circuits.TryAcquire(Loopback));
        }

        try
        {
            // The 20th: accepted, and counted while it is open.
            await using (var last = await RawHubClient.ConnectAsync(blazorHub, deadline.Token, "blazorpack"))
            {
                Assert.True(await Poll.UntilAsync(() => Caps.Circuits.CountOf(Loopback) == DefaultCap, TimeSpan.FromSeconds(10)), "the circuit hub connection holds a slot");

                // The 21st: the server closes it at once.
                await using var over = await RawHubClient.ConnectAsync(blazorHub, deadline.Token, "blazorpack");
                Assert.True(await over.ClosedByServerAsync(TimeSpan.FromSeconds(10)), "the 21st is closed by the server");
                Assert.Contains("Connection closed with an error. HubException: Too many open charts from your network: at most 20 at once.", over.Received);
                Assert.Equal(DefaultCap, Caps.Circuits.CountOf(Loopback)); // the 20th still holds its slot
            }

            Assert.True(await Poll.UntilAsync(() => Caps.Circuits.CountOf(Loopback) == DefaultCap - 1, TimeSpan.FromSeconds(10)), "its slot is given back when it closes");
        }
        finally
        {
            while (Caps.Circuits.CountOf(Loopback) > 0)
            {
                Caps.Circuits.Release(Loopback);
            }
        }
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")] // IPv4-mapped IPv6 is the IPv4 client
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")] // same /64, same key
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")] // next /64, another key
    [InlineData("::1", "::/64")]
    public void Addresses_are_keyed_by_IPv4_or_IPv6_64(string address, string key) =>
        Assert.Equal(key, ConnectionCaps.KeyOf(IPAddress.Parse(address)));

    [Fact]
    public void An_unknown_address_has_one_key() => Assert.Equal("unknown", ConnectionCaps.KeyOf(null));

    /// <summary>Connects straight over WebSockets (no negotiate) and returns the error the connection closed with.</summary>
    private async Task<string> RefusalWithoutNegotiationAsync()
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(hub.App.HubUrl, o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await connection.StartAsync(deadline.Token);
        }
        catch (Exception ex)
        {
            return ex.Message; // closed during the start
        }

        var error = await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return error?.Message ?? "(closed without an error)";
    }
}
