using CandleDashboard.Web.Admin;
using CandleDashboard.Web.Hosting;
using CandleDashboard.Web.Operations;
using CandleDashboard.Web.Operations.Import;
using CandleDashboard.Web.Persistence;
using Microsoft.Extensions.Options;

// Zero configuration: starts the in-process exchange simulator and serves http://localhost:5080
// (appsettings.json "Urls"; --urls overrides). Exchange:Mode=Binance talks to the real exchange.
if (args is ["hash-password"])
{
    // Makes the value for Admin:PasswordHash from a password read on standard input.
    return AdminPasswordCommand.Run(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected);
}

if (args is [VerifyStoreCommand.Name, .. var verifyArgs])
{
    // Checks the configured stores against each other and the exchange; the exit code says if anything is wrong.
    return await VerifyStoreCommand.RunAsync(verifyArgs, Console.Out, Console.Error);
}

if (args is [ImportCommand.Name, .. var importArgs])
{
    // Bulk import of published trade files (Binance dumps, Kraken CSVs) into the stores; resumable, idempotent.
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    return await ImportCommand.RunAsync(importArgs, Console.Out, Console.Error, !Console.IsOutputRedirected, stop.Token);
}

try
{
    var app = await DashboardHost.BuildAsync(args);
    await app.RunAsync();
    return 0;
}
catch (StorageUnavailableException ex)
{
    // A configured store is unreachable: one clear line for the operator, no stack trace.
    Console.Error.WriteLine($"CandleDashboard did not start: {ex.Message}");
    return 1;
}
catch (OptionsValidationException ex)
{
    // A configuration mistake: one line per problem, each naming its setting.
    Console.Error.WriteLine("CandleDashboard did not start: the configuration has mistakes.");
    foreach (var failure in ex.Failures)
    {
        Console.Error.WriteLine($"  {failure}");
    }

    return 1;
}

/// <summary>Entry point; public so tests can reference the app's assembly.</summary>
public partial class Program;
