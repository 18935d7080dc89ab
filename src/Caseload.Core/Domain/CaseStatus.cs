namespace Caseload.Core.Domain;

public enum CaseStatus
{
    Open,
    Closed,
}
