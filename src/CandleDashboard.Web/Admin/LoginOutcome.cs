namespace CandleDashboard.Web.Admin;

public enum LoginOutcome
{
    SignedIn,
    WrongCredentials,
    TooManyAttempts,
    Disabled,
}
