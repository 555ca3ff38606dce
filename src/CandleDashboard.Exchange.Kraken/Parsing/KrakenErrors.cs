namespace CandleDashboard.Exchange.Kraken.Parsing;

/// <summary>Classifies Kraken's error strings; the REST client turns the class into the core's exception.</summary>
public static class KrakenErrors
{
    public static KrakenErrorKind Classify(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.StartsWith("EAPI:Rate limit exceeded", StringComparison.OrdinalIgnoreCase)
            || error.StartsWith("EGeneral:Too many requests", StringComparison.OrdinalIgnoreCase))
        {
            return KrakenErrorKind.RateLimited;
        }

        if (error.StartsWith("EQuery:Unknown asset pair", StringComparison.OrdinalIgnoreCase))
        {
            return KrakenErrorKind.UnknownPair;
        }

        if (error.StartsWith("EService:", StringComparison.OrdinalIgnoreCase)
            || error.StartsWith("EGeneral:Internal error", StringComparison.OrdinalIgnoreCase))
        {
            return KrakenErrorKind.Unavailable;
        }

        return KrakenErrorKind.Rejected;
    }

    /// <summary>The most telling of several errors: rate limits first (they decide the wait), then outages, unknown pairs, refusals.</summary>
    public static (KrakenErrorKind Kind, string Error) Worst(IReadOnlyList<string> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("No errors given.", nameof(errors));
        }

        return errors
            .Select(e => (Kind: Classify(e), Error: e))
            .OrderBy(e => e.Kind)
            .First();
    }

    /// <summary>Splits <c>EGeneral:Invalid arguments</c> into category and message.</summary>
    public static (string Code, string Message) Split(string error)
    {
        var colon = error.IndexOf(':');
        return colon > 0 ? (error[..colon], error[(colon + 1)..]) : (error, error);
    }
}
