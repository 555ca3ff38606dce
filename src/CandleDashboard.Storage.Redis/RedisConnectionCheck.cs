namespace CandleDashboard.Storage.Redis;

/// <summary>Outcome of <see cref="RedisConnectionChecker"/>.</summary>
/// <param name="IsReachable">True when Redis answered PING.</param>
/// <param name="Servers">The configured servers as <c>host:port</c> (never the password).</param>
/// <param name="RoundTrip">PING round trip, when reachable.</param>
/// <param name="Error">One line for logs and the console, naming the server and the setting, when unreachable.</param>
public sealed record RedisConnectionCheck(bool IsReachable, string Servers, TimeSpan? RoundTrip, string? Error);
