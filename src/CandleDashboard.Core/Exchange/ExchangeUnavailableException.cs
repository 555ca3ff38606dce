namespace CandleDashboard.Core.Exchange;

/// <summary>
/// The exchange could not be reached or did not answer in time, or answered with a server error:
/// an outage that retrying later can fix (as opposed to a refusal of the request itself).
/// </summary>
public sealed class ExchangeUnavailableException(string exchange, string message, Exception? innerException = null)
    : ExchangeException(exchange, message, innerException);
