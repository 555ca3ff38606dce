using System.Text.Json;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Rest;

/// <summary>The Binance spot market-data endpoints the dashboard uses: ping, time, exchangeInfo, klines.</summary>
internal sealed class RestApi(IReadOnlyDictionary<string, SymbolMarket> markets, IReadOnlyList<SymbolMarket> listed, TimeProvider timeProvider)
{
    private const string JsonContentType = "application/json;charset=UTF-8";
    private readonly RequestWeight _weight = new(timeProvider);

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v3/ping", (HttpContext context) => Json(context, 1, _ => { }));
        app.MapGet("/api/v3/time", (HttpContext context) =>
            Json(context, 1, w => w.WriteNumber("serverTime", Now())));
        app.MapGet("/api/v3/exchangeInfo", ExchangeInfo);
        app.MapGet("/api/v3/klines", Klines);
    }

    private IResult ExchangeInfo(HttpContext context)
    {
        _weight.Charge(context, 20);
        var selected = SelectSymbols(context.Request.Query, out var error);
        if (error is not null)
        {
            return error.ToResult();
        }

        return Write(w => ExchangeInfoWriter.Write(w, Now(), selected!.Select(m => m.Profile)));
    }

    private IResult Klines(HttpContext context)
    {
        _weight.Charge(context, 2);
        var (query, error) = KlineQuery.Parse(context.Request.Query, markets);
        if (query is null)
        {
            return error!.ToResult();
        }

        // Without startTime Binance serves the newest `limit` klines up to endTime (or now); with it, the first `limit` from there.
        var bars = query.Market.ReadKlines(
            query.IntervalIndex,
            from: query.StartTime ?? long.MinValue / 2,
            to: query.EndTime ?? long.MaxValue / 2,
            query.Limit,
            newestFirst: query.StartTime is null,
            now: Now());
        return Write(w => KlineRowWriter.Write(w, query.Interval, bars));
    }

    /// <summary>exchangeInfo takes <c>symbol=BTCUSDT</c> or <c>symbols=["BTCUSDT","ETHUSDT"]</c>; an unknown one is -1121.</summary>
    private List<SymbolMarket>? SelectSymbols(IQueryCollection query, out BinanceError? error)
    {
        error = null;
        var requested = new List<string>();
        if (query["symbol"] is { Count: > 0 } one)
        {
            requested.Add(one.ToString());
        }
        else if (query["symbols"] is { Count: > 0 } many)
        {
            try
            {
                requested.AddRange(JsonSerializer.Deserialize<string[]>(many.ToString()) ?? []);
            }
            catch (JsonException)
            {
                error = BinanceError.IllegalCharacters("symbols");
                return null;
            }
        }
        else
        {
            return [.. listed];
        }

        var selected = new List<SymbolMarket>();
        foreach (var symbol in requested)
        {
            if (!markets.TryGetValue(symbol.ToUpperInvariant(), out var market))
            {
                error = BinanceError.InvalidSymbol;
                return null;
            }

            selected.Add(market);
        }

        return selected;
    }

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private IResult Json(HttpContext context, int weight, Action<Utf8JsonWriter> body)
    {
        _weight.Charge(context, weight);
        return Write(w =>
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        });
    }

    private static IResult Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Results.Bytes(buffer.WrittenMemory.ToArray(), JsonContentType);
    }
}
