using MudBlazor.Services;

namespace CandleDashboard.Components.Tests.Infrastructure;

/// <summary>
/// A bUnit context set up the way the app hosts its components: MudBlazor's services registered and
/// a JS runtime that answers every call it was not told about (MudBlazor calls its own scripts on
/// every render; each test sets up and asserts only the calls it is about).
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();

        // Only an upper bound: a wait returns as soon as its assertion holds. One second is tight
        // for the first render of a test run on a busy two-core machine.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously; xUnit v2 disposes a
    // test class synchronously unless it is an IAsyncLifetime. Disposing here first makes the
    // synchronous Dispose that follows a no-op.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
