using CandleDashboard.Web.Hosting;

// Zero configuration: starts the in-process exchange simulator and serves http://localhost:5080
// (appsettings.json "Urls"; --urls overrides). Exchange:Mode=Binance talks to the real exchange.
var app = await DashboardHost.BuildAsync(args);
await app.RunAsync();

/// <summary>Entry point; public so tests can reference the app's assembly.</summary>
public partial class Program;
