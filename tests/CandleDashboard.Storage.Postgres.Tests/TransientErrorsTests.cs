using System.Net.Sockets;
using CandleDashboard.Storage.Postgres.Resilience;
using Npgsql;

namespace CandleDashboard.Storage.Postgres.Tests;

public sealed class TransientErrorsTests
{
    [Theory]
    [InlineData("57P01")] // admin_shutdown: server stopped under an open connection
    [InlineData("57P03")] // cannot_connect_now: server starting up
    [InlineData("40001")] // serialization failure
    [InlineData("53300")] // too many connections
    public void Server_states_worth_a_retry_are_transient(string sqlState) =>
        Assert.True(TransientErrors.IsTransient(new PostgresException("x", "FATAL", "FATAL", sqlState)));

    [Theory]
    [InlineData("42601")] // syntax error
    [InlineData("28P01")] // bad password: retrying only delays the real error
    [InlineData("23505")] // unique violation
    public void Bugs_and_bad_credentials_are_not(string sqlState) =>
        Assert.False(TransientErrors.IsTransient(new PostgresException("x", "ERROR", "ERROR", sqlState)));

    [Fact]
    public void Connection_refused_is_transient() =>
        Assert.True(TransientErrors.IsTransient(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));

    [Fact]
    public void Other_exceptions_are_not() =>
        Assert.False(TransientErrors.IsTransient(new InvalidOperationException("bug")));

    [Fact]
    public void Backoff_doubles_is_jittered_and_capped()
    {
        var baseDelay = TimeSpan.FromMilliseconds(100);
        var max = TimeSpan.FromSeconds(1);
        for (var i = 0; i < 50; i++)
        {
            var first = RetryPolicy.Backoff(1, baseDelay, max);
            var third = RetryPolicy.Backoff(3, baseDelay, max);
            var tenth = RetryPolicy.Backoff(10, baseDelay, max);
            Assert.InRange(first.TotalMilliseconds, 50, 100);
            Assert.InRange(third.TotalMilliseconds, 200, 400);
            Assert.InRange(tenth.TotalMilliseconds, 500, 1000);
        }
    }
}
