namespace Caseload.Core.Domain;

public enum CaseReason
{
    Attendance,
    Punctuality,
    Progress,
    Behaviour,
    Wellbeing,
    Other,
}
