using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using CandleDashboard.Web.Hosting;
using CandleDashboard.Web.Tests.Infrastructure;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>
/// The web root's files over plain HTTP: the plotly bundle precompressed per Accept-Encoding, and
/// the fingerprinted addresses the page names cached for a year, other addresses not.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class StaticAssetServingTests(DashboardServer server)
{
    private const string Immutable = "public, max-age=31536000, immutable";

    // No automatic decompression: the test sees the bytes and headers as sent.
    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.BaseAddress };

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task The_plotly_bundle_is_sent_precompressed_in_the_accepted_encoding(string acceptEncoding, string expected)
    {
        using var client = Client();
        var raw = await client.GetByteArrayAsync("/" + PlotlyBundle.BundlePath);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + PlotlyBundle.BundlePath);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var sent = await response.Content.ReadAsByteArrayAsync();
        Assert.True(sent.Length < raw.Length / 2, $"{expected}: {sent.Length} bytes for {raw.Length}");
        Assert.Equal(raw, Decompress(sent, expected));
    }

    [Fact]
    public async Task Without_accept_encoding_the_bundle_is_sent_as_is()
    {
        using var client = Client();
        using var response = await client.GetAsync("/" + PlotlyBundle.BundlePath);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.StartsWith("\"use strict\";var Plotly=", System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData(".br")]
    [InlineData(".gz")]
    public async Task A_precompressed_variant_is_not_served_by_its_own_name(string suffix)
    {
        using var client = Client();
        using var response = await client.GetAsync("/" + PlotlyBundle.BundlePath + suffix);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_page_names_its_scripts_and_stylesheet_by_fingerprint_and_those_are_immutable()
    {
        using var client = Client();
        var html = await client.GetStringAsync("/chart/BTCUSDT/1m");
        string[] files = [PlotlyBundle.BundlePath, "js/plotly-preload.js", "css/app.css"];

        foreach (var file in files)
        {
            var match = Regex.Match(html, Regex.Escape(file) + @"\?v=([A-Za-z0-9_-]{12})""");
            Assert.True(match.Success, $"{file} is not named by fingerprint in the page");
            using var response = await client.GetAsync($"/{file}?v={match.Groups[1].Value}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Immutable, response.Headers.CacheControl?.ToString());
        }
    }

    [Theory]
    [InlineData("?v=AAAAAAAAAAAA")]
    [InlineData("")]
    public async Task Other_addresses_of_a_file_are_not_cached_for_a_year(string query)
    {
        using var client = Client();
        using var response = await client.GetAsync("/" + PlotlyBundle.BundlePath + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.CacheControl);
        Assert.NotNull(response.Headers.ETag);
    }

    private static byte[] Decompress(byte[] sent, string encoding)
    {
        using var input = new MemoryStream(sent);
        using Stream stream = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
