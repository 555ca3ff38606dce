namespace CandleDashboard.Core.Exchange;

/// <summary>
/// The exchange refused a request or answered with something unusable. The message is written for
/// operators (logs, admin page); what a trader sees is chosen by the UI from the subclass.
/// </summary>
public class ExchangeException : Exception
{
    public ExchangeException(string exchange, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Exchange = exchange;
    }

    /// <summary>Name of the exchange that failed (<see cref="IExchange.Name"/>).</summary>
    public string Exchange { get; }
}
