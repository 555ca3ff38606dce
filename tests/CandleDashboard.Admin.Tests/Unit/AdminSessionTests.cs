using System.Security.Claims;
using CandleDashboard.Web.Admin;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Admin.Tests.Unit;

public sealed class AdminSessionTests
{
    private static readonly string HashA = PasswordHash.Create("first password!", 1_000);
    private static readonly string HashB = PasswordHash.Create("second password", 1_000);

    private readonly ChangingOptions _options = new(new AdminOptions { Username = "ops", PasswordHash = HashA });
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_sign_in_with_the_current_stamp_holds()
    {
        var session = new AdminSession(_options, _clock);

        Assert.True(session.IsCurrent(SignedIn(AdminSession.Stamp(_options.CurrentValue))));
    }

    [Fact]
    public void Changing_the_password_hash_or_the_user_name_or_turning_the_area_off_ends_it()
    {
        var session = new AdminSession(_options, _clock);
        var user = SignedIn(AdminSession.Stamp(_options.CurrentValue));

        _options.CurrentValue = new AdminOptions { Username = "ops", PasswordHash = HashB };
        Assert.False(session.IsCurrent(user));
        _options.CurrentValue = new AdminOptions { Username = "someone", PasswordHash = HashA };
        Assert.False(session.IsCurrent(user));
        _options.CurrentValue = new AdminOptions();
        Assert.False(session.IsCurrent(user));
        _options.CurrentValue = new AdminOptions { Username = " ops ", PasswordHash = HashA };
        Assert.True(session.IsCurrent(user));
    }

    [Fact]
    public void A_sign_in_without_a_stamp_does_not_hold_and_anonymous_has_nothing_to_revoke()
    {
        var session = new AdminSession(_options, _clock);

        Assert.False(session.IsCurrent(SignedIn(stamp: null)));
        Assert.True(session.IsCurrent(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Fact]
    public void The_carried_cookie_expiry_ends_it_on_time()
    {
        var session = new AdminSession(_options, _clock);
        var user = SignedIn(AdminSession.Stamp(_options.CurrentValue));
        AdminSession.CarryExpiry(user, _clock.GetUtcNow().AddMinutes(5));
        // A renewed cookie carries a new expiry: the claim is replaced, not added.
        AdminSession.CarryExpiry(user, _clock.GetUtcNow().AddMinutes(10));
        Assert.Single(user.FindAll(AdminSession.ExpiresClaim));

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.True(session.IsCurrent(user));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(session.IsCurrent(user));
    }

    [Fact]
    public async Task The_circuit_provider_keeps_a_valid_sign_in_and_signs_the_circuit_out_once_the_account_changes()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new AdminOptions { SessionRevalidationInterval = TimeSpan.FromMilliseconds(20) });
        using var provider = new AdminAuthenticationStateProvider(NullLoggerFactory.Instance, new AdminSession(_options, _clock), options);
        var changes = new System.Collections.Concurrent.ConcurrentQueue<Task<AuthenticationState>>();
        provider.AuthenticationStateChanged += changes.Enqueue;
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(SignedIn(AdminSession.Stamp(_options.CurrentValue)))));
        var startReads = _options.Reads;

        // Several revalidations pass (each reads the account once) and the circuit stays signed in.
        await Eventually.ReachesAsync(() => _options.Reads, reads => reads >= startReads + 3, TimeSpan.FromSeconds(10), "revalidations");
        _ = Assert.Single(changes); // only the SetAuthenticationState above
        Assert.True((await provider.GetAuthenticationStateAsync()).User.Identity!.IsAuthenticated);

        _options.CurrentValue = new AdminOptions { Username = "ops", PasswordHash = HashB };

        await Eventually.ReachesAsync(() => changes.Count, count => count == 2, TimeSpan.FromSeconds(10), "the sign-out");
        Assert.False((await changes.Last()).User.Identity!.IsAuthenticated);
        Assert.False((await provider.GetAuthenticationStateAsync()).User.Identity!.IsAuthenticated);
    }

    private static ClaimsPrincipal SignedIn(string? stamp)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "ops"), new(ClaimTypes.Role, AdminSignIn.Role) };
        if (stamp is not null)
        {
            claims.Add(new Claim(AdminSession.StampClaim, stamp));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AdminPolicy.Scheme));
    }

    /// <summary>An options monitor whose value a test changes (as a reloaded appsettings.json would), counting reads.</summary>
    private sealed class ChangingOptions(AdminOptions initial) : IOptionsMonitor<AdminOptions>
    {
        private AdminOptions _value = initial;
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public AdminOptions CurrentValue
        {
            get
            {
                Interlocked.Increment(ref _reads);
                return Volatile.Read(ref _value);
            }

            set => Volatile.Write(ref _value, value);
        }

        public AdminOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<AdminOptions, string?> listener) => null;
    }
}
