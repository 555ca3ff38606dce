using CandleDashboard.Web.Metrics;
using Microsoft.AspNetCore.SignalR;

namespace CandleDashboard.Web.Hubs;

/// <summary>What every group broadcast of the hub shares (<see cref="HubGroupSender{TUpdate}"/>): one per app.</summary>
/// <param name="Metrics">Optional: pushed updates are counted when the host registered metrics.</param>
/// <param name="SlowFollowerTimeout">How long a send may wait for a follower whose buffer is full before SignalR aborts it.</param>
internal sealed record HubBroadcastSettings(IHubContext<CandleHub> Hub, HubGroups Groups, TimeProvider Clock, ILogger Logger, DashboardMetrics? Metrics, TimeSpan SlowFollowerTimeout);
