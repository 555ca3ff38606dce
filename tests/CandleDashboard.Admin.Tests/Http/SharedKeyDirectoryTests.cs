using System.Net;
using CandleDashboard.Admin.Tests.Infrastructure;
using CandleDashboard.Web.Admin;
using Microsoft.AspNetCore.WebUtilities;

namespace CandleDashboard.Admin.Tests.Http;

/// <summary>
/// Instances that share DataProtection:KeysDirectory (no Redis) accept each other's admin cookie,
/// as long as they are configured with the same account: the sign-in stamp ties a cookie to the
/// user name and password hash it was issued for.
/// </summary>
public sealed class SharedKeyDirectoryTests : IAsyncLifetime
{
    private readonly string _keys = Directory.CreateTempSubdirectory("candledashboard-keys-").FullName;
    private readonly List<AdminServer> _servers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(_keys, recursive: true);
    }

    [Fact]
    public async Task A_cookie_from_one_instance_is_accepted_by_another_with_the_same_account_and_refused_after_a_password_change()
    {
        var a = await StartAsync(AdminServer.Hash);
        var b = await StartAsync(AdminServer.Hash);
        var changed = await StartAsync(PasswordHash.Create("a different password", iterations: 10_000));

        using var onA = new AdminClient(a.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await onA.LoginAsync(AdminServer.Username, AdminServer.Password)).StatusCode);
        // The cookie was protected with a key from the shared directory: a protected payload starts
        // with a 4-byte magic header, then the id of its key (the directory names files key-{id}.xml).
        var cookie = onA.Cookies.GetAllCookies().Single(c => c.Name == AdminPolicy.CookieName).Value;
        var keyId = new Guid(WebEncoders.Base64UrlDecode(cookie).AsSpan(4, 16));
        Assert.True(File.Exists(Path.Combine(_keys, $"key-{keyId}.xml")), $"key {keyId} in {_keys}");

        // All listen on 127.0.0.1, so one cookie jar sends A's cookie to the others (cookies ignore ports).
        Assert.Equal(HttpStatusCode.OK, await BuffersStatusAsync(onA, b));
        Assert.Equal(HttpStatusCode.Unauthorized, await BuffersStatusAsync(onA, changed));
        using var anonymous = new HttpClient { BaseAddress = b.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/buffers")).StatusCode);
    }

    private static async Task<HttpStatusCode> BuffersStatusAsync(AdminClient signedIn, AdminServer on)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = signedIn.Cookies, AllowAutoRedirect = false }) { BaseAddress = on.BaseAddress };
        using var response = await client.GetAsync("api/buffers");
        return response.StatusCode;
    }

    private async Task<AdminServer> StartAsync(string hash)
    {
        var server = new KeyDirectoryAdminServer(_keys, hash);
        _servers.Add(server);
        await server.InitializeAsync();
        return server;
    }

    private sealed class KeyDirectoryAdminServer(string keys, string hash) : AdminServer
    {
        protected override IEnumerable<string> AdminArgs =>
            [$"--Admin:Username={Username}", $"--Admin:PasswordHash={hash}", $"--DataProtection:KeysDirectory={keys}"];
    }
}
