namespace CandleDashboard.Exchange.Kraken.Parsing;

/// <summary>What a Kraken error string (<c>Category:Message</c>) means for the caller.</summary>
public enum KrakenErrorKind
{
    /// <summary>EAPI:Rate limit exceeded, EGeneral:Too many requests: back off.</summary>
    RateLimited,

    /// <summary>EQuery:Unknown asset pair: a wrong or delisted symbol.</summary>
    UnknownPair,

    /// <summary>EService:* (Unavailable, Busy, Deadline elapsed), EGeneral:Internal error: an outage.</summary>
    Unavailable,

    /// <summary>Anything else (EGeneral:Invalid arguments, …): the request itself was refused.</summary>
    Rejected,
}
