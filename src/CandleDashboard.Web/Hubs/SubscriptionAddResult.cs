namespace CandleDashboard.Web.Hubs;

/// <summary>What <see cref="HubSubscriptionRegistry{TKey}.Add"/> did.</summary>
public enum SubscriptionAddResult
{
    Added,
    AlreadySubscribed,
    LimitReached,
}
