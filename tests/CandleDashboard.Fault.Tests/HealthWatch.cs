using System.Diagnostics;
using System.Net;

namespace CandleDashboard.Fault.Tests;

/// <summary>
/// Asks the app's /healthz every 100 ms for the whole scenario and remembers every answer that was not
/// a 200 (or no answer within two seconds): "the app answered throughout" is then a count, not a hope.
/// </summary>
public sealed class HealthWatch : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _failures = [];
    private int _probes;
    private TimeSpan _slowest;

    public HealthWatch(Uri baseAddress)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        _loop = Task.Run(LoopAsync);
    }

    public int Probes => Volatile.Read(ref _probes);

    public TimeSpan Slowest => _slowest;

    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_failures)
            {
                return [.. _failures];
            }
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await _http.GetAsync("healthz", _stop.Token);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Fail($"HTTP {(int)response.StatusCode}");
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Fail(ex.GetType().Name + ": " + ex.Message);
            }

            _slowest = watch.Elapsed > _slowest ? watch.Elapsed : _slowest;
            Interlocked.Increment(ref _probes);
            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Fail(string what)
    {
        lock (_failures)
        {
            _failures.Add($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {what}");
        }
    }

    /// <summary>Asserts the app answered every probe, and that there were probes at all.</summary>
    public void AssertAnsweredThroughout(int atLeastProbes = 10)
    {
        Assert.True(Probes >= atLeastProbes, $"only {Probes} health probes ran");
        Assert.Empty(Failures);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _http.Dispose();
        _stop.Dispose();
    }
}
