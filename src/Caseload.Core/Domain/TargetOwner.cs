namespace Caseload.Core.Domain;

public enum TargetOwner
{
    Student,
    Tutor,
    Other,
}
