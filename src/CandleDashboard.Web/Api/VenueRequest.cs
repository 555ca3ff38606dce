using System.Diagnostics.CodeAnalysis;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Api;

/// <summary>
/// The <c>exchange</c> query parameter every series endpoint takes: absent means the default venue, so
/// every client written before there were several exchanges keeps its answers.
/// </summary>
public static class VenueRequest
{
    public const string Description = "The exchange (GET /api/exchanges lists them, e.g. binance, kraken); absent: the first configured.";

    public static bool TryResolve(string? exchange, VenueDirectory venues, [NotNullWhen(true)] out Venue? venue, out IResult problem)
    {
        if (venues.TryGet(exchange, out venue))
        {
            problem = Results.Empty;
            return true;
        }

        // Well-formed but not served here, like an unknown symbol.
        problem = Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown exchange", detail: venues.Unknown(InputEcho.Of(exchange!)));
        return false;
    }
}
