using CandleDashboard.Core.Market;
using CandleDashboard.Web.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class RetentionOptionsTests
{
    private static PersistenceOptions Bound(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return configuration.GetSection(PersistenceOptions.SectionName).Get<PersistenceOptions>() ?? new PersistenceOptions();
    }

    [Fact]
    public void Rules_bind_from_configuration_shortest_interval_first_and_unlisted_intervals_are_kept()
    {
        var options = Bound(
            ("Persistence:Retention:1m", "365.00:00:00"),
            ("Persistence:Retention:1s", "2.00:00:00"),
            ("Persistence:Retention:15s", "7.00:00:00"));

        Assert.True(new PersistenceOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(
            [new RetentionRule(Interval.OneSecond, TimeSpan.FromDays(2)), new RetentionRule(Interval.FifteenSeconds, TimeSpan.FromDays(7)), new RetentionRule(Interval.OneMinute, TimeSpan.FromDays(365))],
            RetentionRule.From(options));
        Assert.Equal(TimeSpan.FromHours(1), options.RetentionEvery);
    }

    [Fact]
    public void No_retention_is_the_default()
    {
        var options = new PersistenceOptions();
        Assert.Empty(RetentionRule.From(options));
        Assert.True(new PersistenceOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Persistence:Retention:1M", "1.00:00:00", "'1M', which is not an interval")]
    [InlineData("Persistence:Retention:2m", "1.00:00:00", "'2m', which is not an interval")]
    [InlineData("Persistence:Retention:1m", "00:00:00", "Persistence:Retention:1m is 00:00:00; it must be positive")]
    [InlineData("Persistence:Retention:1m", "-1.00:00:00", "Persistence:Retention:1m is -1.00:00:00; it must be positive")]
    [InlineData("Persistence:RetentionEvery", "00:00:00", "Persistence:RetentionEvery is 00:00:00; it must be positive")]
    [InlineData("Persistence:RetentionBatchSize", "0", "Persistence:RetentionBatchSize is 0")]
    public void A_mistake_is_a_clear_error(string key, string value, string expected)
    {
        var result = new PersistenceOptionsValidator().Validate(null, Bound((key, value)));

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistake_stops_the_app_at_startup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection([new("Persistence:Retention:5x", "1.00:00:00")]);
        builder.AddCandlePersistence();
        using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PersistenceOptions>>().Value);
        Assert.Contains("'5x', which is not an interval", error.Message, StringComparison.Ordinal);
        Assert.Contains(services.GetServices<IValidateOptions<PersistenceOptions>>(), v => v is PersistenceOptionsValidator);
    }
}
