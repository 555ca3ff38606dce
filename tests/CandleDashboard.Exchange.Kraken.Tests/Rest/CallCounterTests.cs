using CandleDashboard.Exchange.Kraken.Rest;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Exchange.Kraken.Tests.Rest;

public sealed class CallCounterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Calls_fill_the_counter_to_its_maximum_and_decay_frees_room_at_the_documented_rate()
    {
        var counter = new KrakenCallCounter(_time, maximum: 15, decayPerSecond: 0.33);
        for (var i = 0; i < 15; i++)
        {
            Assert.True(counter.TryTake(15, out _));
        }

        Assert.False(counter.TryTake(15, out var wait));
        Assert.Equal(1 / 0.33, wait.TotalSeconds, precision: 3); // one call's worth of decay: about 3 s

        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(counter.TryTake(15, out _)); // 0.99 decayed: not yet
        _time.Advance(TimeSpan.FromMilliseconds(40));
        Assert.True(counter.TryTake(15, out _));
        Assert.Equal(15, counter.Level, precision: 2);

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, counter.Level); // never below zero
    }

    [Fact]
    public void A_lower_ceiling_keeps_room_for_others()
    {
        var counter = new KrakenCallCounter(_time, maximum: 15, decayPerSecond: 0.5);
        for (var i = 0; i < 9; i++)
        {
            Assert.True(counter.TryTake(9, out _));
        }

        Assert.False(counter.TryTake(9, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(2), wait);
        Assert.True(counter.TryTake(15, out _)); // the full maximum still has room
    }

    [Fact]
    public void Fill_means_full_whatever_the_local_copy_thought()
    {
        var counter = new KrakenCallCounter(_time, maximum: 20, decayPerSecond: 1);
        counter.Fill();

        Assert.False(counter.TryTake(20, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
    }
}
