namespace Caseload.Core.Domain;

public enum ReferralStatus
{
    Raised,
    Acknowledged,
    ActedOn,
    Closed,
}
