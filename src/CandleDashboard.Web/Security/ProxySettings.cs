using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CandleDashboard.Web.Security;

/// <summary>
/// <c>ForwardedHeaders</c> configuration: which reverse proxies may tell the app the client's
/// address and scheme. Nothing configured (the default) means X-Forwarded-* headers are ignored,
/// so a client cannot choose its own address for the rate limits or its own scheme.
/// </summary>
public sealed class ProxySettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c> (<c>ForwardedHeaders:KnownProxies:0</c>).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/8</c> (<c>ForwardedHeaders:KnownNetworks:0</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are trusted, counted from the app (each must be known).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool IsConfigured => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    /// <summary>What is wrong with the settings, one line per entry, naming the setting.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        for (var i = 0; i < KnownProxies.Length; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i].Trim(), out _))
            {
                problems.Add($"{SectionName}:KnownProxies:{i} '{KnownProxies[i]}' is not an IP address.");
            }
        }

        for (var i = 0; i < KnownNetworks.Length; i++)
        {
            if (!System.Net.IPNetwork.TryParse(KnownNetworks[i].Trim(), out _))
            {
                problems.Add($"{SectionName}:KnownNetworks:{i} '{KnownNetworks[i]}' is not a network in CIDR form (e.g. 10.0.0.0/8).");
            }
        }

        if (ForwardLimit < 1)
        {
            problems.Add($"{SectionName}:ForwardLimit must be at least 1.");
        }

        return problems;
    }

    /// <summary>
    /// Only X-Forwarded-For and X-Forwarded-Proto, only from the configured proxies: the framework's
    /// default trust of loopback is dropped (a process on the same machine is not a proxy unless
    /// configured). X-Forwarded-Host is not taken: the app builds no absolute links from the host.
    /// </summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = ForwardLimit;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
        }

        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        }
    }
}
