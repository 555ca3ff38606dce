using CandleDashboard.Web.Chart;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class PendingCandlesTests
{
    [Fact]
    public void First_offer_starts_a_drain_and_later_offers_join_it()
    {
        var pending = new PendingCandles();

        Assert.True(pending.Offer(TestCandles.At(0)));
        Assert.False(pending.Offer(TestCandles.At(0, close: 101m)));
        Assert.False(pending.Offer(TestCandles.At(60_000)));
    }

    [Fact]
    public void Updates_of_one_candle_collapse_to_the_latest_but_other_candles_are_kept_in_order()
    {
        var pending = new PendingCandles();
        pending.Offer(TestCandles.At(60_000, close: 105m));
        pending.Offer(TestCandles.At(0, close: 101m, closed: true));
        pending.Offer(TestCandles.At(60_000, close: 107m));

        var batch = pending.TakeOrRelease().Live;

        Assert.Equal([0L, 60_000L], batch.Select(c => c.OpenTime));
        Assert.True(batch[0].IsClosed);          // the closed candle is never lost
        Assert.Equal(107m, batch[1].Close);      // latest wins within a candle
    }

    [Fact]
    public void An_empty_take_ends_the_drain_so_the_next_offer_starts_a_new_one()
    {
        var pending = new PendingCandles();
        pending.Offer(TestCandles.At(0));
        Assert.Single(pending.TakeOrRelease().Live);

        Assert.True(pending.TakeOrRelease().IsEmpty);
        Assert.True(pending.Offer(TestCandles.At(60_000)));
    }

    [Fact]
    public void Held_queue_collects_without_asking_for_a_drain_until_released()
    {
        var pending = new PendingCandles(startHeld: true);

        Assert.False(pending.Offer(TestCandles.At(0)));
        Assert.False(pending.Offer(TestCandles.At(60_000)));
        Assert.Equal(2, pending.TakeOrRelease().Live.Count);
        Assert.True(pending.TakeOrRelease().IsEmpty);
        Assert.True(pending.Offer(TestCandles.At(120_000)));
    }

    [Fact]
    public async Task Concurrent_offers_start_exactly_one_drain_at_a_time()
    {
        var pending = new PendingCandles();
        var drains = 0;
        await Parallel.ForAsync(0, 10_000, (i, _) =>
        {
            if (pending.Offer(TestCandles.At(i % 7 * 60_000, close: i)))
            {
                Interlocked.Increment(ref drains);
            }

            return ValueTask.CompletedTask;
        });

        Assert.Equal(1, drains);
        Assert.Equal(7, pending.TakeOrRelease().Live.Count);
    }

    [Fact]
    public void Official_candles_share_the_drain_with_live_updates()
    {
        var pending = new PendingCandles();

        Assert.True(pending.OfferOfficial([TestCandles.Official(0), TestCandles.Official(60_000)]));
        Assert.False(pending.Offer(TestCandles.At(120_000)));           // joins the running drain
        Assert.False(pending.OfferOfficial([TestCandles.Official(60_000, close: 99m)]));

        var batch = pending.TakeOrRelease();

        Assert.Equal([120_000L], batch.Live.Select(c => c.OpenTime));
        Assert.Equal([0L, 60_000L], batch.Official.Select(c => c.OpenTime));
        Assert.Equal(99m, batch.Official[1].Close);                     // a later commit of a bucket wins
        Assert.True(pending.TakeOrRelease().IsEmpty);
        Assert.True(pending.OfferOfficial([TestCandles.Official(0)])); // drain ended: the next offer starts one
    }

    [Fact]
    public void An_empty_official_range_does_not_start_a_drain()
    {
        var pending = new PendingCandles();

        Assert.False(pending.OfferOfficial([]));
        Assert.True(pending.Offer(TestCandles.At(0)));
    }

    [Fact]
    public void Official_candles_are_held_with_live_ones_while_the_history_loads()
    {
        var pending = new PendingCandles(startHeld: true);

        Assert.False(pending.OfferOfficial([TestCandles.Official(0)]));
        Assert.Single(pending.TakeOrRelease().Official);
    }

    [Fact]
    public void A_held_up_queue_keeps_only_the_newest_live_candles_and_counts_the_rest()
    {
        var pending = new PendingCandles();
        pending.Offer(TestCandles.At(0)); // a drain starts and its browser call hangs

        const int offered = 1_000;
        for (var i = 1; i <= offered; i++)
        {
            pending.Offer(TestCandles.At(i * 60_000L, closed: true));
            pending.Offer(TestCandles.At(i * 60_000L, close: 101m)); // updates of one candle coalesce, never count twice
        }

        Assert.Equal(PendingCandles.MaxLive, pending.Count);
        Assert.Equal(offered + 1 - PendingCandles.MaxLive, pending.Dropped);
        var batch = pending.TakeOrRelease().Live;
        Assert.Equal(Enumerable.Range(offered - PendingCandles.MaxLive + 1, PendingCandles.MaxLive).Select(i => i * 60_000L), batch.Select(c => c.OpenTime));
        Assert.All(batch, c => Assert.Equal(101m, c.Close)); // the latest of each candle
    }

    [Fact]
    public void Official_candles_are_bounded_by_what_a_chart_shows()
    {
        var pending = new PendingCandles(startHeld: true);

        pending.OfferOfficial(TestCandles.Series(PendingCandles.MaxOfficial + 10).Select(c => c with { Source = CandleDashboard.Core.Market.CandleSource.Official }).ToArray());

        var batch = pending.TakeOrRelease();
        Assert.Equal(PendingCandles.MaxOfficial, batch.Official.Count);
        Assert.Equal(10 * 60_000L, batch.Official[0].OpenTime); // the oldest went
        Assert.Equal(10, pending.Dropped);
    }
}
