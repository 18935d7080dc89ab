namespace Caseload.Core.Domain;

public enum SanctionKind
{
    Detention,
    Isolation,
    Suspension,
    Other,
}
