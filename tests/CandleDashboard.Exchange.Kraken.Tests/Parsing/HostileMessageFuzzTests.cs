using System.Text;
using CandleDashboard.Exchange.Kraken.Parsing;
using CandleDashboard.Exchange.Kraken.Streaming;
using CandleDashboard.Exchange.Kraken.Tests.Infrastructure;

namespace CandleDashboard.Exchange.Kraken.Tests.Parsing;

/// <summary>Whatever bytes arrive, the parser answers with a kind and never throws; trades it lets through are usable.</summary>
public sealed class HostileMessageFuzzTests
{
    [Fact]
    public void Mutated_and_truncated_messages_never_throw()
    {
        var map = KrakenSamples.PairMap();
        map.TryGetBySymbol("BTCUSD", out var btc);
        var parser = new KrakenMessageParser(new KrakenSubscription([btc!]));
        var message = new KrakenMessage();
        var seeds = new[]
        {
            KrakenWsJson.Trades("snapshot", "BTC/USD", 1, 2, 3),
            KrakenWsJson.Trades("update", "BTC/USD", 4),
            KrakenWsJson.SubscribeAck("BTC/USD"),
            KrakenWsJson.StatusOnline,
            KrakenWsJson.Heartbeat,
        }.Select(Encoding.UTF8.GetBytes).ToArray();
        var random = new Random(20251110);
        var kinds = new HashSet<KrakenMessageKind>();

        for (var i = 0; i < 20_000; i++)
        {
            var bytes = (byte[])seeds[random.Next(seeds.Length)].Clone();
            switch (random.Next(3))
            {
                case 0:
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes = bytes[..random.Next(bytes.Length)];
                    break;
                default:
                    bytes[random.Next(bytes.Length)] = (byte)"{}[]\",:0-.e"[random.Next(11)];
                    break;
            }

            parser.Parse(bytes, message);
            kinds.Add(message.Kind);
            Assert.All(message.Trades, t => Assert.True(t.Price > 0 && t.Quantity > 0 && t.TradeId >= 0 && t.Symbol == "BTCUSD"));
        }

        Assert.Contains(KrakenMessageKind.Malformed, kinds);
        Assert.Contains(KrakenMessageKind.Trades, kinds);
    }
}
