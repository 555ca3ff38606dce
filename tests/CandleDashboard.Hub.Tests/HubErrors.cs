namespace CandleDashboard.Hub.Tests;

/// <summary>The error texts a .NET client reads when the hub refuses a call.</summary>
public static class HubErrors
{
    /// <summary>
    /// The hub threw a HubException: SignalR passes its message on, after a line naming the method
    /// (other exceptions would reach the client without their message).
    /// </summary>
    public static string Refused(string method, string message) =>
        $"An unexpected error occurred invoking '{method}' on the server. HubException: {message}";

    /// <summary>Arguments of the wrong type or count: SignalR refuses them before the hub runs, and says no more.</summary>
    public static string NotBound(string method) => $"Failed to invoke '{method}' due to an error on the server.";
}
