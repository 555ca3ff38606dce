namespace CandleDashboard.Web.Persistence;

/// <summary>
/// A configured store (Redis or PostgreSQL) cannot be used at startup. The message is one line
/// naming the server and the setting; the app refuses to start rather than run without the
/// persistence its operator asked for.
/// </summary>
public sealed class StorageUnavailableException(string message) : Exception(message);
