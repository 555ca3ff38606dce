using CandleDashboard.Web.Options;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Venues;

/// <summary>
/// The venues this run serves, read once from configuration before the host is built (each venue
/// brings its own hosted services, so the list must be known while registering them).
/// <list type="bullet">
/// <item><c>Dashboard:Exchanges</c> lists them, the default first. A listed Binance without symbols takes
/// <c>Dashboard:Symbols</c> (or the defaults); a Kraken without symbols takes BTCUSD and ETHUSD.</item>
/// <item>Nothing listed: Binance with <c>Dashboard:Symbols</c>, plus Kraken when the simulator runs, so the
/// zero-config run shows both venues offline. Against the real exchanges Kraken is opted into by listing
/// it: pointing an existing Binance deployment at a second venue is not something an upgrade should do
/// by itself.</item>
/// </list>
/// </summary>
public sealed class VenuePlan
{
    private VenuePlan(IReadOnlyList<VenueSettings> venues) => Venues = venues;

    /// <summary>At least one; the first is the default venue.</summary>
    public IReadOnlyList<VenueSettings> Venues { get; }

    public VenueSettings Default => Venues[0];

    public static VenuePlan From(IConfiguration configuration)
    {
        var dashboard = configuration.GetSection(DashboardOptions.SectionName).Get<DashboardOptions>() ?? new DashboardOptions();
        var exchange = configuration.GetSection(ExchangeOptions.SectionName).Get<ExchangeOptions>() ?? new ExchangeOptions();
        return From(dashboard, exchange.Mode);
    }

    /// <exception cref="OptionsValidationException">The list names an unknown exchange, one twice, or an invalid symbol; one message per mistake.</exception>
    public static VenuePlan From(DashboardOptions dashboard, ExchangeMode mode)
    {
        var problems = Validate(dashboard.Exchanges);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(DashboardOptions.SectionName, typeof(DashboardOptions), problems);
        }

        IEnumerable<VenueSettings> listed = dashboard.Exchanges.Count > 0
            ? dashboard.Exchanges
            : mode == ExchangeMode.Simulator
                ? [new VenueSettings { Name = "binance" }, new VenueSettings { Name = "kraken" }]
                : [new VenueSettings { Name = "binance" }];
        return new VenuePlan(listed.Select(v => WithSymbols(v, dashboard)).ToArray());
    }

    /// <summary>One readable message per mistake in <c>Dashboard:Exchanges</c>.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<VenueSettings> exchanges)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < exchanges.Count; k++)
        {
            var venue = exchanges[k];
            if (!Enum.TryParse<VenueKind>(venue.Name.Trim(), ignoreCase: true, out _) || int.TryParse(venue.Name, out _))
            {
                problems.Add($"Dashboard:Exchanges:{k}:Name is '{venue.Name}'; use one of: {string.Join(", ", Enum.GetNames<VenueKind>().Select(n => n.ToLowerInvariant()))}.");
            }
            else if (!seen.Add(venue.Id))
            {
                problems.Add($"Dashboard:Exchanges lists '{venue.Id}' twice; list each exchange once, with all its symbols.");
            }

            foreach (var symbol in venue.Symbols)
            {
                if (!CandleDashboard.Core.Market.Symbols.TryNormalize(symbol, out _))
                {
                    problems.Add($"Dashboard:Exchanges:{k}:Symbols contains '{symbol}', which is not a valid symbol (2-20 letters or digits, e.g. BTCUSD).");
                }
            }
        }

        return problems;
    }

    private static VenueSettings WithSymbols(VenueSettings venue, DashboardOptions dashboard)
    {
        if (venue.Symbols.Count > 0)
        {
            return new VenueSettings { Name = venue.Id, Symbols = [.. venue.EffectiveSymbols] };
        }

        var symbols = venue.Kind == VenueKind.Kraken ? VenueSettings.DefaultKrakenSymbols : dashboard.EffectiveSymbols;
        return new VenueSettings { Name = venue.Id, Symbols = [.. symbols] };
    }
}
