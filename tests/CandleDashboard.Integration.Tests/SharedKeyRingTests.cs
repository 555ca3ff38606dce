using System.Net;
using System.Security.Cryptography;
using CandleDashboard.Admin.Tests.Infrastructure;
using CandleDashboard.Storage.Redis;
using CandleDashboard.Web.Admin;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CandleDashboard.Integration.Tests;

/// <summary>
/// Two app instances on one redis-server share the Data Protection key ring there, so what one
/// protects (an admin cookie, an antiforgery token) the other accepts.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class SharedKeyRingTests(StoresFixture stores)
{
    private const string Username = "operator";

    // A fresh random password per run; fewer hash iterations than production only to keep the login fast.
    private static readonly string Password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
    private static readonly string Hash = PasswordHash.Create(Password, iterations: 10_000);

    [Fact]
    public async Task A_payload_protected_by_one_instance_is_unprotected_by_another_from_the_key_ring_in_redis()
    {
        await stores.Redis.SendAsync("FLUSHALL");
        await using var a = await AppInstance.StartAsync(stores.RedisOnlyAppArgs("--Persistence:FetchOfficialKlines=false"));
        await using var b = await AppInstance.StartAsync(stores.RedisOnlyAppArgs("--Persistence:FetchOfficialKlines=false"));

        var payload = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("only the key ring can read this");

        Assert.Equal("only the key ring can read this", b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
        // A protected payload starts with a 4-byte magic header, then the id of the key that protected it.
        var keyId = new Guid(WebEncoders.Base64UrlDecode(payload).AsSpan(4, 16));
        await using var redis = await RedisConnector.ConnectAsync(stores.Redis.ConnectionString);
        var ring = await redis.GetDatabase().ListRangeAsync(RedisKeys.DataProtectionKeys);
        Assert.Contains(ring, key => key.ToString().Contains($"id=\"{keyId}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_cookie_issued_by_one_instance_is_accepted_by_another()
    {
        await stores.Redis.SendAsync("FLUSHALL");
        string[] admin = ["--Persistence:FetchOfficialKlines=false", $"--Admin:Username={Username}", $"--Admin:PasswordHash={Hash}"];
        await using var a = await AppInstance.StartAsync(stores.RedisOnlyAppArgs(admin));
        await using var b = await AppInstance.StartAsync(stores.RedisOnlyAppArgs(admin));
        using var onA = new AdminClient(a.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await onA.LoginAsync(Username, Password)).StatusCode);
        Assert.True(onA.HasAdminCookie);

        // Both listen on 127.0.0.1, so the same cookie jar sends A's cookie to B (cookies ignore ports).
        using var withCookie = new HttpClient(new HttpClientHandler { CookieContainer = onA.Cookies, AllowAutoRedirect = false }) { BaseAddress = b.BaseAddress };
        using var without = new HttpClient { BaseAddress = b.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await withCookie.GetAsync("api/buffers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await without.GetAsync("api/buffers")).StatusCode);
    }
}
