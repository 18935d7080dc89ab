namespace Caseload.Core.Domain;

public enum AuditAction
{
    Create = 0,
    Update = 1,
    Delete = 2,
    Read = 3,
}
