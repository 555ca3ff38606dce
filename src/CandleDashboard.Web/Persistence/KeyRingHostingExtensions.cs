using CandleDashboard.Storage.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace CandleDashboard.Web.Persistence;

/// <summary>
/// Where the Data Protection key ring lives (it protects the admin cookie and antiforgery tokens).
/// One owner, one decision: <c>DataProtection:KeysDirectory</c> when set (e.g. a volume every
/// instance mounts, and the only shared place when PostgreSQL is the only store); else Redis when
/// <c>ConnectionStrings:Redis</c> is set; else the framework's default per-machine ring (one
/// instance; in a container without a volume the keys, and so every sign-in, end with it).
/// </summary>
public static class KeyRingHostingExtensions
{
    /// <summary>The Data Protection application name: every instance must use the same one to share the key ring.</summary>
    public const string DataProtectionApplicationName = "CandleDashboard";

    public const string KeysDirectorySetting = "DataProtection:KeysDirectory";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration, string? redisConnectionString)
    {
        var directory = configuration[KeysDirectorySetting];
        if (!string.IsNullOrWhiteSpace(directory))
        {
            services.AddDataProtection()
                .SetApplicationName(DataProtectionApplicationName)
                .PersistKeysToFileSystem(new DirectoryInfo(directory));
        }
        else if (!string.IsNullOrWhiteSpace(redisConnectionString))
        {
            services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
            // On the app's one Redis connection, resolved when the key ring is first read (after the
            // start-up check), hence options configured from DI rather than PersistKeysToStackExchangeRedis,
            // which needs the connection when services are registered.
            services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
                options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), RedisKeys.DataProtectionKeys));
        }

        return services;
    }
}
